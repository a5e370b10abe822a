using System.Globalization;
using System.Text;
using MotCua.Catalog.Contracts;
using MotCua.Catalog.Import;
using MotCua.Catalog.Procedures;
using MotCua.Platform.Errors;

namespace MotCua.Catalog.Edit;

/// <summary>The edit page's form: plain strings as typed, so nothing typed is lost on an error.</summary>
internal sealed class ProcedureForm
{
    public int ExpectedVersion { get; set; }
    public string? Name { get; set; }
    public string? Field { get; set; }
    public string? Ministry { get; set; }
    public List<LevelRow> Levels { get; set; } = [];
    public string? ProcedureType { get; set; }
    public string? DecisionNo { get; set; }
    public string? TargetSubjects { get; set; }
    public string? CompetentAgency { get; set; }
    public string? ImplementingAgency { get; set; }
    public string? ReceivingAddress { get; set; }
    public List<ChannelRow> Channels { get; set; } = [];

    /// <summary>One line per document: "Tên giấy tờ | bản chính | bản sao | mẫu đơn"; "# Trường hợp …" starts a case.</summary>
    public string? Documents { get; set; }
    /// <summary>Notes of the documents section, one per line.</summary>
    public string? Notes { get; set; }
    public string? StepsText { get; set; }
    public string? ConditionsText { get; set; }
    public string? ResultsText { get; set; }
    public string? LegalBasis { get; set; }
    public string? SourceUrl { get; set; }
    public OnlineServiceLevel OnlineLevel { get; set; }
    public bool DelegatedToCenter { get; set; }

    /// <summary>Giờ chốt tiếp nhận "HH:mm"; empty = the organisation's default.</summary>
    public string? ReceptionCutOff { get; set; }

    public sealed class LevelRow
    {
        public string Name { get; set; } = "";
        public bool Selected { get; set; }
    }

    public sealed class ChannelRow
    {
        public Channel Channel { get; set; }
        public bool Accepted { get; set; }
        public string? TimeValue { get; set; }
        public TimeUnit TimeUnit { get; set; } = TimeUnit.WorkingDays;
        public string? Fees { get; set; }
        public bool IsFree { get; set; }
        public string? FeeText { get; set; }
    }

    public static ProcedureForm From(ProcedureContent c, int version) => new()
    {
        ExpectedVersion = version,
        Name = c.Name,
        Field = c.Field,
        Ministry = c.Ministry,
        Levels = EditProcedure.KnownLevels.Concat(c.Levels.Except(EditProcedure.KnownLevels))
            .Select(l => new LevelRow { Name = l, Selected = c.Levels.Contains(l) }).ToList(),
        ProcedureType = c.ProcedureType,
        DecisionNo = c.DecisionNo,
        TargetSubjects = string.Join('\n', c.TargetSubjects),
        CompetentAgency = c.CompetentAgency,
        ImplementingAgency = c.ImplementingAgency,
        ReceivingAddress = c.ReceivingAddress,
        Channels = Enum.GetValues<Channel>().Select(ch => c.Channels.FirstOrDefault(t => t.Channel == ch) is { } t
            ? new ChannelRow
            {
                Channel = ch,
                Accepted = true,
                TimeValue = t.Time.Value?.ToString(CultureInfo.InvariantCulture),
                TimeUnit = t.Time.Unit,
                Fees = string.Join("; ", t.FeesVnd),
                IsFree = t.IsFree,
                FeeText = t.FeeText,
            }
            : new ChannelRow { Channel = ch }).ToList(),
        Documents = DocumentsText(c.DocumentGroups),
        Notes = string.Join('\n', c.Notes ?? []),
        StepsText = c.StepsText,
        ConditionsText = c.ConditionsText,
        ResultsText = c.ResultsText,
        LegalBasis = c.LegalBasis,
        SourceUrl = c.SourceUrl,
        OnlineLevel = c.OnlineLevel,
        DelegatedToCenter = c.DelegatedToCenter,
        ReceptionCutOff = c.ReceptionCutOff?.ToString("HH:mm", CultureInfo.InvariantCulture),
    };

