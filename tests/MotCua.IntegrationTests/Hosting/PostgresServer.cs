using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace MotCua.IntegrationTests.Hosting;

/// <summary>
/// The PostgreSQL server the tests use: the one named by MOTCUA_TEST_POSTGRES (CI starts it, see .ci/run),
/// or else a throwaway cluster this process starts from the machine's PostgreSQL binaries. The tests
/// never skip PostgreSQL: without either, they fail and say why.
/// </summary>
public static class PostgresServer
{
    public const string Variable = "MOTCUA_TEST_POSTGRES";

    private static readonly Lazy<string> Admin = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>A connection string to a new, empty database.</summary>
    public static async Task<string> CreateDatabaseAsync(string prefix)
    {
        var admin = Admin.Value;
        var name = $"{prefix}_{Guid.NewGuid():N}"[..40].ToLowerInvariant();
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }

    private static string Start()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured)
        {
            return configured;
        }

        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), CultureInfo.InvariantCulture, out var v) ? v : 0).FirstOrDefault()
            : null;
        if (bin is null)
        {
            throw new InvalidOperationException(
                $"PostgreSQL is needed by the integration tests: set {Variable} to a connection string, or install PostgreSQL (apt-get install postgresql); see .ci/run.");
        }

        var dir = Path.Combine(Path.GetTempPath(), $"motcua-pg-{Environment.ProcessId}");
        Directory.CreateDirectory(dir);
        var port = 56000 + (Environment.ProcessId % 5000);
        var asRoot = Environment.UserName == "root";
        Run(asRoot ? "chown" : "true", asRoot ? $"postgres:postgres {dir}" : "", asRoot: false);
        Run($"{bin}/initdb", $"-D {dir}/data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8", asRoot);
        Run($"{bin}/pg_ctl", $"-D {dir}/data -l {dir}/log -w start -o \"-p {port} -k {dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200\"", asRoot);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Run($"{bin}/pg_ctl", $"-D {dir}/data -m immediate stop", asRoot);
        return $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres";
    }

    private static void Run(string file, string arguments, bool asRoot)
    {
        var start = asRoot
            ? new ProcessStartInfo("su", ["postgres", "-c", $"{file} {arguments}"])
            : new ProcessStartInfo(file, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} failed ({process.ExitCode}): {output}");
        }
    }
}
