using System.Globalization;
using System.Text;
using MotCua.Catalog.Contracts;
using MotCua.Catalog.Procedures;
using MotCua.Platform.Text;

namespace MotCua.Catalog.Search;

internal sealed record SearchEntry(string Code, string Name, string Field, IReadOnlyList<string> Levels, string Ministry, DetailLevel Detail);

internal sealed record SearchResult(int Total, IReadOnlyList<SearchEntry> Hits);

internal sealed record FacetCount(string Name, int Count);

internal sealed record CatalogFacets(IReadOnlyList<FacetCount> Fields, IReadOnlyList<FacetCount> Levels);

/// <summary>
/// Accent- and case-insensitive catalog search over an immutable snapshot: readers never lock, writers
/// build a new snapshot and swap it in one assignment. Ranking, best first: exact code; code prefix (in
/// code order); the query as a phrase of whole words; the phrase with its last word as a prefix; every word
/// as a whole word; every word as a word prefix. Ties: the match nearer the start of the name, then the
/// shorter name, then the code. Every query word must start a word of the name. An empty query lists
/// everything by name (Vietnamese order).
/// </summary>
internal sealed class ProcedureSearchIndex
{
    private const int ExactCode = 1000;
    private const int CodePrefix = 900;
    private const int Phrase = 500;
    private const int PhrasePrefix = 450;
    private const int WholeWords = 300;
    private const int WordPrefixes = 200;

    private static readonly CompareInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN").CompareInfo;

    private readonly Lock writing = new();

    private volatile Snapshot snapshot = Snapshot.Create([]);

    public int Count => snapshot.Items.Length;

    public void Replace(IEnumerable<SearchEntry> entries)
    {
        var items = entries.Select(Item.From).ToList();
        lock (writing)
        {
            snapshot = Snapshot.Create(items);
        }
    }

    /// <summary>Adds the entry, or replaces the one with the same code.</summary>
    public void Upsert(SearchEntry entry)
    {
        var item = Item.From(entry);
        lock (writing)
        {
            var current = snapshot.Items;
            var items = new List<Item>(current.Length + 1);
            foreach (var i in current)
            {
                if (!string.Equals(i.Entry.Code, entry.Code, StringComparison.Ordinal))
                {
                    items.Add(i);
                }
            }

            items.Add(item);
            snapshot = Snapshot.Create(items);
        }
    }

    /// <summary>The distinct fields (by name) and levels (most used first) with their counts, for filter lists.</summary>
    public CatalogFacets Facets() => snapshot.Facets;

    /// <summary>How many procedures the selection holds.</summary>
    /// <summary>
    /// How many procedures a selection holds, counted once per snapshot and selection (the home page asks for every
    /// life event on each view; the answer changes only when the catalog does).
    /// </summary>
    public int CountIn(ProcedureSelection selection)
    {
        var current = snapshot;
        return current.Counts.GetOrAdd(selection, s => current.Items.Count(item => item.In(s)));
    }

    /// <param name="only">When given, only the procedures of this selection (a life event).</param>
    public SearchResult Search(string? query, string? field, string? level, int skip, int take, ProcedureSelection? only = null)
    {
        var items = snapshot.Items;
        skip = Math.Max(0, skip);
        take = Math.Max(0, take);
        var fieldKey = string.IsNullOrWhiteSpace(field) ? null : VietnameseText.Fold(field);
        var levelKey = string.IsNullOrWhiteSpace(level) ? null : VietnameseText.Fold(level);
        var code = VietnameseText.Fold(query);
        var words = Words(query);
        if (code.Length == 0 && words.Length == 0)
        {
            return All(items, fieldKey, levelKey, only, skip, take);
        }

        var q = new Query(code, words);
        var matches = new List<Match>();
        for (var i = 0; i < items.Length; i++)
        {
            var item = items[i];
            if (!Passes(item, fieldKey, levelKey, only))
            {
                continue;
            }

            var score = q.Score(item, out var position);
            if (score > 0)
            {
                matches.Add(new Match(score, position, i));
            }
        }

        matches.Sort((a, b) => Compare(items, a, b));
        var page = new List<SearchEntry>(Math.Clamp(matches.Count - skip, 0, take));
        for (var k = skip; k < matches.Count && page.Count < take; k++)
        {
            page.Add(items[matches[k].Index].Entry);
        }

        return new SearchResult(matches.Count, page);
    }

