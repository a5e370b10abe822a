using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using MotCua.Catalog.Contracts;
using MotCua.Dossiers;
using MotCua.Dossiers.Processes;
using MotCua.Dossiers.Reception;
using MotCua.Forms;
using MotCua.Organisation.Contracts;
using MotCua.Platform.Identity;
using MotCua.Queues.Appointments;
using MotCua.Queues.Recommendations;
using MotCua.Queues.Tickets;

namespace MotCua.Tests.Platform;

/// <summary>
/// The UI text (issue 17): every Vietnamese text a page shows goes through <c>T[…]</c> and has its English in
/// UiText.en.resx — the keys written in the pages, the words of the one mapping of each status and enum, and the
/// display mappings of the pages themselves; and no page writes Vietnamese in its markup outside <c>T[…]</c>.
/// </summary>
public sealed partial class UiTextTests
{
    [Fact]
    public void Every_key_a_page_writes_has_an_English_text()
    {
        var missing = Pages()
            .SelectMany(page => Keys(page.Text).Select(key => (page.Name, Key: key)))
            .Where(k => !English.ContainsKey(k.Key) && !Named.Contains(k.Key))
            .Select(k => $"{k.Name}: {k.Key}")
            .Distinct()
            .ToList();

        missing.ShouldBeEmpty();
    }

    [Fact]
    public void Every_named_text_has_its_English()
        => Named.Where(name => !English.ContainsKey(name)).ShouldBeEmpty();

    [Fact]
    public void Each_status_and_enum_has_one_Vietnamese_word_with_its_English()
    {
        var words = new List<string>();
        words.AddRange(Enum.GetValues<DossierStatus>().Select(DossierStatuses.Vietnamese));
        words.AddRange(Enum.GetValues<TicketStatus>().Select(TicketText.Status));
        words.AddRange(Enum.GetValues<TicketPriority>().Select(TicketText.Priority));
        words.AddRange(Enum.GetValues<TicketEventKind>().Select(TicketText.Event));
        words.AddRange(Enum.GetValues<AppointmentStatus>().Select(AppointmentText.Status));
        words.AddRange(Enum.GetValues<DefinitionState>().Select(ProcessLabels.State));
        words.AddRange(Enum.GetValues<StepKind>().Select(ProcessLabels.Kind));
        words.AddRange(Enum.GetValues<Performer>().Select(ProcessLabels.PerformerKind));
        words.AddRange(Enum.GetValues<Provision>().Select(Labels.Provision));
        words.AddRange(Enum.GetValues<ReceptionAction>().Select(Labels.Action));
        words.AddRange(Enum.GetValues<ResultDelivery>().Select(Labels.Delivery));
        words.AddRange(Enum.GetValues<OrgUnitKind>().Select(UnitKindNames.Vietnamese));
        words.AddRange(Enum.GetValues<Channel>().Select(ProcedureLabels.Channel));
        words.AddRange(Enum.GetValues<TimeUnit>().Select(ProcedureLabels.Unit));
        words.AddRange(Enum.GetValues<FormState>().Select(SaveForm.StateName));
        words.AddRange(StaffRoles.All.Select(StaffRoles.DisplayName));
        words.AddRange([TicketText.PendingPriority, TicketText.AnnouncementTemplate, RecommendPoints.AdviceShorterWait, RecommendPoints.AdviceNearestClosed]);

        words.Where(w => !English.ContainsKey(w)).Distinct().ShouldBeEmpty();

        // One word each: no two values of an enum read alike (a page could not tell them apart).
        Enum.GetValues<DossierStatus>().Select(DossierStatuses.Vietnamese).ShouldBeUnique();
        Enum.GetValues<TicketStatus>().Select(TicketText.Status).ShouldBeUnique();
        Enum.GetValues<AppointmentStatus>().Select(AppointmentText.Status).ShouldBeUnique();
        Enum.GetValues<OrgUnitKind>().Select(UnitKindNames.Vietnamese).ShouldBeUnique();
    }

    [Fact]
    public void A_pages_own_display_mapping_names_texts_with_their_English()
    {
        // "Kind.X => "…"" and "… ? "…" : "…"" arms in a page's code: what the page shows through T[Mapping(x)].
        var missing = Pages()
            .SelectMany(page => CodeOf(page.Text).Split('\n')
                .Where(line => line.Contains("=>", StringComparison.Ordinal))
                .SelectMany(line => MappingArm().Matches(line[(line.IndexOf("=>", StringComparison.Ordinal) + 2)..]))
                .SelectMany(m => m.Groups.Values.Skip(1).Where(g => g.Success).Select(g => Unescape(g.Value)))
                .Where(text => Vietnamese().IsMatch(text) && !English.ContainsKey(text))
                .Select(text => $"{page.Name}: {text}"))
            .ToList();

        missing.ShouldBeEmpty();
    }

    [Fact]
    public void No_page_writes_Vietnamese_in_its_markup_outside_the_UI_text()
    {
        var written = Pages()
            .SelectMany(page => MarkupOf(page.Text).Split('\n')
                .Select((line, i) => (Line: line, Number: i + 1))
                .Where(l => Vietnamese().IsMatch(WithoutKeys(l.Line)) && !Allowed(l.Line))
                .Select(l => $"{page.Name}:{l.Number}: {l.Line.Trim()}"))
            .ToList();

        written.ShouldBeEmpty();
    }

    [Fact]
    public void The_key_reader_finds_keys_in_conditions_and_skips_concatenations_and_comparisons()
    {
        Keys("""<p>@T["Một"]</p> @T[ok ? "Hai {0}" : "Ba", x] @T["{0} " + unit, v] @T[(a == "true") == b ? "Bốn" : "Năm"]""")
            .ShouldBe(["Một", "Hai {0}", "Ba", "Bốn", "Năm"]);
        WithoutKeys("""<td>@T["Đã gọi"]</td><td>Chưa</td>""").ShouldBe("<td>@T</td><td>Chưa</td>");
    }