    /// <summary>Reads the form back into content; what cannot be read is reported by field.</summary>
    public ProcedureContent ToContent(string code, ProcedureContent current, List<Error> errors)
    {
        var channels = new List<ChannelTerms>();
        foreach (var row in Channels.Where(r => r.Accepted))
        {
            var field = $"channels.{row.Channel.ToString().ToLowerInvariant()}";
            decimal? value = null;
            if (!string.IsNullOrWhiteSpace(row.TimeValue))
            {
                if (decimal.TryParse(row.TimeValue.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var v))
                {
                    value = v;
                }
                else
                {
                    errors.Add(Error.Invalid(field, $"Thời hạn ({EditProcedure.ChannelName(row.Channel)}) phải là số, ví dụ 5 hoặc 0,5."));
                }
            }

            if (row.TimeUnit == TimeUnit.SameDay)
            {
                value = 1m; // "trong ngày làm việc" has no number to type
            }

            var fees = new List<long>();
            foreach (var part in (row.Fees ?? "").Split([';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var digits = part.Replace(".", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal).Replace("đ", "", StringComparison.Ordinal).Replace("₫", "", StringComparison.Ordinal).Trim();
                if (long.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var fee))
                {
                    fees.Add(fee);
                }
                else
                {
                    errors.Add(Error.Invalid(field, $"Mức phí \"{part}\" ({EditProcedure.ChannelName(row.Channel)}) phải là số tiền VND, ví dụ 50.000."));
                }
            }

            // What the editor did not change stays as it was: the time as written, the "fee not stated" flag.
            var before = current.Channels.FirstOrDefault(c => c.Channel == row.Channel);
            var time = before is not null && before.Time.Value == value && before.Time.Unit == row.TimeUnit
                ? before.Time
                : new ProcessingTime(value, row.TimeUnit, value is null ? "Không có thông tin" : row.TimeUnit == TimeUnit.SameDay ? "Trong ngày làm việc" : $"{value.Value.ToString(CultureInfo.InvariantCulture)} {UnitText(row.TimeUnit)}");
            var sameFees = before is not null && before.FeesVnd.SequenceEqual(fees) && before.IsFree == row.IsFree;
            channels.Add(new ChannelTerms(
                row.Channel,
                time,
                fees,
                row.IsFree,
                sameFees ? before!.FeeUnspecified : !row.IsFree && fees.Count == 0,
                row.FeeText?.Trim() ?? before?.FeeText ?? ""));
        }

        var competent = Keep(CompetentAgency, current.CompetentAgency);
        var implementing = Keep(ImplementingAgency, current.ImplementingAgency);
        var steps = Keep(StepsText, current.StepsText);
        var conditions = Keep(ConditionsText, current.ConditionsText);
        var results = Keep(ResultsText, current.ResultsText);
        var legal = Keep(LegalBasis, current.LegalBasis);
        var levels = Levels.Where(l => l.Selected && !string.IsNullOrWhiteSpace(l.Name)).Select(l => l.Name).Distinct().ToList();
        var notes = Lines(Notes);
        var ignore = new Action<string, string>((_, _) => { });

        // Structure is kept as it was unless the text it comes from was changed; then it is read again from the new text.
        return current with
        {
            Code = code,
            Name = Keep(Name, current.Name),
            Field = Keep(Field, current.Field),
            Ministry = Keep(Ministry, current.Ministry),
            Levels = levels.ToHashSet().SetEquals(current.Levels) ? current.Levels : levels,
            ProcedureType = Keep(ProcedureType, current.ProcedureType),
            DecisionNo = Keep(DecisionNo, current.DecisionNo),
            TargetSubjects = Lines(TargetSubjects) is var subjects && subjects.SequenceEqual(current.TargetSubjects) ? current.TargetSubjects : subjects,
            CompetentAgency = competent,
            ImplementingAgency = implementing,
            ReceivingAddress = Keep(ReceivingAddress, current.ReceivingAddress),
            Channels = channels,
            DocumentGroups = Text(Documents) == Text(DocumentsText(current.DocumentGroups)) ? current.DocumentGroups : ParseDocuments(Documents, errors, current.DocumentGroups),
            Notes = notes.SequenceEqual(current.Notes ?? []) ? current.Notes : notes,
            StepsText = steps,
            Steps = steps == current.StepsText ? current.Steps : ContentStructure.Lines(steps),
            ConditionsText = conditions,
            Conditions = conditions == current.ConditionsText ? current.Conditions : ContentStructure.Lines(conditions),
            ResultsText = results,
            Results = results == current.ResultsText ? current.Results : ContentStructure.Results(results, ignore),
            LegalBasis = legal,
            LegalDocuments = legal == current.LegalBasis ? current.LegalDocuments : ContentStructure.LegalBasis(legal, ignore),
            Agencies = competent == current.CompetentAgency && implementing == current.ImplementingAgency && steps == current.StepsText
                ? current.Agencies
                : ContentStructure.Agencies(competent, implementing, steps, levels, ignore),
            SourceUrl = Keep(SourceUrl, current.SourceUrl),
            OnlineLevel = OnlineLevel,
            DelegatedToCenter = DelegatedToCenter,
            ReceptionCutOff = CutOff(ReceptionCutOff, errors),
        };
    }

    /// <summary>"15:00", "15h30", "15g", "9:45"; empty = none.</summary>
    private static TimeOnly? CutOff(string? text, List<Error> errors)
    {
        var t = (text ?? "").Trim();
        if (t.Length == 0)
        {
            return null;
        }

        var m = System.Text.RegularExpressions.Regex.Match(t, @"^(\d{1,2})\s*[:hHgG]\s*(\d{2})?$");
        if (m.Success && int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) is var h and <= 23
            && (m.Groups[2].Success ? int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) : 0) is var minutes and <= 59)
        {
            return new TimeOnly(h, minutes);
        }

