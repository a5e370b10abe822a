using System.Globalization;
using System.Text.RegularExpressions;
using MotCua.Catalog.Contracts;
using MotCua.Platform.Text;

namespace MotCua.Catalog.Import;

/// <summary>
/// Turns the catalog's flattened text into structure: the legal basis as a list, results with their codes,
/// real cases with their documents (each knowing when it is required), notes, agencies, steps, conditions.
/// Every method is pure and reports what it could not read through <c>problem</c>.
/// </summary>
internal static partial class ContentStructure
{
    private const string NoInformation = "Không có thông tin";

    /// <summary>What a document-group heading of the scraped data is.</summary>
    internal enum HeadingKind
    {
        /// <summary>A section of the one dossier ("--", "* Giấy tờ phải nộp:", "Thành phần hồ sơ:"): its papers apply to every case.</summary>
        Section,

        /// <summary>Papers shown at the counter and handed back ("* Giấy tờ phải xuất trình:").</summary>
        PresentSection,

        /// <summary>Notes ("* Lưu ý:").</summary>
        Notes,

        /// <summary>Papers needed only when a condition holds ("Trường hợp ủy quyền thực hiện thủ tục:").</summary>
        Conditional,

        /// <summary>A real case (trường hợp) the applicant is in, one of several.</summary>
        Case,
    }

    public static (HeadingKind Kind, ConditionKind? Condition) Classify(string heading)
    {
        var h = VietnameseText.Fold(heading.Trim().TrimStart('*', '-', '+', '•', ' ', '\t'));
        h = h.TrimEnd(':', ' ', '.');
        if (h.Length == 0 || h is "--" or "-" or "bao gom" || h.StartsWith("thanh phan ho so", StringComparison.Ordinal)
            || h.StartsWith("giay to phai nop", StringComparison.Ordinal) || h.StartsWith("nguoi yeu cau chung thuc nop", StringComparison.Ordinal)
            || h.StartsWith("ho so cua ", StringComparison.Ordinal) || h.StartsWith("so luong ho so", StringComparison.Ordinal)
            || h.StartsWith("1) ho so dang ky bao gom", StringComparison.Ordinal))
        {
            return (HeadingKind.Section, null);
        }

        if (h.StartsWith("giay to phai xuat trinh", StringComparison.Ordinal) || h.StartsWith("xuat trinh hoac gui ban chinh", StringComparison.Ordinal)
            || h.StartsWith("nguoi yeu cau chung thuc phai xuat trinh", StringComparison.Ordinal))
        {
            return (HeadingKind.PresentSection, null);
        }

        if (h.StartsWith("luu y", StringComparison.Ordinal) || h.StartsWith("ghi chu", StringComparison.Ordinal) || h.StartsWith("chu y", StringComparison.Ordinal)
            || h.StartsWith("trong phieu neu ro", StringComparison.Ordinal))
        {
            return (HeadingKind.Notes, null);
        }

        if (h.StartsWith("truong hop uy quyen", StringComparison.Ordinal))
        {
            return (HeadingKind.Conditional, ConditionKind.FiledByRepresentative);
        }

        if (h.StartsWith("truong hop dang ky tren moi truong dien tu", StringComparison.Ordinal)
            || h.StartsWith("truong hop dang ky to hop tac tren moi truong dien tu", StringComparison.Ordinal))
        {
            return (HeadingKind.Conditional, ConditionKind.FiledOnline);
        }

        return (HeadingKind.Case, null);
    }

    /// <summary>A raw entry of a documents list: name (bullets kept), form file, counts.</summary>
    internal sealed record RawDocument(string Name, string? FormFile, int Originals, int Copies);

    internal sealed record RawGroup(string Heading, IReadOnlyList<RawDocument> Documents);

    internal sealed record Structured(IReadOnlyList<DocumentGroup> Groups, IReadOnlyList<string> Notes);

