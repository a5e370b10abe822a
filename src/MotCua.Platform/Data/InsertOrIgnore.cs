using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace MotCua.Platform.Data;

/// <summary>
/// Inserts one row unless a unique key already holds it — <c>INSERT … ON CONFLICT DO NOTHING</c>, which PostgreSQL and
/// SQLite (3.24+) both read the same way. For the places where a concurrent twin may have written the same row first
/// (an idempotency key, a generated default process): the loser learns it from the row count instead of from a
/// unique-key violation, which EF Core would log as an error although it is expected and handled.
/// </summary>
public static class InsertOrIgnore
{
    /// <summary>
    /// Writes <paramref name="entity"/> (a flat entity of the model: scalar properties only) in the current transaction,
    /// if any. True when the row was inserted, false when a unique key already had one. The entity is not tracked.
    /// </summary>
    public static async Task<bool> AddAsync<T>(MotCuaDb db, T entity, CancellationToken ct)
        where T : class
    {
        var type = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = type.GetTableName() ?? throw new InvalidOperationException($"{typeof(T).Name} has no table.");
        var store = StoreObjectIdentifier.Table(table, type.GetSchema());
        await using var command = db.Database.GetDbConnection().CreateCommand();
        var columns = new List<string>();
        var parameters = new List<DbParameter>();
        foreach (var property in type.GetProperties())
        {
            if (property.IsShadowProperty() || property.PropertyInfo is null)
            {
                throw new InvalidOperationException($"{typeof(T).Name}.{property.Name}: only plain properties can be written this way.");
            }

            // Each column's own mapping converts the value as SaveChanges would (UTC ticks on SQLite, enums as numbers …).
            var name = $"p{parameters.Count}";
            parameters.Add(property.GetRelationalTypeMapping().CreateParameter(command, name, property.PropertyInfo.GetValue(entity), property.IsNullable));
            columns.Add(Quote(property.GetColumnName(store) ?? property.Name));
        }

        var sql = $"INSERT INTO {Quote(table)} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", parameters.Select(p => "@" + p.ParameterName))}) ON CONFLICT DO NOTHING";
        return await db.Database.ExecuteSqlRawAsync(sql, parameters, ct) == 1;
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