    /// <summary>
    /// The keys of each <c>T[…]</c>: the string literals of its first argument (both sides of a condition), leaving out
    /// a literal joined to something with + or compared with ==.
    /// </summary>
    internal static IEnumerable<string> Keys(string text)
    {
        foreach (var (start, end) in Spans(text))
        {
            var argument = FirstArgument(text[start..end]);
            foreach (Match m in Literal().Matches(argument))
            {
                var before = argument[..m.Index].TrimEnd();
                var after = argument[(m.Index + m.Length)..].TrimStart();
                if (before.EndsWith('$') || before.EndsWith('+') || before.EndsWith("==", StringComparison.Ordinal) || after.StartsWith('+') || after.StartsWith(')') || after.StartsWith("==", StringComparison.Ordinal))
                {
                    continue;
                }

                yield return Unescape(m.Groups[1].Value);
            }
        }
    }

    /// <summary>The text with every <c>T[…]</c> cut down to <c>T</c>.</summary>
    internal static string WithoutKeys(string text)
    {
        var sb = new StringBuilder();
        var last = 0;
        foreach (var (start, end) in Spans(text))
        {
            sb.Append(text, last, start - 1 - last);
            last = end + 1;
        }

        return sb.Append(text, last, text.Length - last).ToString();
    }

    /// <summary>Where each <c>T[…]</c>'s brackets hold: from after "T[" to its closing "]" (strings and nesting respected).</summary>
    private static IEnumerable<(int Start, int End)> Spans(string text)
    {
        for (var i = text.IndexOf("T[", StringComparison.Ordinal); i >= 0; i = text.IndexOf("T[", i + 2, StringComparison.Ordinal))
        {
            if (i > 0 && (char.IsLetterOrDigit(text[i - 1]) || text[i - 1] == '_'))
            {
                continue;
            }

            var k = i + 2;
            var depth = 1;
            var inString = false;
            for (; k < text.Length && depth > 0; k++)
            {
                var c = text[k];
                if (inString)
                {
                    if (c == '\\')
                    {
                        k++;
                    }
                    else if (c == '"')
                    {
                        inString = false;
                    }
                }
                else if (c == '"')
                {
                    inString = true;
                }
                else if (c is '[' or '(')
                {
                    depth++;
                }
                else if (c is ']' or ')')
                {
                    depth--;
                }
            }

            yield return (i + 2, k - 1);
            i = k - 2;
        }
    }

    private static string FirstArgument(string arguments)
    {
        var depth = 0;
        var inString = false;
        for (var k = 0; k < arguments.Length; k++)
        {
            var c = arguments[k];
            if (inString)
            {
                if (c == '\\')
                {
                    k++;
                }
                else if (c == '"')
                {
                    inString = false;
                }
            }
            else if (c == '"')
            {
                inString = true;
            }
            else if (c is '[' or '(')
            {
                depth++;
            }
            else if (c is ']' or ')')
            {
                depth--;
            }
            else if (c == ',' && depth == 0)
            {
                return arguments[..k];
            }
        }

        return arguments;
    }

    private static string Unescape(string literal) => literal.Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);

    /// <summary>A page's markup: without its code block and its comments.</summary>
    private static string MarkupOf(string page)
    {
        var code = page.IndexOf("\n@code {", StringComparison.Ordinal);
        var markup = code < 0 ? page : page[..code];
        return RazorComment().Replace(markup, m => new string('\n', m.Value.Count(c => c == '\n')));
    }

    private static string CodeOf(string page)
    {
        var code = page.IndexOf("\n@code {", StringComparison.Ordinal);
        return code < 0 ? "" : page[code..];
    }

    /// <summary>
    /// Vietnamese that stays Vietnamese in English: the language switch's own name, and the page helpers that pass
    /// their label on to T[…] (their Vietnamese argument is the key).
    /// </summary>
    private static bool Allowed(string line)
        => (line.Contains("lang=\"vi\"", StringComparison.Ordinal) && line.Contains(">Tiếng Việt</a>", StringComparison.Ordinal))
           || line.TrimStart().StartsWith("@Field(", StringComparison.Ordinal)
           || line.TrimStart().StartsWith("@HostInput(", StringComparison.Ordinal);

    private static IEnumerable<(string Name, string Text)> Pages()
        => Directory.EnumerateFiles(Path.Combine(RepoRoot, "src"), "*.razor", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (Path.GetRelativePath(RepoRoot, f), File.ReadAllText(f)));

    private static Dictionary<string, string> Texts(string file)
        => XDocument.Load(Path.Combine(RepoRoot, "src", "MotCua.Platform", "Ui", file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);

    private static readonly string RepoRoot = FindRoot();

    private static readonly Dictionary<string, string> English = Texts("UiText.en.resx");

    /// <summary>The named texts (NavWork, SignIn …) of UiText.resx, Vietnamese by name.</summary>
    private static readonly HashSet<string> Named = [.. Texts("UiText.resx").Keys];

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MotCua.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("MotCua.slnx not found above the test's folder.");
    }

    [GeneratedRegex("\"((?:[^\"\\\\]|\\\\.)*)\"")]
    private static partial Regex Literal();

    [GeneratedRegex("^\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*,?\\s*$|\\?\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"")]
    private static partial Regex MappingArm();

    [GeneratedRegex("@\\*.*?\\*@", RegexOptions.Singleline)]
    private static partial Regex RazorComment();

    [GeneratedRegex("[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]", RegexOptions.IgnoreCase)]
    private static partial Regex Vietnamese();
}
