using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.IntegrationTests.Hosting;
using MotCua.Platform.Data;

namespace MotCua.IntegrationTests.HostileInput;

/// <summary>
/// Every table's row count and a checksum of its content (order-independent), read with plain SQL on the app's own
/// database: "the database is unchanged" means these are equal before and after. Left out are the tables the app
/// writes by itself whatever a request did (the audit trail and its checkpoints, the outbox, the data-protection key
/// ring, the e-ID provider's tokens, the clock sweep's alerts) and the sweep's alert level on dossiers and steps.
/// </summary>
public static class DatabaseSnapshot
{
    private static readonly HashSet<string> Ignored = new(StringComparer.Ordinal)
    {
        "audit_entries", "audit_checkpoints", "platform_outbox", "platform_data_protection_keys",
        "portal_oidc_tokens", "portal_oidc_authorizations", "dossier_alerts",
    };

    private static readonly HashSet<string> IgnoredColumns = new(StringComparer.Ordinal) { "AlertLevel" };

    public static async Task<IReadOnlyDictionary<string, string>> TakeAsync(MotCuaApp app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MotCuaDb>();
        var tables = db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Where(t => !Ignored.Contains(t)).Distinct().Order().ToList();
        tables.Count.ShouldBeGreaterThan(20, "the model's tables are read");
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<string>();
            while (await reader.ReadAsync())
            {
                rows.Add(Row(reader));
            }

            rows.Sort(StringComparer.Ordinal);
            var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', rows))))[..16];
            result[table] = $"{rows.Count} rows, {hash}";
        }

        return result;
    }

    private static string Row(DbDataReader reader)
    {
        var row = new StringBuilder();
        for (var i = 0; i < reader.FieldCount; i++)
        {
            if (IgnoredColumns.Contains(reader.GetName(i)))
            {
                continue;
            }

            var value = reader.GetValue(i);
            row.Append(reader.GetName(i)).Append('=').Append(value switch
            {
                DBNull => "∅",
                byte[] bytes => Convert.ToBase64String(bytes),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => value.ToString(),
            }).Append('|');
        }

        return row.ToString();
    }
}