        errors.Add(Error.Invalid("receptionCutOff", "Giờ chốt tiếp nhận phải là giờ dạng HH:mm, ví dụ 15:00 (hoặc để trống)."));
        return null;
    }

    public static string DocumentsText(IReadOnlyList<DocumentGroup> groups)
    {
        var sb = new StringBuilder();
        foreach (var g in groups)
        {
            if (groups.Count > 1 || (!string.IsNullOrWhiteSpace(g.Case) && g.Case != "--"))
            {
                sb.Append("# ").Append(g.Case).Append('\n');
            }

            foreach (var d in g.Documents)
            {
                sb.Append(d.Name).Append(" | ").Append(d.Originals).Append(" | ").Append(d.Copies);
                if (!string.IsNullOrWhiteSpace(d.FormFile))
                {
                    sb.Append(" | ").Append(d.FormFile);
                }

                sb.Append('\n');
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// The documents text read back. A paper keeps what the text does not show (its condition, shown-not-kept) from
    /// the paper of the same name in the same case before the edit; a new paper's condition is read from its name.
    /// </summary>
    public static List<DocumentGroup> ParseDocuments(string? text, List<Error> errors, IReadOnlyList<DocumentGroup>? before = null)
    {
        var groups = new List<DocumentGroup>();
        var currentCase = "--";
        var docs = new List<RequiredDocument>();
        var lineNo = 0;
        foreach (var raw in (text ?? "").Split('\n'))
        {
            lineNo++;
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (line.StartsWith('#'))
            {
                if (docs.Count > 0)
                {
                    groups.Add(new DocumentGroup(currentCase, docs));
                }

                currentCase = line.TrimStart('#').Trim();
                docs = [];
                continue;
            }

            var parts = line.Split('|', StringSplitOptions.TrimEntries);
            var originals = 1;
            var copies = 0;
            if (parts.Length > 4
                || (parts.Length > 1 && !int.TryParse(parts[1], CultureInfo.InvariantCulture, out originals))
                || (parts.Length > 2 && !int.TryParse(parts[2], CultureInfo.InvariantCulture, out copies)))
            {
                errors.Add(Error.Invalid("documents", $"Dòng {lineNo} của thành phần hồ sơ không đúng dạng \"Tên giấy tờ | bản chính | bản sao | mẫu đơn\"."));
                continue;
            }

            var known = before?.FirstOrDefault(g => g.Case == (currentCase == "--" ? "" : currentCase))?.Documents.FirstOrDefault(d => d.Name == parts[0])
                ?? before?.SelectMany(g => g.Documents).FirstOrDefault(d => d.Name == parts[0]);
            docs.Add(new RequiredDocument(parts[0], parts.Length > 3 && parts[3].Length > 0 ? parts[3] : null, originals, copies,
                known is not null ? known.When : ContentStructure.ConditionOf(parts[0]), known?.Present ?? false));
        }

        if (docs.Count > 0)
        {
            groups.Add(new DocumentGroup(currentCase, docs));
        }

        return groups;
    }

    /// <summary>A text field as stored: trimmed, line ends as "\n" (a browser posts a textarea's lines with "\r\n").</summary>
    private static string Text(string? text) => (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    /// <summary>The posted text, or the current text exactly when the editor left it as it was.</summary>
    private static string Keep(string? posted, string current) => Text(posted) == Text(current) ? current : Text(posted);

    private static List<string> Lines(string? text)
        => (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private static string UnitText(TimeUnit unit) => unit switch
    {
        TimeUnit.WorkingDays => "Ngày làm việc",
        TimeUnit.CalendarDays => "Ngày",
        TimeUnit.WorkingHours => "Giờ làm việc",
        TimeUnit.ClockHours => "Giờ",
        _ => "",
    };
}
