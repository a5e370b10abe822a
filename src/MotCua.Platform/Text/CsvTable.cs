using System.Text;

namespace MotCua.Platform.Text;

/// <summary>A small RFC 4180 reader: a header row, quoted fields with commas, quotes ("") and line breaks.</summary>
public sealed class CsvTable
{
    private readonly Dictionary<string, int> columns;

    private readonly List<CsvRow> rows = [];

    private CsvTable(IReadOnlyList<string> header)
    {
        Header = header;
        columns = header.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => x.i, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<string> Header { get; }

    public IReadOnlyList<CsvRow> Rows => rows;

    public int IndexOf(string column) => columns.TryGetValue(column, out var i) ? i : -1;

    public static CsvTable Read(TextReader reader)
    {
        var records = new List<(int Line, List<string> Fields)>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        var line = 1;
        var recordLine = 1;
        int c;
        var any = false;
        while ((c = reader.Read()) >= 0)
        {
            var ch = (char)c;
            if (inQuotes)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    if (ch == '\n')
                    {
                        line++;
                    }

                    field.Append(ch);
                }

                continue;
            }

            switch (ch)
            {
                case '"' when field.Length == 0:
                    inQuotes = true;
                    any = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    any = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    if (any || fields.Count > 1 || fields[0].Length > 0)
                    {
                        records.Add((recordLine, fields));
                    }

                    fields = [];
                    any = false;
                    line++;
                    recordLine = line;
                    break;
                default:
                    field.Append(ch);
                    any = true;
                    break;
            }
        }

        if (any || field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add((recordLine, fields));
        }

        if (records.Count == 0)
        {
            return new CsvTable([]);
        }

        var header = records[0].Fields.Select(h => h.Trim().TrimStart('\uFEFF')).ToList();
        var table = new CsvTable(header);
        table.rows.AddRange(records.Skip(1).Select(r => new CsvRow(table, r.Line, r.Fields)));
        return table;
    }
}

/// <summary>One record; <see cref="Line"/> is the line it starts on (1 = the header).</summary>
public sealed class CsvRow(CsvTable table, int line, IReadOnlyList<string> fields)
{
    public int Line { get; } = line;

    public IReadOnlyList<string> Fields { get; } = fields;

    /// <summary>The named column, trimmed; empty when the row is too short.</summary>
    public string this[string column]
    {
        get
        {
            var i = table.IndexOf(column);
            return i >= 0 && i < Fields.Count ? Fields[i].Trim() : "";
        }
    }
}