    /// <summary>
    /// The scraped groups → real cases and notes. Sections, conditional groups and notes are not cases: a
    /// section's papers go into every case, a conditional group's papers carry its condition, notes are notes.
    /// With fewer than two real cases the procedure has one case, named "" (or the single case's name).
    /// </summary>
    public static Structured Documents(IReadOnlyList<RawGroup> groups, Action<string, string> problem)
    {
        var common = new List<RequiredDocument>();
        var conditional = new List<RequiredDocument>();
        var notes = new List<string>();
        var cases = new List<(string Name, List<RequiredDocument> Documents)>();
        foreach (var group in groups)
        {
            var (kind, condition) = Classify(group.Heading);
            var into = kind switch
            {
                HeadingKind.Conditional => conditional,
                HeadingKind.Case => [],
                _ => common,
            };
            if (kind == HeadingKind.Case)
            {
                cases.Add((CaseName(group.Heading), into));
            }

            foreach (var raw in group.Documents)
            {
                var name = StripBullet(raw.Name);
                if (kind == HeadingKind.Notes)
                {
                    notes.Add(name);
                    continue;
                }

                if (IsNote(name, raw))
                {
                    notes.Add(name);
                    continue;
                }

                var when = ConditionOf(name) ?? (condition is { } c ? new DocumentCondition(c, StripBullet(group.Heading).TrimEnd(':', ' ')) : null);
                into.Add(new RequiredDocument(name, raw.FormFile, raw.Originals, raw.Copies, when, kind == HeadingKind.PresentSection));
            }
        }

        cases.RemoveAll(c => c.Documents.Count == 0);
        var result = new List<DocumentGroup>();
        if (cases.Count >= 2)
        {
            foreach (var (name, docs) in cases)
            {
                result.Add(new DocumentGroup(name, AlwaysFirst([.. common, .. docs, .. conditional])));
            }
        }
        else
        {
            var docs = new List<RequiredDocument>([.. common, .. cases.SelectMany(c => c.Documents), .. conditional]);
            if (docs.Count > 0)
            {
                result.Add(new DocumentGroup(cases.Count == 1 && common.Count == 0 ? cases[0].Name : "", AlwaysFirst(docs)));
            }
        }

        if (result.Count == 0 && groups.Any(g => g.Documents.Count > 0) && notes.Count == 0)
        {
            problem("document_groups", "no document could be read from the documents section");
        }

        return new Structured(result, notes);
    }

    /// <summary>Papers required always first, then the conditional ones, each in the catalog's order.</summary>
    private static List<RequiredDocument> AlwaysFirst(List<RequiredDocument> docs) => [.. docs.Where(d => d.When is null), .. docs.Where(d => d.When is not null)];

    /// <summary>A case heading for people: bullets, numbering and the trailing colon removed.</summary>
    public static string CaseName(string heading)
    {
        var name = StripBullet(heading).TrimEnd(':', ' ', ';');
        name = CaseNumbering().Replace(name, "");
        name = CaseTail().Replace(name, "").Trim();
        return name.Length > 0 ? char.ToUpper(name[0], CultureInfo.GetCultureInfo("vi-VN")) + name[1..] : name;
    }

    public static string StripBullet(string text)
    {
        var t = text.Replace('\u00a0', ' ').Trim();
        while (t.Length > 0 && t[0] is '-' or '+' or '*' or '•' or '–' or '\t' or ' ')
        {
            t = t[1..].TrimStart();
        }

        return MultiSpace().Replace(t, " ").Trim();
    }

    private static readonly string[] NoteOpenings = ["luu y", "ghi chu", "chu y", "vi du", "so luong ho so"];

    private static readonly string[] InstructionOpenings =
    [
        "truong hop", "doi voi", "nguoi ", "neu ", "khi ", "co quan", "viec ", "trong thoi han", "ca nhan",
        "ban chup", "phieu nay", "phieu duoc", "tru truong hop", "cac truong hop", "ty le",
    ];

