using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Platform.Audit;
using MotCua.Platform.Startup;

namespace MotCua.Cli.Audit;

/// <summary>
/// `motcua audit verify`: seals what is pending, then walks the whole chain and the signed daily checkpoints
/// (<see cref="VerifyAuditTrail"/>, the same check as the page /admin/audit). Exit code 0: intact (also on an empty trail);
/// 1: broken, naming the first broken link (sequence number, time, what is wrong); 2: it cannot verify (no key outside
/// Development).
/// </summary>
internal static class AuditCommand
{
    public const int Intact = 0;
    public const int Broken = 1;
    public const int CannotVerify = 2;

    public static Command Create()
    {
        var verify = new Command("verify", "Seal the pending audit lines, then check the whole chain and the signed daily checkpoints; exit 0 when intact, 1 naming the first broken link.");
        verify.SetAction(async (_, ct) =>
        {
            await using var services = CliHost.Build();
            return await VerifyAsync(services, Console.Out, Console.Error, ct);
        });

        return new Command("audit", "The audit trail (nhật ký kiểm toán).") { verify };
    }

    /// <summary>The command's work on the console's services (the tests give it theirs).</summary>
    public static async Task<int> VerifyAsync(IServiceProvider services, TextWriter output, TextWriter errors, CancellationToken ct)
    {
        try
        {
            _ = services.GetRequiredService<AuditKey>();
        }
        catch (InvalidOperationException e)
        {
            await errors.WriteLineAsync($"motcua audit verify: {e.Message}");
            return CannotVerify;
        }

        await services.GetRequiredService<DatabaseInitializer>().MigrateAsync(ct);
        await using var scope = services.CreateAsyncScope();
        var verdict = await scope.ServiceProvider.GetRequiredService<VerifyAuditTrail>().RunAsync(ct);
        if (!verdict.Intact)
        {
            await errors.WriteLineAsync(verdict.Summary);
            return Broken;
        }

        await output.WriteLineAsync(verdict.Summary);
        return Intact;
    }
}
