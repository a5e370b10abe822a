namespace MotCua.Organisation.Seed;

/// <summary>
/// The demo network (configuration section <c>MotCua:Seed</c>; the province is the center's, <see cref="MotCua.Platform.CenterOptions"/>). Defaults: Hanoi as it has run since
/// 1/7/2025 — 12 branches, 30 reception points, a service point in each of the 126 communes/wards.
/// The founding plan: <c>Branches=30</c>, <c>ReceptionPoints=0</c>.
/// </summary>
internal sealed class SeedOptions
{
    public int Branches { get; set; } = 12;
    public int ReceptionPoints { get; set; } = 30;
    public bool ServicePoints { get; set; } = true;

    /// <summary>Creates the demo staff accounts (README): on in Development (appsettings.Development.json), refused elsewhere.</summary>
    public bool DemoStaff { get; set; }
}