    /// <summary>
    /// A note rather than a paper: it opens like a note ("Lưu ý", "Ví dụ"), or it asks for no original, no copy
    /// and no form and reads as an instruction ("Trường hợp … thì không phải nộp bản giấy") or an introduction ("… các giấy tờ sau:").
    /// </summary>
    private static bool IsNote(string name, RawDocument raw)
    {
        var folded = VietnameseText.Fold(name.TrimStart('(', ')', ' '));
        if (NoteOpenings.Any(o => folded.StartsWith(o, StringComparison.Ordinal)))
        {
            return true;
        }

        if (raw.Originals + raw.Copies > 0 || raw.FormFile is not null)
        {
            return false;
        }

        return name.EndsWith(':') || InstructionOpenings.Any(o => folded.StartsWith(o, StringComparison.Ordinal));
    }

    /// <summary>
    /// When a paper is required, read from its own words: "Trường hợp trẻ em bị bỏ rơi thì phải có biên bản …",
    /// "Văn bản ủy quyền … trong trường hợp ủy quyền …", "Tờ khai … (nếu … nộp hồ sơ theo hình thức trực tiếp …)".
    /// An alternative after the name ("Giấy chứng sinh; trường hợp không có … thì nộp …") does not make the paper
    /// conditional, nor does an exception ("trừ trường hợp …"). Null = always required.
    /// </summary>
    public static DocumentCondition? ConditionOf(string name)
    {
        var opening = OpeningCondition().Match(name);
        string? clause = null;
        if (opening.Success)
        {
            clause = opening.Value;
        }
        else
        {
            var first = FirstClause(name);
            var inner = InnerCondition().Match(first);
            if (inner.Success)
            {
                clause = inner.Groups["c"].Value;
            }
        }

        if (clause is null)
        {
            return null;
        }

        clause = clause.Trim().TrimStart('(', ',', ' ').TrimEnd(',', ';', ')', ' ', '.');
        clause = clause.Length > 0 ? char.ToUpper(clause[0], CultureInfo.GetCultureInfo("vi-VN")) + clause[1..] : clause;
        if (clause.Length > 300)
        {
            clause = clause[..300].TrimEnd() + "…";
        }

        return new DocumentCondition(KindOf(clause), clause);
    }

    private static string FirstClause(string name)
    {
        var semicolon = name.IndexOf(';');
        var sentence = name.IndexOf(". ", StringComparison.Ordinal);
        var end = new[] { semicolon, sentence, name.Length }.Where(i => i >= 0).Min();
        return name[..end];
    }

    public static ConditionKind KindOf(string clause)
    {
        var f = VietnameseText.Fold(clause);
        if (f.Contains("uy quyen", StringComparison.Ordinal) || f.Contains("nop thay", StringComparison.Ordinal))
        {
            return ConditionKind.FiledByRepresentative;
        }

        if (f.Contains("bo roi", StringComparison.Ordinal))
        {
            return ConditionKind.AbandonedChild;
        }

        if (f.Contains("mang thai ho", StringComparison.Ordinal))
        {
            return ConditionKind.Surrogacy;
        }

        if (f.Contains("truc tiep", StringComparison.Ordinal) && f.Contains("buu chinh", StringComparison.Ordinal))
        {
            return ConditionKind.FiledOnPaper;
        }

        if (f.Contains("truc tuyen", StringComparison.Ordinal) || f.Contains("moi truong dien tu", StringComparison.Ordinal))
        {
            return ConditionKind.FiledOnline;
        }

        if (f.Contains("buu chinh", StringComparison.Ordinal))
        {
            return ConditionKind.SentByPost;
        }

        if (f.Contains("nuoc ngoai cap", StringComparison.Ordinal) || f.Contains("co tham quyen cua nuoc ngoai", StringComparison.Ordinal))
        {
            return ConditionKind.ForeignPapers;
        }

        if (f.Contains("khong the khai thac", StringComparison.Ordinal) || f.Contains("khong khai thac duoc", StringComparison.Ordinal))
        {
            return ConditionKind.DataNotInRegistry;
        }

        return ConditionKind.Other;
    }

