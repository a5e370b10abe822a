using System.Globalization;
using MotCua.Catalog.Procedures;
using MotCua.Platform.Text;

namespace MotCua.Catalog.Search;

public sealed record SearchEntry(string Code, string Name, string Field, IReadOnlyList<string> Levels, string Ministry, DetailLevel Detail);

public sealed record SearchResult(int Total, IReadOnlyList<SearchEntry> Hits);

public sealed record FacetCount(string Name, int Count);

public sealed record CatalogFacets(IReadOnlyList<FacetCount> Fields, IReadOnlyList<FacetCount> Levels);

/// <summary>
/// Accent- and case-insensitive catalog search over an immutable snapshot (swapped atomically, so readers
/// never lock). Ranking, best first: exact code; code prefix; the whole query as a phrase of whole words;
/// the phrase inside a word; every word as a whole word; every word as a word prefix. Ties: the match
/// nearer the start of the name, then the shorter name, then the code. Every query word must match.
/// </summary>
public sealed class ProcedureSearchIndex
{
    private static readonly CompareInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN").CompareInfo;

    private volatile Snapshot snapshot = Snapshot.Create([]);

    public int Count => snapshot.Items.Length;

    public void Replace(IEnumerable<SearchEntry> entries) => snapshot = Snapshot.Create(entries.Select(Item.From));

    public void Upsert(SearchEntry entry)
    {
        var current = snapshot;
        snapshot = Snapshot.Create(current.Items.Where(i => i.Entry.Code != entry.Code).Append(Item.From(entry)));
    }

    public CatalogFacets Facets() => snapshot.Facets;

    public SearchResult Search(string? query, string? field, string? level, int skip, int take)
    {
        var items = snapshot.Items;
        var q = VietnameseText.Fold(query);
        var tokens = q.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var fieldKey = string.IsNullOrWhiteSpace(field) ? null : VietnameseText.Fold(field);
        var levelKey = string.IsNullOrWhiteSpace(level) ? null : VietnameseText.Fold(level);
        var phrase = " " + q + " ";
        var wholeWords = tokens.Select(t => " " + t + " ").ToArray();
        var prefixes = tokens.Select(t => " " + t).ToArray();

        var matches = new List<(int Score, int Position, int Index)>();
        for (var i = 0; i < items.Length; i++)
        {
            var item = items[i];
            if (fieldKey is not null && item.Field != fieldKey)
            {
                continue;
            }

            if (levelKey is not null && Array.IndexOf(item.Levels, levelKey) < 0)
            {
                continue;
            }

            if (tokens.Length == 0)
            {
                matches.Add((0, 0, i));
                continue;
            }

            if (Score(item, q, phrase, wholeWords, prefixes) is { } hit)
            {
                matches.Add((hit.Score, hit.Position, i));
            }
        }

        if (tokens.Length > 0)
        {
            matches.Sort((a, b) =>
            {
                var c = b.Score.CompareTo(a.Score);
                if (c != 0)
                {
                    return c;
                }

                c = a.Position.CompareTo(b.Position);
                if (c != 0)
                {
                    return c;
                }

                c = items[a.Index].Padded.Length.CompareTo(items[b.Index].Padded.Length);
                return c != 0 ? c : string.CompareOrdinal(items[a.Index].Entry.Code, items[b.Index].Entry.Code);
            });
        }

        var page = new List<SearchEntry>(Math.Max(0, Math.Min(take, matches.Count - skip)));
        for (var k = Math.Max(0, skip); k < matches.Count && page.Count < take; k++)
        {
            page.Add(items[matches[k].Index].Entry);
        }

        return new SearchResult(matches.Count, page);
    }

    private static (int Score, int Position)? Score(Item item, string q, string phrase, string[] wholeWords, string[] prefixes)
    {
        if (item.Code == q)
        {
            return (1000, 0);
        }

        if (q.Length >= 2 && char.IsAsciiDigit(q[0]) && item.Code.StartsWith(q, StringComparison.Ordinal))
        {
            return (900, item.Code.Length);
        }

        var at = item.Padded.IndexOf(phrase, StringComparison.Ordinal);
        if (at >= 0)
        {
            return (500, at);
        }

        at = item.Padded.IndexOf(q, StringComparison.Ordinal);
        if (at >= 0)
        {
            return (400, at);
        }

        var whole = true;
        var first = int.MaxValue;
        for (var t = 0; t < prefixes.Length; t++)
        {
            var w = item.Padded.IndexOf(wholeWords[t], StringComparison.Ordinal);
            if (w < 0)
            {
                whole = false;
                w = item.Padded.IndexOf(prefixes[t], StringComparison.Ordinal);
                if (w < 0)
                {
                    return null;
                }
            }

            first = Math.Min(first, w);
        }

        return (whole ? 300 : 200, first);
    }

    private sealed class Item
    {
        public required SearchEntry Entry { get; init; }

        /// <summary>Folded name with a space at each end, so " word " finds whole words.</summary>
        public required string Padded { get; init; }
        public required string Code { get; init; }
        public required string Field { get; init; }
        public required string[] Levels { get; init; }

        public static Item From(SearchEntry e) => new()
        {
            Entry = e,
            Padded = " " + VietnameseText.Fold(e.Name.Replace(',', ' ').Replace('(', ' ').Replace(')', ' ').Replace(';', ' ').Replace('.', ' ').Replace(':', ' ')) + " ",
            Code = e.Code.Trim().ToLowerInvariant(),
            Field = VietnameseText.Fold(e.Field),
            Levels = e.Levels.Select(VietnameseText.Fold).ToArray(),
        };
    }

    private sealed class Snapshot
    {
        public required Item[] Items { get; init; }
        public required CatalogFacets Facets { get; init; }

        public static Snapshot Create(IEnumerable<Item> items)
        {
            var sorted = items.OrderBy(i => i.Entry.Name, Comparer<string>.Create((a, b) => Vietnamese.Compare(a, b, CompareOptions.IgnoreCase)))
                .ThenBy(i => i.Entry.Code, StringComparer.Ordinal).ToArray();
            var fields = sorted.Where(i => i.Entry.Field.Length > 0).GroupBy(i => i.Entry.Field)
                .Select(g => new FacetCount(g.Key, g.Count())).OrderBy(f => f.Name, Comparer<string>.Create((a, b) => Vietnamese.Compare(a, b))).ToList();
            var levels = sorted.SelectMany(i => i.Entry.Levels).GroupBy(l => l)
                .Select(g => new FacetCount(g.Key, g.Count())).OrderByDescending(f => f.Count).ToList();
            return new Snapshot { Items = sorted, Facets = new CatalogFacets(fields, levels) };
        }
    }
}
