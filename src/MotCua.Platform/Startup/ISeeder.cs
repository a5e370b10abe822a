namespace MotCua.Platform.Startup;

/// <summary>A module's start-up data. Must be idempotent: it runs at every start of every node.</summary>
public interface ISeeder
{
    /// <summary>Lower runs first (organisation before catalog before demo users).</summary>
    int Order { get; }

    Task SeedAsync(CancellationToken ct);
}
