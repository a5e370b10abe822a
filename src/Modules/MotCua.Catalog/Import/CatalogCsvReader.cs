using System.Globalization;
using MotCua.Catalog.Contracts;
using MotCua.Catalog.Procedures;
using MotCua.Platform.Text;

namespace MotCua.Catalog.Import;

/// <summary>
/// Reads the summary index (tthc_index_all.csv): one row per procedure with summary fields only. Its
/// <c>min_processing_days</c> column is named in days and carries no unit; it is read as working days for
/// every listed channel without reporting each row (the column's meaning is the file's, not the record's);
/// a missing or unreadable value is reported.
/// </summary>
internal static class CatalogCsvReader
{
    private static readonly string[] Required = ["code", "name"];

    public static CatalogRead Read(string csv, string file)
    {
        using var reader = new StringReader(csv);
        return Read(reader, file);
    }

    public static CatalogRead Read(Stream stream, string file)
    {
        using var reader = new StreamReader(stream);
        return Read(reader, file);
    }

    public static CatalogRead Read(TextReader reader, string file)
    {
        var problems = new List<ImportProblem>();
        var procedures = new List<ProcedureContent>();
        var table = CsvTable.Read(reader);
        var missing = Required.Where(c => table.IndexOf(c) < 0).ToList();
        if (missing.Count > 0)
        {
            problems.Add(new ImportProblem(file, null, "(header)", $"missing column(s): {string.Join(", ", missing)}"));
            return new CatalogRead(procedures, problems);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            var code = CatalogJsonReader.Clean(row["code"]);
            if (row.Fields.Count != table.Header.Count)
            {
                problems.Add(new ImportProblem(file, code.Length > 0 ? code : null, "(row)", $"line {row.Line}: {row.Fields.Count} fields instead of {table.Header.Count}; skipped"));
                continue;
            }

            var name = CatalogJsonReader.TrimStray(CatalogJsonReader.Clean(row["name"]));
            if (code.Length == 0 || name.Length == 0)
            {
                problems.Add(new ImportProblem(file, code.Length > 0 ? code : null, code.Length == 0 ? "code" : "name", $"line {row.Line}: no {(code.Length == 0 ? "code" : "name")}; skipped"));
                continue;
            }

            if (!seen.Add(code))
            {
                problems.Add(new ImportProblem(file, code, "code", $"line {row.Line}: duplicate code; the first row is kept"));
                continue;
            }

            var daysText = row["min_processing_days"];
            decimal? days = null;
            if (decimal.TryParse(daysText, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) && d > 0)
            {
                days = d;
            }
            else
            {
                problems.Add(new ImportProblem(file, code, "min_processing_days", daysText.Length == 0 ? "no processing time" : $"\"{daysText}\" is not a positive number"));
            }

            var (fees, isFree, unspecified) = Fees(row["fee_summary"], code, file, problems);
            var channels = new List<ChannelTerms>();
            foreach (var text in Split(row["channels"]))
            {
                if (CatalogJsonReader.ChannelFrom(text) is not { } channel)
                {
                    problems.Add(new ImportProblem(file, code, "channels", $"unknown channel \"{text}\"; skipped"));
                    continue;
                }

                if (channels.All(c => c.Channel != channel))
                {
                    var time = new ProcessingTime(days, TimeUnit.WorkingDays, days is null ? "Không có thông tin" : $"{daysText} Ngày làm việc");
                    channels.Add(new ChannelTerms(channel, time, fees, isFree, unspecified, row["fee_summary"]));
                }
            }

            procedures.Add(new ProcedureContent
            {
                Code = code,
                Name = name,
                Ministry = CatalogJsonReader.Clean(row["ministry"]),
                Field = CatalogJsonReader.Clean(row["field"]),
                Levels = Split(row["levels"]),
                ProcedureType = CatalogJsonReader.Clean(row["procedure_type"]),
                DecisionNo = CatalogJsonReader.Clean(row["decision_no"]),
                Channels = channels,
                SourceUrl = WebAddress.IsSafe(row["source_url"]) ? CatalogJsonReader.Clean(row["source_url"]) : "",
                DelegatedToCenter = false,
                OnlineLevel = channels.Any(c => c.Channel == Channel.Online) ? OnlineServiceLevel.Partial : OnlineServiceLevel.None,
                Detail = DetailLevel.Summary,
                DocumentCount = int.TryParse(row["n_documents"], CultureInfo.InvariantCulture, out var n) && n >= 0 ? n : null,
            });
        }

        return new CatalogRead(procedures, problems);
    }

    private static List<string> Split(string text)
        => text.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(CatalogJsonReader.Clean).ToList();

    /// <summary>
    /// "free", "unspecified", "see text", "free | unspecified", "10000 VND;10000 VND", "1.2e+06 VND", "145 USD".
    /// Amounts are distinct whole đồng; other currencies and unbelievable amounts are reported and left out.
    /// </summary>
    private static (List<long> Fees, bool IsFree, bool Unspecified) Fees(string summary, string code, string file, List<ImportProblem> problems)
    {
        var fees = new List<long>();
        var isFree = false;
        var unspecified = false;
        var dropped = false;
        foreach (var part in summary.Split([';', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            switch (part)
            {
                case "free":
                    isFree = true;
                    continue;
                case "unspecified" or "see text":
                    unspecified = true;
                    continue;
            }

            var space = part.LastIndexOf(' ');
            var currency = space < 0 ? "" : part[(space + 1)..];
            var number = space < 0 ? part : part[..space];
            string? doubt;
            if (!decimal.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
            {
                doubt = $"\"{part}\" is not a fee";
            }
            else if (!currency.Equals("VND", StringComparison.OrdinalIgnoreCase))
            {
                doubt = $"\"{part}\" is not in VND";
            }
            else
            {
                doubt = VndAmount.Doubt(v);
                if (doubt is null)
                {
                    var amount = VndAmount.ToLong(v);
                    if (!fees.Contains(amount))
                    {
                        fees.Add(amount);
                    }

                    continue;
                }
            }

            problems.Add(new ImportProblem(file, code, "fee_summary", doubt + "; skipped"));
            dropped = true;
        }

        // A fee whose every amount was left out is "see the fee text", not "free".
        return (fees, isFree && fees.Count == 0, fees.Count == 0 && (unspecified || (dropped && !isFree)));
    }
}