    // "Trường hợp X thì …", "Nếu X, …", "Đối với X: …", "Khi X thì …" at the start: the condition is X.
    [GeneratedRegex(@"^(?:trường hợp|nếu|đối với|khi)\s[^:;]*?(?=\s+thì\s|\s+phải\s|,|:|;|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OpeningCondition();

    // "… trong trường hợp X", "… (nếu X)", "… đối với trường hợp X" inside the paper's first clause; "trừ trường hợp" is an exception, not a condition.
    [GeneratedRegex(@"(?<!trừ\s)(?<c>(?:trong trường hợp|đối với trường hợp|\(nếu|,\s*nếu|\snếu)\s[^)]*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InnerCondition();

    [GeneratedRegex(@"^(?:\(?\d+(?:\.\d+)*[\.\)]|\(?[a-zđ]\)|\((?:i|ii|iii|iv|v|vi|vii|viii|ix|x)\))\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CaseNumbering();

    // "…, hồ sơ gồm", "… thì Hồ sơ gồm các giấy tờ sau", "… thì cần có", ". Hồ sơ gồm": the heading's lead-in to the list.
    [GeneratedRegex(@"(?:[,.]?\s*(?:thì\s+)?(?:hồ sơ\s+)?(?:bao\s+)?gồm(?:\s+các giấy tờ sau(?:\s+đây)?)?|\s+thì\s+cần\s+có)\s*[:.]?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CaseTail();

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex MultiSpace();

    // ---- Results ----

    /// <summary>"Giấy khai sinhMã: KQ.G15.000031Trích lục …Mã: KQ.…" → results with their codes.</summary>
    public static IReadOnlyList<ProcedureResult> Results(string text, Action<string, string> problem)
    {
        var t = text.Trim();
        if (t.Length == 0 || t == NoInformation)
        {
            return [];
        }

        var list = new List<ProcedureResult>();
        var at = 0;
        foreach (Match m in ResultCode().Matches(t))
        {
            var name = CleanResultName(t[at..m.Index]);
            if (name.Length > 0)
            {
                list.Add(new ProcedureResult(name, m.Groups["code"].Value));
            }
            else
            {
                problem("results_text", $"result code {m.Groups["code"].Value} without a name");
            }

            at = m.Index + m.Length;
        }

        var rest = CleanResultName(t[at..]);
        if (rest.Length > 0)
        {
            list.Add(new ProcedureResult(rest, null));
        }

        return list;
    }

    private static string CleanResultName(string s) => StripBullet(s).Trim().TrimEnd('.', ';', ',', ' ').Trim();

    [GeneratedRegex(@"\s*Mã\s*:\s*(?<code>KQ\.[A-Z0-9]+\.\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex ResultCode();

    // ---- Legal basis ----

    // "123/2015/NĐ-CP", "60/2014/QH13", "66.7/2025/NQ-CP", "163/QĐ-BTP", "01/2022/TT-BTP", "16/2025/TT-BXD".
    [GeneratedRegex(@"\d+(?:\.\d+)?(?:/\d{4})?/[A-ZĐƯƠÂÊÔĂ]+(?:-(?:TTg|[A-ZĐƯƠÂÊÔĂ]+))*(?:(?<=QH)\d{1,2})?", RegexOptions.CultureInvariant)]
    private static partial Regex Symbol();

    [GeneratedRegex(@"\p{Ll}\p{Lu}")]
    private static partial Regex GluePoint();

    /// <summary>
    /// The legal basis table, flattened as "Tên văn bản pháp lýMã văn bản" + (title + number)*: each row ends at a
    /// number that is glued to the next title (or ends the text), so a number inside a title ("Nghị định số
    /// 123/2015/NĐ-CP ngày …") does not cut it. Date and issuer are read from the title and the number.
    /// </summary>
    public static IReadOnlyList<LegalDocument> LegalBasis(string raw, Action<string, string> problem)
    {
        var t = raw.Replace('\u00a0', ' ').Trim();
        foreach (var header in (ReadOnlySpan<string>)["Tên văn bản pháp lýMã văn bản", "Tên văn bảnMã văn bản"])
        {
            if (t.StartsWith(header, StringComparison.Ordinal))
            {
                t = t[header.Length..].TrimStart();
            }
        }

        if (t.Length == 0 || t == NoInformation)
        {
            return [];
        }

        var rows = new List<(string Title, string Number)>();
        var at = 0;
        foreach (Match m in Symbol().Matches(t))
        {
            var end = m.Index + m.Length;
            if (end < t.Length && char.IsLower(t[end]) && char.IsUpper(t[end - 1]) && m.Length > 1 && !m.Value.EndsWith("TTg", StringComparison.Ordinal))
            {
                end--; // "…/NĐ-CPNghị định": the capital belongs to the next title
            }

            if (end <= at)
            {
                continue;
            }
            var endsRow = end >= t.Length
                || char.IsUpper(t[end]) || char.IsDigit(t[end])
                || (t[end] == ' ' && end + 1 < t.Length && char.IsUpper(t[end + 1]));
            if (!endsRow)
            {
                continue;
            }

            var title = t[at..m.Index].Trim();
            rows.Add((title, t[m.Index..end]));
            at = end;
        }

        if (t[at..].Trim() is { Length: > 0 } tail)
        {
            if (rows.Count == 0)
            {
                problem("legal_basis_raw", $"no document number found in \"{Short(tail)}\"; kept as one entry without number");
            }
            else
            {
                problem("legal_basis_raw", $"text after the last document number: \"{Short(tail)}\"; kept as an entry without number");
            }

            rows.Add((tail, ""));
        }

        var list = new List<LegalDocument>();
        foreach (var (rawTitle, number) in rows)
        {
            var title = rawTitle.TrimEnd(',', ';', ' ').Trim();
            if (title.Length == 0 && list.Count > 0 && list[^1].Number == number)
            {
                continue; // "Luật 60/2014/QH13" + "60/2014/QH13": the title held the number, already read
            }

            // "…Bộ Tư phápThông tư số 03/2023/TT-BTP": the number column held words; the title ends at the glue.
            var glue = GluePoint().Matches(title).LastOrDefault();
            if (glue is not null && title.Length - glue.Index < 40 && Symbol().IsMatch(title[(glue.Index + 1)..]) is false)
            {
                title = title[..(glue.Index + 1)].Trim();
            }

            if (title.Length == 0 || title is "Luật" or "Nghị định" or "Thông tư" or "Quyết định" or "Nghị quyết")
            {
                title = title.Length == 0 ? number : $"{title} số {number}";
            }

            if (title.EndsWith('.'))
            {
                title = title.TrimEnd('.');
            }

            title = MultiSpace().Replace(title, " ");
            list.Add(new LegalDocument(number, title, DateOf(title, number), IssuerOf(title, number)));
        }

        return list;
    }

    /// <summary>The date of issue written after the document's own number ("… 123/2015/NĐ-CP ngày 15/11/2015 …").</summary>
    public static DateOnly? DateOf(string title, string number)
    {
        var at = number.Length > 0 ? title.IndexOf(number, StringComparison.Ordinal) : -1;
        if (at < 0)
        {
            return null;
        }

        var after = title[(at + number.Length)..];
        var m = OwnDate().Match(after);
        if (!m.Success)
        {
            return null;
        }

        var day = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
        var month = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
        var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        return month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
    }

    [GeneratedRegex(@"^\s*,?\s*ngày\s+(?<d>\d{1,2})(?:/|\s+tháng\s+)(?<m>\d{1,2})(?:/|\s+năm\s+)(?<y>\d{4})", RegexOptions.CultureInvariant)]
    private static partial Regex OwnDate();

    private static readonly Dictionary<string, string> Issuers = new(StringComparer.Ordinal)
    {
        ["CP"] = "Chính phủ",
        ["TTg"] = "Thủ tướng Chính phủ",
        ["BTP"] = "Bộ Tư pháp",
        ["BTC"] = "Bộ Tài chính",
        ["BCA"] = "Bộ Công an",
        ["BXD"] = "Bộ Xây dựng",
        ["BTNMT"] = "Bộ Tài nguyên và Môi trường",
        ["BNNMT"] = "Bộ Nông nghiệp và Môi trường",
        ["BNNPTNT"] = "Bộ Nông nghiệp và Phát triển nông thôn",
        ["BLĐTBXH"] = "Bộ Lao động - Thương binh và Xã hội",
        ["BNV"] = "Bộ Nội vụ",
        ["BYT"] = "Bộ Y tế",
        ["BGTVT"] = "Bộ Giao thông vận tải",
        ["BKHĐT"] = "Bộ Kế hoạch và Đầu tư",
        ["BQP"] = "Bộ Quốc phòng",
        ["BGDĐT"] = "Bộ Giáo dục và Đào tạo",
        ["BVHTTDL"] = "Bộ Văn hóa, Thể thao và Du lịch",
        ["BCT"] = "Bộ Công Thương",
        ["BTTTT"] = "Bộ Thông tin và Truyền thông",
        ["BKHCN"] = "Bộ Khoa học và Công nghệ",
        ["BNG"] = "Bộ Ngoại giao",
        ["NHNN"] = "Ngân hàng Nhà nước Việt Nam",
        ["UBTVQH"] = "Ủy ban Thường vụ Quốc hội",
        ["UBND"] = "Ủy ban nhân dân",
        ["HĐND"] = "Hội đồng nhân dân",
        ["BHXH"] = "Bảo hiểm xã hội Việt Nam",
        ["VPCP"] = "Văn phòng Chính phủ",
    };

    /// <summary>The issuer: from the number's last part ("…/NĐ-CP" → Chính phủ, "…/QH13" → Quốc hội), else "của …" in the title.</summary>
    public static string IssuerOf(string title, string number)
    {
        var slash = number.LastIndexOf('/');
        if (slash >= 0)
        {
            var tail = number[(slash + 1)..];
            if (QuocHoi().IsMatch(tail))
            {
                return tail.StartsWith("UBTVQH", StringComparison.Ordinal) ? "Ủy ban Thường vụ Quốc hội" : "Quốc hội";
            }

            var parts = tail.Split('-');
            for (var i = parts.Length - 1; i >= 1; i--)
            {
                if (Issuers.TryGetValue(parts[i], out var issuer))
                {
                    return issuer;
                }
            }
        }

        var of = IssuerInTitle().Match(title);
        return of.Success ? of.Groups["i"].Value.Trim() : "";
    }

    [GeneratedRegex(@"^(?:UBTV)?QH\d+$")]
    private static partial Regex QuocHoi();

    [GeneratedRegex(@"của\s+(?:Bộ trưởng\s+)?(?<i>Chính phủ|Quốc hội|Thủ tướng Chính phủ|Bộ\s[^,.;\d]+?|Ủy ban nhân dân[^,.;\d]*?)(?=\s+(?:quy định|hướng dẫn|về|sửa đổi|ban hành)|[,.;]|$)", RegexOptions.CultureInvariant)]
    private static partial Regex IssuerInTitle();

    // ---- Steps, conditions, agencies ----

    /// <summary>The steps text split at its bullets ("- …", "+ …", "Bước 1: …"), lines broken mid-sentence joined back.</summary>
    public static IReadOnlyList<string> Lines(string text)
    {
        var t = text.Replace("\r", "", StringComparison.Ordinal).Trim();
        if (t.Length == 0 || IsNothing(t))
        {
            return [];
        }

        var list = new List<string>();
        foreach (var rawLine in t.Split('\n'))
        {
            var line = rawLine.Replace('\u00a0', ' ').Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var startsItem = line[0] is '-' or '+' or '*' or '•' or '–' or '(' || char.IsUpper(line[0]) || char.IsDigit(line[0])
                || line.StartsWith("Bước", StringComparison.OrdinalIgnoreCase);
            if (list.Count > 0 && !startsItem)
            {
                list[^1] = list[^1] + " " + line;
            }
            else
            {
                list.Add(line);
            }
        }

        return list.Select(StripBullet).Where(l => l.Length > 0).ToList();
    }

    /// <summary>"Không có thông tin", "Không", "Không có": the text says there is nothing.</summary>
    public static bool IsNothing(string text)
        => VietnameseText.Fold(text.Trim().TrimEnd('.', ' ')) is "" or "khong co thong tin" or "khong" or "khong co" or "khong quy dinh";

    /// <summary>
    /// The agencies. The deciding agency is the record's competent agency, the executing one its implementing
    /// agency; "Không có thông tin" is never an agency. When only one is stated it stands for both; when none is,
    /// the steps text names who receives and decides (a commune-level procedure: "Ủy ban nhân dân cấp xã").
    /// </summary>
    public static ProcedureAgencies Agencies(string competent, string implementing, string steps, IReadOnlyList<string> levels, Action<string, string> problem)
    {
        var deciding = AgencyNames(competent);
        var executing = AgencyNames(implementing);
        if (deciding.Count == 0 && executing.Count > 0)
        {
            deciding = executing;
        }
        else if (executing.Count == 0 && deciding.Count > 0)
        {
            executing = deciding;
        }

        var coordinating = new List<string>();
        if (deciding.Count == 0)
        {
            var f = VietnameseText.Fold(steps);
            // The agency the steps name most often; a commune-level procedure without one is the commune's people's committee.
            var named = new[] { ("cong an cap xa", "Công an cấp xã"), ("chu tich uy ban nhan dan cap xa", "Chủ tịch Ủy ban nhân dân cấp xã"), ("uy ban nhan dan cap xa", "Ủy ban nhân dân cấp xã") }
                .Select(a => (Name: a.Item2, Count: CountOf(f, a.Item1)))
                .Where(a => a.Count > 0)
                .OrderByDescending(a => a.Count)
                .Select(a => a.Name)
                .FirstOrDefault();
            var inferred = named ?? (levels.Contains("Cấp xã") ? "Ủy ban nhân dân cấp xã" : null);
            if (inferred is not null)
            {
                // Not reported: a repair from the record's own steps and level, shown as stated.
                deciding = [inferred];
                executing = [inferred];
            }
            else
            {
                problem("agencies", "no agency stated");
            }
        }

        var authorised = new List<string>();
        var fs = VietnameseText.Fold(steps);
        if (fs.Contains("trung tam phuc vu hanh chinh cong", StringComparison.Ordinal) && !executing.Any(e => VietnameseText.Fold(e).Contains("trung tam phuc vu", StringComparison.Ordinal)))
        {
            // The steps send the dossier through the public administration service centre: it receives and returns.
            coordinating.Add("Trung tâm Phục vụ hành chính công");
        }

        return new ProcedureAgencies(deciding, executing, authorised, coordinating);
    }

    private static int CountOf(string text, string word)
    {
        var count = 0;
        for (var i = text.IndexOf(word, StringComparison.Ordinal); i >= 0; i = text.IndexOf(word, i + word.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    /// <summary>The legal basis text with the "Cơ quan thực hiện…" the flattening glued to its end set apart.</summary>
    public static (string Legal, string? Executing) SplitAgencyTail(string legal)
    {
        const string marker = "Cơ quan thực hiện";
        var at = legal.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0)
        {
            return (legal, null);
        }

        var head = legal[..at].Trim();
        if (head == NoInformation)
        {
            head = "";
        }

        return (head, legal[(at + marker.Length)..].Trim().TrimStart(':').Trim());
    }

    private static List<string> AgencyNames(string text)
    {
        var t = text.Replace('\u00a0', ' ').Trim().TrimEnd('.', ';', ' ');
        if (IsNothing(t))
        {
            return [];
        }

        return [MultiSpace().Replace(t, " ")];
    }

    private static string Short(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
