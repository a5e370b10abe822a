using System.Globalization;
using System.Text;
using System.Text.Json;
using MotCua.Catalog.Contracts;
using MotCua.Catalog.Procedures;
using MotCua.Platform.Text;

namespace MotCua.Catalog.Import;

/// <summary>
/// Reads the detailed catalog (tthc_catalog_sample.json: {"meta":…, "procedures":[…]}). The data was parsed
/// from flattened text, so each record is read on its own: a bad record is reported and skipped, a bad
/// field is reported and repaired where a safe default exists, and the file is never rejected as a whole.
/// </summary>
internal static class CatalogJsonReader
{
    private const string NoInformation = "Không có thông tin";

    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    public static CatalogRead Read(string json, string file)
        => Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), file);

    public static CatalogRead Read(Stream stream, string file)
    {
        var problems = new List<ImportProblem>();
        var procedures = new List<ProcedureContent>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(stream, Options);
        }
        catch (JsonException e)
        {
            problems.Add(new ImportProblem(file, null, "(file)", $"not valid JSON: {e.Message}"));
            return new CatalogRead(procedures, problems);
        }

        using (document)
        {
            var root = document.RootElement;
            var list = root.ValueKind == JsonValueKind.Array ? root
                : root.ValueKind == JsonValueKind.Object && root.TryGetProperty("procedures", out var p) && p.ValueKind == JsonValueKind.Array ? p
                : default;
            if (list.ValueKind != JsonValueKind.Array)
            {
                problems.Add(new ImportProblem(file, null, "procedures", "no \"procedures\" array"));
                return new CatalogRead(procedures, problems);
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            var index = 0;
            foreach (var element in list.EnumerateArray())
            {
                index++;
                var content = new RecordReader(file, element, index, problems).Read();
                if (content is null)
                {
                    continue;
                }

                if (!seen.Add(content.Code))
                {
                    problems.Add(new ImportProblem(file, content.Code, "code", $"record #{index}: duplicate code in the file; the first record is kept"));
                    continue;
                }

                procedures.Add(content);
            }
        }

        return new CatalogRead(procedures, problems);
    }

    /// <summary>Maps the portal's time unit text; null = no unit written.</summary>
    public static TimeUnit? Unit(string? text) => Clean(text).ToLowerInvariant() switch
    {
        "ngày làm việc" => TimeUnit.WorkingDays,
        "ngày" => TimeUnit.CalendarDays,
        "giờ" or "giờ làm việc" => TimeUnit.WorkingHours,
        _ => null,
    };

    public static Channel? ChannelFrom(string? text) => Clean(text) switch
    {
        "Trực tiếp" => Channel.Counter,
        "Trực tuyến" => Channel.Online,
        "Dịch vụ bưu chính" => Channel.Post,
        _ => null,
    };

    internal static string Clean(string? text) => (text ?? "").Trim().Normalize(NormalizationForm.FormC);

    /// <summary>A name with the stray punctuation the flattening left in front (". Đăng ký thuế" → "Đăng ký thuế").</summary>
    internal static string TrimStray(string name) => name.TrimStart('.', ',', ';', ':', ')', ' ', '\t');

    private sealed class RecordReader(string file, JsonElement element, int index, List<ImportProblem> problems)
    {
        private static readonly string[] Connectors = ["hoac", "va", "hoac:", "va:", "hoac;"];

        private string? code;

        public ProcedureContent? Read()
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                Problem("(record)", $"record #{index} is not an object; skipped");
                return null;
            }

            try
            {
                code = Text("code");
                var name = TrimStray(Text("name"));
                if (code.Length == 0 || name.Length == 0)
                {
                    Problem(code.Length == 0 ? "code" : "name", $"record #{index} has no {(code.Length == 0 ? "code" : "name")}; skipped");
                    return null;
                }

                var steps = Text("steps_text");
                var channels = Channels(steps, out var cutOff);
                var results = Text("results_text");
                var structure = ContentStructure.Documents(Groups(), Problem);
                var levels = Strings("levels");
                var competent = Text("competent_agency");
                var implementing = Text("implementing_agency");
                var conditions = Text("conditions_text");
                var (legal, agencyInLegal) = ContentStructure.SplitAgencyTail(Text("legal_basis_raw"));
                if (agencyInLegal is not null && ContentStructure.IsNothing(implementing))
                {
                    implementing = agencyInLegal;
                }
                return new ProcedureContent
                {
                    Code = code,
                    Name = name,
                    Ministry = Text("ministry"),
                    Field = Text("field"),
                    Levels = levels,
                    ProcedureType = Text("procedure_type"),
                    DecisionNo = Text("decision_no"),
                    TargetSubjects = Strings("target_subjects"),
                    CompetentAgency = competent,
                    ImplementingAgency = implementing,
                    ReceivingAddress = Text("receiving_address"),
                    Channels = channels,
                    DocumentGroups = structure.Groups,
                    Notes = structure.Notes,
                    StepsText = steps,
                    ConditionsText = conditions,
                    ResultsText = results,
                    LegalBasis = legal,
                    LegalDocuments = ContentStructure.LegalBasis(legal, Problem),
                    Results = ContentStructure.Results(results, Problem),
                    Steps = ContentStructure.Lines(steps),
                    Conditions = ContentStructure.Lines(conditions),
                    Agencies = ContentStructure.Agencies(competent, implementing, steps, levels, Problem),
                    SourceUrl = SafeUrl(Text("source_url")),
                    OnlineLevel = OnlineLevelOf(channels, results),
                    DelegatedToCenter = false,
                    Detail = DetailLevel.Full,
                    ReceptionCutOff = cutOff,
                };
            }
            catch (Exception e) when (e is InvalidOperationException or FormatException or JsonException or OverflowException or ArgumentException)
            {
                Problem("(record)", $"record #{index} is malformed: {e.Message}; skipped");
                return null;
            }
        }

        /// <summary>
        /// Full online ("toàn trình") when the online channel is accepted and the result can come back online or
        /// by post (the record says "điện tử"/"trực tuyến" in its results, or a post channel exists); partly
        /// online when only submission is online; none without an online channel. A heuristic over the
        /// portal's text: administrators correct it on the edit page.
        /// </summary>
        private static OnlineServiceLevel OnlineLevelOf(IReadOnlyList<ChannelTerms> channels, string results)
        {
            if (channels.All(c => c.Channel != Channel.Online))
            {
                return OnlineServiceLevel.None;
            }

            var folded = results.ToLowerInvariant();
            return channels.Any(c => c.Channel == Channel.Post) || folded.Contains("điện tử", StringComparison.Ordinal) || folded.Contains("trực tuyến", StringComparison.Ordinal)
                ? OnlineServiceLevel.Full
                : OnlineServiceLevel.Partial;
        }

        private List<ChannelTerms> Channels(string steps, out TimeOnly? cutOff)
        {
            cutOff = null;
            var list = new List<ChannelTerms>();
            if (!element.TryGetProperty("channels", out var channels) || channels.ValueKind == JsonValueKind.Null)
            {
                Problem("channels", "no channels");
                return list;
            }

            if (channels.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException($"\"channels\" is {channels.ValueKind}, not a list");
            }

            foreach (var c in channels.EnumerateArray())
            {
                if (c.ValueKind != JsonValueKind.Object)
                {
                    Problem("channels", $"a channel entry is {c.ValueKind}, not an object; skipped");
                    continue;
                }

                var channelText = Clean(Str(c, "channel"));
                if (ChannelFrom(channelText) is not { } channel)
                {
                    Problem("channels.channel", $"unknown channel \"{channelText}\"; skipped");
                    continue;
                }

                if (list.Any(x => x.Channel == channel))
                {
                    Problem("channels.channel", $"channel \"{channelText}\" listed twice; the first is kept");
                    continue;
                }

                var fees = Fees(c, channelText, out var droppedFees);
                var isFree = Bool(c, "is_free");
                // When every amount was unbelievable and the fee is not free, the fee text is all that is left.
                var unspecified = Bool(c, "fee_unspecified") || (droppedFees && fees.Count == 0 && !isFree);
                var feeText = FeeText(c, channelText);
                var reading = ProcessingTimeText.Read(Time(c, channelText), Clean(Str(c, "time_unit")), feeText, steps);
                if (reading.Note is { } note)
                {
                    Problem("channels.time", $"{channelText}: {note}");
                }

                cutOff ??= reading.CutOff;
                list.Add(new ChannelTerms(channel, reading.Time, fees, isFree, unspecified, feeText));
            }

            return list;
        }

        private ProcessingTime Time(JsonElement c, string channel)
        {
            var text = Clean(Str(c, "time_text"));
            decimal? value = c.TryGetProperty("time_value", out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetDecimal(out var d) ? d : null;
            var unitText = Clean(Str(c, "time_unit"));
            var unit = Unit(unitText);
            if (value is null && ProcessingTimeText.ValueFromText(text) is { } written)
            {
                // "0,5 Ngày làm việc" with no number column: the decimal comma the number parser missed.
                value = written;
                unit ??= ProcessingTimeText.UnitFromText(text);
            }
            if (value is null && ProcessingTimeText.SaysSameDay(text))
            {
                return new ProcessingTime(null, unit ?? TimeUnit.WorkingDays, text); // "Trong ngày": read as same day by the caller
            }

            if (value is null)
            {
                Problem("channels.time", $"{channel}: no processing time (\"{(text.Length == 0 ? NoInformation : text)}\")");
                return new ProcessingTime(null, unit ?? TimeUnit.WorkingDays, text.Length == 0 ? NoInformation : text);
            }

            if (value <= 0)
            {
                Problem("channels.time", $"{channel}: processing time {value} is not positive; kept as not stated");
                return new ProcessingTime(null, unit ?? TimeUnit.WorkingDays, text);
            }

            if (unit is null)
            {
                Problem("channels.time_unit", unitText.Length == 0
                    ? $"{channel}: time \"{text}\" has no unit; imported as working days"
                    : $"{channel}: unknown time unit \"{unitText}\"; imported as working days");
            }

            return new ProcessingTime(value, unit ?? TimeUnit.WorkingDays, text);
        }

        private List<long> Fees(JsonElement c, string channel, out bool dropped)
        {
            var fees = new List<long>();
            dropped = false;
            if (!c.TryGetProperty("fee_amounts", out var amounts) || amounts.ValueKind != JsonValueKind.Array)
            {
                return fees;
            }

            foreach (var a in amounts.EnumerateArray())
            {
                var amount = a.ValueKind == JsonValueKind.Object && a.TryGetProperty("amount", out var x) && x.ValueKind == JsonValueKind.Number && x.TryGetDecimal(out var m) ? m : (decimal?)null;
                var currency = Clean(Str(a, "currency"));
                var doubt = amount is null ? $"fee amount {a.GetRawText()} is not a number"
                    : currency.Length > 0 && !currency.Equals("VND", StringComparison.OrdinalIgnoreCase) ? $"fee {amount} {currency} is not in VND"
                    : VndAmount.Doubt(amount.Value);
                if (doubt is not null)
                {
                    Problem("channels.fee_amounts", $"{channel}: {doubt}; skipped (the fee text keeps it)");
                    dropped = true;
                    continue;
                }

                fees.Add(VndAmount.ToLong(amount!.Value));
            }

            return fees;
        }

        /// <summary>The fee text, with text the flattening glued to "Miễn phí"/"Không có thông tin" set apart.</summary>
        private string FeeText(JsonElement c, string channel)
        {
            var text = Clean(Str(c, "fee_text"));
            foreach (var head in (ReadOnlySpan<string>)["Miễn phí", NoInformation])
            {
                if (text.Length > head.Length && text.StartsWith(head, StringComparison.Ordinal)
                    && !char.IsWhiteSpace(text[head.Length]) && text[head.Length] is not ('(' or '.' or ',' or ';' or ':'))
                {
                    Problem("channels.fee_text", $"{channel}: other text glued to \"{head}\"; set apart");
                    return head + ". " + text[head.Length..].Trim();
                }
            }

            return text;
        }

        private List<ContentStructure.RawGroup> Groups()
        {
            var groups = new List<ContentStructure.RawGroup>();
            if (!element.TryGetProperty("document_groups", out var list) || list.ValueKind == JsonValueKind.Null)
            {
                return groups;
            }

            if (list.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException($"\"document_groups\" is {list.ValueKind}, not a list");
            }

            foreach (var g in list.EnumerateArray())
            {
                if (g.ValueKind != JsonValueKind.Object)
                {
                    Problem("document_groups", $"a document group is {g.ValueKind}, not an object; skipped");
                    continue;
                }

                var docs = new List<ContentStructure.RawDocument>();
                if (g.TryGetProperty("documents", out var items) && items.ValueKind == JsonValueKind.Array)
                {
                    foreach (var d in items.EnumerateArray())
                    {
                        if (Document(d) is { } document)
                        {
                            docs.Add(document);
                        }
                    }
                }

                if (docs.Count > 0)
                {
                    groups.Add(new ContentStructure.RawGroup(Clean(Str(g, "case")) is { Length: > 0 } caseName ? caseName : "--", docs));
                }
            }

            return groups;
        }

        private ContentStructure.RawDocument? Document(JsonElement d)
        {
            if (d.ValueKind != JsonValueKind.Object)
            {
                Problem("documents", $"a document is {d.ValueKind}, not an object; dropped");
                return null;
            }

            var name = Clean(Str(d, "name"));
            if (name.Length > 0 && name[0] is ')' or ';' or ',')
            {
                // The tail of the previous (cut) name starts this one: "); Giấy chứng nhận (bản gốc) …".
                Problem("documents.name", $"\"{Short(name)}\" starts with the tail of a cut name; the stray punctuation is removed");
                name = TrimStray(name);
            }

            if (name.Length < 3)
            {
                Problem("documents.name", $"a document without a usable name (\"{name}\"); dropped");
                return null;
            }

            var form = Clean(Str(d, "form_file"));
            var originals = Count(d, "originals", ref name);
            var copies = Count(d, "copies", ref name);
            if (NoteReason(name) is { } why)
            {
                Problem("documents.name", $"\"{Short(name)}\" is {why}, not a document; dropped");
                return null;
            }

            return new ContentStructure.RawDocument(name, form.Length == 0 ? null : form, originals, copies);
        }

        /// <summary>Why an entry of the documents list is clearly not a document (null = it may be one): a bare connecting word ("hoặc").</summary>
        private static string? NoteReason(string name)
            => Array.IndexOf(Connectors, Opening(name)) >= 0 ? "a connecting word" : null;

        private static string Opening(string name) => VietnameseText.Fold(name.TrimStart('*', '-', '+', '•', '(', ')', ' ', '\t'));

        /// <summary>
        /// An originals/copies count. Negative or unreadable → 0 (reported). The flattening glued the end of a
        /// cut name to the originals count ("… ngày 25/6/" + "2024" + "1" read as 20241): a count above 9 is
        /// split, its last digit is the count and the digits before it go back to the end of the name.
        /// </summary>
        private int Count(JsonElement d, string property, ref string name)
        {
            if (!d.TryGetProperty(property, out var v) || v.ValueKind == JsonValueKind.Null)
            {
                return 0;
            }

            if (v.ValueKind != JsonValueKind.Number || !v.TryGetDecimal(out var n) || n != decimal.Truncate(n))
            {
                Problem($"documents.{property}", $"\"{Short(name)}\": {property} = {v.GetRawText()} is not a whole number; set to 0");
                return 0;
            }

            if (n < 0)
            {
                Problem($"documents.{property}", $"\"{Short(name)}\": {property} = {n} is negative; set to 0");
                return 0;
            }

            if (n <= 9)
            {
                return (int)n;
            }

            if (property == "originals" && n < 1_000_000)
            {
                var digits = ((int)n).ToString(CultureInfo.InvariantCulture);
                var tail = digits[..^1];
                var wordBefore = name.Length > 0 && char.IsLetter(name[^1]) && EndsWithCountedWord(name);
                var repaired = name + (wordBefore ? " " : "") + tail;
                Problem($"documents.{property}", $"\"{Short(name)}\": {property} = {n} holds the end of the cut name; read as \"…{tail}\" with {property} = {digits[^1]}");
                name = repaired;
                return digits[^1] - '0';
            }

            Problem($"documents.{property}", $"\"{Short(name)}\": {property} = {n} is out of range; set to 0");
            return 0;
        }

        /// <summary>"Mẫu số" + "18" → "Mẫu số 18", "năm" + "2024" → "năm 2024"; "25/6/" + "2024" stays glued.</summary>
        private static bool EndsWithCountedWord(string name)
        {
            var folded = VietnameseText.Fold(name);
            var space = folded.LastIndexOf(' ');
            var last = space < 0 ? folded : folded[(space + 1)..];
            return last is "so" or "nam" or "ngay" or "thang" or "mau";
        }

        private static string Short(string text) => text.Length <= 60 ? text : text[..60] + "…";

        private string Text(string property)
        {
            if (!element.TryGetProperty(property, out var v) || v.ValueKind == JsonValueKind.Null)
            {
                return "";
            }

            if (v.ValueKind != JsonValueKind.String)
            {
                throw new FormatException($"\"{property}\" is {v.ValueKind}, not text");
            }

            return Clean(v.GetString());
        }

        private List<string> Strings(string property)
        {
            if (!element.TryGetProperty(property, out var v) || v.ValueKind == JsonValueKind.Null)
            {
                return [];
            }

            if (v.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException($"\"{property}\" is {v.ValueKind}, not a list");
            }

            var list = new List<string>();
            foreach (var x in v.EnumerateArray())
            {
                if (x.ValueKind == JsonValueKind.String && Clean(x.GetString()) is { Length: > 0 } s && !list.Contains(s))
                {
                    list.Add(s);
                }
            }

            return list;
        }

        private static string? Str(JsonElement e, string property)
            => e.ValueKind == JsonValueKind.Object && e.TryGetProperty(property, out var v) ? v.ValueKind switch
            {
                JsonValueKind.String => v.GetString(),
                JsonValueKind.Number => v.GetRawText(),
                _ => null,
            } : null;

        private static bool Bool(JsonElement e, string property)
            => e.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.True;

        private string SafeUrl(string url)
        {
            if (url.Length == 0 || WebAddress.IsSafe(url))
            {
                return url;
            }

            Problem("source_url", $"\"{url}\" is not an http(s) address; dropped");
            return "";
        }

        private void Problem(string field, string reason) => problems.Add(new ImportProblem(file, code is { Length: > 0 } ? code : null, field, reason));
    }
}