    /// <summary>Folded text as words: letters and digits only, one space between words ("Hộ tịch (cấp xã)" → "ho tich cap xa").</summary>
    internal static string Words(string? text)
    {
        var folded = VietnameseText.Fold(text);
        var sb = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(c);
            }
            else if (sb.Length > 0 && sb[^1] != ' ')
            {
                sb.Append(' ');
            }
        }

        return sb.ToString().TrimEnd();
    }

    private static SearchResult All(Item[] items, string? fieldKey, string? levelKey, ProcedureSelection? only, int skip, int take)
    {
        var page = new List<SearchEntry>(Math.Min(take, items.Length));
        var total = 0;
        foreach (var item in items)
        {
            if (!Passes(item, fieldKey, levelKey, only))
            {
                continue;
            }

            if (total >= skip && page.Count < take)
            {
                page.Add(item.Entry);
            }

            total++;
        }

        return new SearchResult(total, page);
    }

    private static bool Passes(Item item, string? fieldKey, string? levelKey, ProcedureSelection? only)
        => (fieldKey is null || string.Equals(item.Field, fieldKey, StringComparison.Ordinal))
            && (levelKey is null || Array.IndexOf(item.Levels, levelKey) >= 0)
            && (only is null || item.In(only));

    private static int Compare(Item[] items, Match a, Match b)
    {
        var c = b.Score.CompareTo(a.Score);
        if (c != 0)
        {
            return c;
        }

        if (a.Score < CodePrefix)
        {
            c = a.Position.CompareTo(b.Position);
            if (c != 0)
            {
                return c;
            }

            c = items[a.Index].Padded.Length.CompareTo(items[b.Index].Padded.Length);
            if (c != 0)
            {
                return c;
            }
        }

        return string.CompareOrdinal(items[a.Index].Code, items[b.Index].Code);
    }

    private readonly record struct Match(int Score, int Position, int Index);

    /// <summary>A query prepared once per search: the code form, the phrase and each word, longest word first (it rejects most names in one look).</summary>
    private sealed class Query
    {
        private readonly string code;
        private readonly bool codeLike;
        private readonly string phrase;
        private readonly string phrasePrefix;
        private readonly string[] prefixes;
        private readonly string[] wholeWords;
        private readonly ulong starts;

        public Query(string code, string words)
        {
            this.code = code.Replace(" ", "", StringComparison.Ordinal);
            codeLike = this.code.Length >= 2 && char.IsAsciiDigit(this.code[0]);
            phrase = " " + words + " ";
            phrasePrefix = " " + words;
            var tokens = words.Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).OrderByDescending(t => t.Length).ToArray();
            prefixes = tokens.Select(t => " " + t).ToArray();
            wholeWords = tokens.Select(t => " " + t + " ").ToArray();
            foreach (var t in tokens)
            {
                starts |= StartBit(t[0], t.Length > 1 ? t[1] : '\0');
            }
        }

        /// <summary>0 = no match.</summary>
        public int Score(Item item, out int position)
        {
            position = 0;
            if (codeLike)
            {
                if (string.Equals(item.Code, code, StringComparison.Ordinal))
                {
                    return ExactCode;
                }

                if (item.Code.StartsWith(code, StringComparison.Ordinal))
                {
                    return CodePrefix;
                }
            }

            if (prefixes.Length == 0)
            {
                return 0;
            }

            if ((item.Starts & starts) != starts)
            {
                return 0;
            }

            var padded = item.Padded;
            var first = int.MaxValue;
            foreach (var prefix in prefixes)
            {
                var at = padded.IndexOf(prefix, StringComparison.Ordinal);
                if (at < 0)
                {
                    return 0;
                }

                first = Math.Min(first, at);
            }

            var p = padded.IndexOf(phrase, StringComparison.Ordinal);
            if (p >= 0)
            {
                position = p;
                return Phrase;
            }

            p = padded.IndexOf(phrasePrefix, StringComparison.Ordinal);
            if (p >= 0)
            {
                position = p;
                return PhrasePrefix;
            }

            var whole = int.MaxValue;
            foreach (var word in wholeWords)
            {
                var at = padded.IndexOf(word, StringComparison.Ordinal);
                if (at < 0)
                {
                    position = first;
                    return WordPrefixes;
                }

                whole = Math.Min(whole, at);
            }

            position = whole;
            return WholeWords;
        }
    }

    private sealed class Item
    {
        public required SearchEntry Entry { get; init; }

        /// <summary>The name as words with a space at each end, so " word " finds whole words and " word" word prefixes.</summary>
        public required string Padded { get; init; }

        public required string Code { get; init; }

        public required string Field { get; init; }

        public required string[] Levels { get; init; }

        /// <summary>A signature of how the name's words begin (see <see cref="StartBit"/>): a query word whose bit is missing cannot match.</summary>
        public required ulong Starts { get; init; }

        public bool In(ProcedureSelection selection) => selection.Contains(Field, Code, Padded);

        public static Item From(SearchEntry e)
        {
            var words = Words(e.Name);
            var starts = 0UL;
            foreach (var w in words.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                starts |= StartBit(w[0], '\0');
                if (w.Length > 1)
                {
                    starts |= StartBit(w[0], w[1]);
                }
            }

            return new Item
            {
                Entry = e,
                Padded = " " + words + " ",
                Code = ProcedureSelection.Code(e.Code),
                Field = VietnameseText.Fold(e.Field),
                Levels = e.Levels.Select(VietnameseText.Fold).ToArray(),
                Starts = starts,
            };
        }
    }

    /// <summary>One of 64 bits for a word's first letter, or its first two letters: names set both, a query word the longest it has.</summary>
    private static ulong StartBit(char first, char second) => 1UL << (int)(((uint)first * 31 + second) % 64);

    private sealed class Snapshot
    {
        public required Item[] Items { get; init; }

        public required CatalogFacets Facets { get; init; }

        /// <summary>Counts per selection (by reference: the life events' selections live as long as the app).</summary>
        public System.Collections.Concurrent.ConcurrentDictionary<ProcedureSelection, int> Counts { get; } = new(ReferenceEqualityComparer.Instance);

        public static Snapshot Create(IEnumerable<Item> items)
        {
            var byName = Comparer<string>.Create((a, b) => Vietnamese.Compare(a, b, CompareOptions.IgnoreCase));
            var sorted = items.OrderBy(i => i.Entry.Name, byName).ThenBy(i => i.Entry.Code, StringComparer.Ordinal).ToArray();
            var fields = sorted.Where(i => i.Entry.Field.Length > 0).GroupBy(i => i.Entry.Field)
                .Select(g => new FacetCount(g.Key, g.Count())).OrderBy(f => f.Name, byName).ToList();
            var levels = sorted.SelectMany(i => i.Entry.Levels).GroupBy(l => l)
                .Select(g => new FacetCount(g.Key, g.Count())).OrderByDescending(f => f.Count).ThenBy(f => f.Name, byName).ToList();
            return new Snapshot { Items = sorted, Facets = new CatalogFacets(fields, levels) };
        }
    }
}
