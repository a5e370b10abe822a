using System.Globalization;
using System.Text;
using System.Text.Json;
using MotCua.Catalog.Procedures;

namespace MotCua.Catalog.Import;

/// <summary>
/// Reads the detailed catalog (tthc_catalog_sample.json: {"meta":…, "procedures":[…]}). The data was parsed
/// from flattened text, so each record is read on its own: a bad record is reported and skipped, a bad
/// field is reported and repaired where a safe default exists, and the file is never rejected as a whole.
/// </summary>
public static class CatalogJsonReader
{
    private const string NoInformation = "Không có thông tin";

    public static CatalogRead Read(Stream stream, string file)
    {
        var problems = new List<ImportProblem>();
        var procedures = new List<ProcedureContent>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(stream, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
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
                var record = new RecordReader(file, element, index, problems);
                var content = record.Read();
                if (content is null)
                {
                    continue;
                }

                if (!seen.Add(content.Code))
                {
                    problems.Add(new ImportProblem(file, content.Code, "code", "duplicate code in the file; the first record is kept"));
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

    private sealed class RecordReader(string file, JsonElement element, int index, List<ImportProblem> problems)
    {
        private string? code;

        public ProcedureContent? Read()
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                Problem("(record)", $"record #{index} is not an object");
                return null;
            }

            code = Text("code");
            var name = Text("name");
            if (code.Length == 0 || name.Length == 0)
            {
                Problem(code.Length == 0 ? "code" : "name", $"record #{index} has no {(code.Length == 0 ? "code" : "name")}; skipped");
                return null;
            }

            try
            {
                var channels = Channels();
                var results = Text("results_text");
                return new ProcedureContent
                {
                    Code = code,
                    Name = name,
                    Ministry = Text("ministry"),
                    Field = Text("field"),
                    Levels = Strings("levels"),
                    ProcedureType = Text("procedure_type"),
                    DecisionNo = Text("decision_no"),
                    TargetSubjects = Strings("target_subjects"),
                    CompetentAgency = Text("competent_agency"),
                    ImplementingAgency = Text("implementing_agency"),
                    ReceivingAddress = Text("receiving_address"),
                    Channels = channels,
                    DocumentGroups = Groups(),
                    StepsText = Text("steps_text"),
                    ConditionsText = Text("conditions_text"),
                    ResultsText = results,
                    LegalBasis = Text("legal_basis_raw"),
                    SourceUrl = Text("source_url"),
                    OnlineLevel = OnlineLevelOf(channels, results),
                    Detail = DetailLevel.Full,
                };
            }
            catch (Exception e) when (e is InvalidOperationException or FormatException or JsonException)
            {
                Problem("(record)", $"malformed record: {e.Message}; skipped");
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

        private List<ChannelTerms> Channels()
        {
            var list = new List<ChannelTerms>();
            if (!element.TryGetProperty("channels", out var channels) || channels.ValueKind == JsonValueKind.Null)
            {
                Problem("channels", "no channels");
                return list;
            }

            if (channels.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException("\"channels\" is not a list");
            }

            foreach (var c in channels.EnumerateArray())
            {
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

                list.Add(new ChannelTerms(channel, Time(c, channelText), Fees(c, channelText), Bool(c, "is_free"), Bool(c, "fee_unspecified"), Clean(Str(c, "fee_text"))));
            }

            return list;
        }

        private ProcessingTime Time(JsonElement c, string channel)
        {
            var text = Clean(Str(c, "time_text"));
            decimal? value = c.TryGetProperty("time_value", out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDecimal() : null;
            var unitText = Clean(Str(c, "time_unit"));
            var unit = Unit(unitText);
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

        private List<long> Fees(JsonElement c, string channel)
        {
            var fees = new List<long>();
            if (!c.TryGetProperty("fee_amounts", out var amounts) || amounts.ValueKind != JsonValueKind.Array)
            {
                return fees;
            }

            foreach (var a in amounts.EnumerateArray())
            {
                var amount = a.ValueKind == JsonValueKind.Object && a.TryGetProperty("amount", out var x) && x.ValueKind == JsonValueKind.Number ? x.GetDecimal() : (decimal?)null;
                if (amount is null or < 0 or > 1_000_000_000_000m)
                {
                    Problem("channels.fee_amounts", $"{channel}: fee amount {a.GetRawText()} is not a VND amount; skipped");
                    continue;
                }

                fees.Add((long)Math.Round(amount.Value, MidpointRounding.AwayFromZero));
            }

            return fees;
        }

        private List<DocumentGroup> Groups()
        {
            var groups = new List<DocumentGroup>();
            if (!element.TryGetProperty("document_groups", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                return groups;
            }

            foreach (var g in list.EnumerateArray())
            {
                var docs = new List<RequiredDocument>();
                if (g.ValueKind != JsonValueKind.Object)
                {
                    Problem("document_groups", "a document group is not an object; skipped");
                    continue;
                }

                if (g.TryGetProperty("documents", out var items) && items.ValueKind == JsonValueKind.Array)
                {
                    foreach (var d in items.EnumerateArray())
                    {
                        var name = Clean(Str(d, "name"));
                        if (name.Length < 3)
                        {
                            Problem("documents.name", $"a document without a usable name (\"{name}\"); dropped");
                            continue;
                        }

                        docs.Add(new RequiredDocument(name, NullIfEmpty(Clean(Str(d, "form_file"))), Count(d, "originals", name), Count(d, "copies", name)));
                    }
                }

                if (docs.Count > 0)
                {
                    groups.Add(new DocumentGroup(Clean(Str(g, "case")) is { Length: > 0 } caseName ? caseName : "--", docs));
                }
            }

            return groups;
        }

        private int Count(JsonElement d, string property, string document)
        {
            if (!d.TryGetProperty(property, out var v) || v.ValueKind != JsonValueKind.Number)
            {
                return 0;
            }

            var n = v.GetDecimal();
            if (n is < 0 or > 100)
            {
                Problem($"documents.{property}", $"\"{document}\": {property} = {n} is out of range; set to 0");
                return 0;
            }

            return (int)n;
        }

        private string Text(string property)
        {
            if (!element.TryGetProperty(property, out var v) || v.ValueKind == JsonValueKind.Null)
            {
                return "";
            }

            if (v.ValueKind != JsonValueKind.String)
            {
                throw new FormatException($"\"{property}\" is not text");
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
                throw new FormatException($"\"{property}\" is not a list");
            }

            return v.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => Clean(x.GetString())).Where(x => x.Length > 0).ToList();
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

        private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;

        private void Problem(string field, string reason) => problems.Add(new ImportProblem(file, code is { Length: > 0 } ? code : null, field, reason));
    }

    internal static decimal? Number(string text)
        => decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? v : null;
}
