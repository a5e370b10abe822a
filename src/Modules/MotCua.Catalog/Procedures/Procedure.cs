using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using MotCua.Catalog.Contracts;

namespace MotCua.Catalog.Procedures;

/// <summary>
/// A procedure (thủ tục hành chính) and its versions. The catalog may change while dossiers keep the
/// version they started under, so content is never edited in place: a change appends a version.
/// </summary>
internal sealed class Procedure
{
    private readonly List<ProcedureVersion> versions = [];

    private Procedure()
    {
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();
    public string Code { get; private init; } = "";

    /// <summary>Number of the newest version (1, 2 …).</summary>
    public int CurrentVersion { get; private set; }

    // Denormalised from the current version for listing and filtering.
    public string Name { get; private set; } = "";
    public string Field { get; private set; } = "";
    public string Ministry { get; private set; } = "";
    public string Levels { get; private set; } = "";
    public DetailLevel Detail { get; private set; }

    /// <summary>The current version's content hash: a re-import of the same content changes nothing.</summary>
    public string CurrentHash { get; private set; } = "";
    public DateTimeOffset UpdatedAt { get; private set; }

    public IReadOnlyList<ProcedureVersion> Versions => versions;

    public static Procedure Create(ProcedureContent content, string source, string? author, DateTimeOffset now)
    {
        var procedure = new Procedure { Code = content.Code };
        procedure.AddVersion(content, source, author, now);
        return procedure;
    }

    /// <summary>Appends a version unless the content is the same as the current one. True when a version was added.</summary>
    public bool AddVersion(ProcedureContent content, string source, string? author, DateTimeOffset now)
    {
        if (content.Code != Code)
        {
            throw new InvalidOperationException($"Content of {content.Code} given to procedure {Code}.");
        }

        var json = ProcedureJson.Serialize(content);
        var hash = ProcedureJson.Hash(json);
        if (hash == CurrentHash)
        {
            return false;
        }

        CurrentVersion++;
        versions.Add(new ProcedureVersion
        {
            ProcedureId = Id,
            Number = CurrentVersion,
            ContentJson = json,
            ContentHash = hash,
            Source = source,
            Author = author,
            CreatedAt = now,
        });
        Name = content.Name;
        Field = content.Field;
        Ministry = content.Ministry;
        Levels = string.Join('|', content.Levels);
        Detail = content.Detail;
        CurrentHash = hash;
        UpdatedAt = now;
        return true;
    }
}

/// <summary>One immutable version of a procedure's content.</summary>
internal sealed class ProcedureVersion
{
    private ProcedureContent? content;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ProcedureId { get; init; }
    public int Number { get; init; }
    public string ContentJson { get; init; } = "";

    /// <summary>SHA-256 (hex) of <see cref="ContentJson"/>: same content, same hash.</summary>
    public string ContentHash { get; init; } = "";

    /// <summary>Where the version came from: "import:tthc_catalog_sample.json", "admin".</summary>
    public string Source { get; init; } = "";
    public string? Author { get; init; }
    public DateTimeOffset CreatedAt { get; init; }

    public ProcedureContent Content => content ??= ProcedureJson.Deserialize(ContentJson);
}

/// <summary>The canonical JSON of a version's content.</summary>
internal static class ProcedureJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Serialize(ProcedureContent content) => JsonSerializer.Serialize(content, Options);

    public static ProcedureContent Deserialize(string json)
        => JsonSerializer.Deserialize<ProcedureContent>(json, Options) ?? throw new InvalidOperationException("Empty procedure content.");

    public static string Hash(string json) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
}
