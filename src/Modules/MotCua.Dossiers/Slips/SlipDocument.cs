using System.Diagnostics.CodeAnalysis;
using System.Text;
using MotCua.Platform.Ui;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace MotCua.Dossiers.Slips;

/// <summary>The TrueType fonts the slips embed (Vietnamese needs a full Unicode font: Noto Sans or DejaVu Sans).</summary>
internal sealed class SlipFonts
{
    private static readonly string[] RegularCandidates =
        ["/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"];

    private static readonly string[] BoldCandidates =
        ["/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"];

    public SlipFonts(string? regular = null, string? bold = null)
    {
        Regular = File.ReadAllBytes(Find(regular, RegularCandidates));
        Bold = File.ReadAllBytes(Find(bold, BoldCandidates));
    }

    public byte[] Regular { get; }

    public byte[] Bold { get; }

    private static string Find(string? configured, string[] candidates)
    {
        var tried = configured is null ? candidates : [configured, .. candidates];
        return tried.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException($"No TrueType font for Vietnamese PDFs; tried {string.Join(", ", tried)}. Install fonts-noto-core or set MotCua:Pdf:Font.");
    }
}

/// <summary>
/// A4 pages laid out top to bottom: header block, title, label–value lines, tables, signatures, a QR.
/// Text is NFC, measured with the embedded font and wrapped to the page. By default the slip is one portrait
/// page and content that would run past the bottom is an error, never silently lost; a flowing document
/// (<see cref="SlipDocument(SlipFonts, bool, bool)"/>) continues on new pages instead, repeating a table's
/// header row and numbering the pages.
/// </summary>
internal sealed class SlipDocument : IDisposable
{
    private const double Margin = 50;
    private const int KeptLines = 3;
    private readonly PdfDocumentBuilder builder = new();
    private readonly List<PdfPageBuilder> pages = [];
    private readonly PdfDocumentBuilder.AddedFont regular;
    private readonly PdfDocumentBuilder.AddedFont bold;
    private readonly Dictionary<int, bool> regularGlyphs = [];
    private readonly Dictionary<int, bool> boldGlyphs = [];
    private readonly bool landscape;
    private readonly bool flows;
    private PdfPageBuilder page;
    private (string[] Cells, double[] Widths, double Size)? tableHeader;
    private bool numbered;
    private double y;

    /// <summary>One portrait A4 page; content that does not fit is refused.</summary>
    public SlipDocument(SlipFonts fonts)
        : this(fonts, landscape: false, flows: false)
    {
    }

    /// <param name="fonts">The embedded fonts.</param>
    /// <param name="landscape">A4 turned sideways, for wide tables (the tracking book).</param>
    /// <param name="flows">Content that does not fit continues on a new page (a table repeats its header row
    /// there, a row taller than a page is split) and pages get "Trang i/n"; otherwise it is refused.</param>
    public SlipDocument(SlipFonts fonts, bool landscape, bool flows)
    {
        this.landscape = landscape;
        this.flows = flows;
        regular = builder.AddTrueTypeFont(fonts.Regular);
        bold = builder.AddTrueTypeFont(fonts.Bold);
        NewPage();
    }

    private double Width => page.PageSize.Width - (2 * Margin);

    /// <summary>Height available for content on an empty page.</summary>
    private double Usable => page.PageSize.Height - (2 * Margin);

    /// <summary>Unit on the left, the national motto on the right.</summary>
    public SlipDocument Header(string leftTop, string? leftBottom)
    {
        var top = y;
        var half = (Width / 2) - 10;
        y = top;
        Lines(Wrap(leftTop.ToUpperInvariant(), 9, bold, half), Margin, 9, bold, center: half);
        if (!string.IsNullOrWhiteSpace(leftBottom))
        {
            Lines(Wrap(leftBottom, 9, bold, half), Margin, 9, bold, center: half);
        }

        var leftEnd = y;
        y = top;
        Lines(["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"], Margin + half + 20, 9, bold, center: half);
        Lines(["Độc lập - Tự do - Hạnh phúc"], Margin + half + 20, 9, bold, center: half);
        y = Math.Min(leftEnd, y) - 14;
        return this;
    }

    public SlipDocument Title(string title, string? subtitle = null)
    {
        Lines(Wrap(title.ToUpperInvariant(), 13, bold, Width), Margin, 13, bold, center: Width);
        if (subtitle is not null)
        {
            Lines(Wrap(subtitle, 10, bold, Width), Margin, 10, bold, center: Width);
        }

        y -= 8;
        return this;
    }

    /// <summary>"Label: value", the value wrapped under itself.</summary>
    public SlipDocument Line(string label, string? value)
    {
        var labelLines = Wrap(label + ":", 10, bold, Width * 0.45);
        var labelWidth = labelLines.Max(l => Measure(l, 10, bold)) + 4;
        var lines = Wrap(value ?? "", 10, regular, Width - labelWidth);
        var rows = Math.Max(labelLines.Count, lines.Count);
        KeepTogether(rows, rows * 14);
        for (var i = 0; i < rows; i++)
        {
            Need(14);
            if (i < labelLines.Count)
            {
                page.AddText(labelLines[i], 10, new PdfPoint(Margin, y - 10), bold);
            }

            if (i < lines.Count)
            {
                page.AddText(lines[i], 10, new PdfPoint(Margin + labelWidth, y - 10), regular);
            }

            y -= 14;
        }

        return this;
    }

    public SlipDocument Paragraph(string text, bool isBold = false)
    {
        Lines(Wrap(text, 10, isBold ? bold : regular, Width), Margin, 10, isBold ? bold : regular);
        y -= 2;
        return this;
    }

    /// <summary>
    /// A table with wrapped cells; widths are shares of the page width, <paramref name="size"/> the font size.
    /// In a flowing document the header row is repeated on every page the table reaches.
    /// </summary>
    public SlipDocument Table(string[] headers, IReadOnlyList<string[]> rows, double[] shares, double size = 9)
    {
        if (headers.Length != shares.Length || rows.Any(r => r.Length != shares.Length))
        {
            throw new ArgumentException($"Every row of the table needs exactly {shares.Length} cells.", nameof(rows));
        }

        var widths = shares.Select(s => s / shares.Sum() * Width).ToArray();
        if (flows)
        {
            // The header row is not left alone at the bottom of a page.
            var start = RowHeight(headers, widths, bold, size) + (rows.Count > 0 ? RowHeight(rows[0], widths, regular, size) : 0);
            if (start <= Usable)
            {
                Need(start);
            }
        }

        Row(headers, widths, bold, size);
        tableHeader = (headers, widths, size);
        try
        {
            foreach (var row in rows)
            {
                Row(row, widths, regular, size);
            }
        }
        finally
        {
            tableHeader = null;
        }

        y -= 6;
        return this;
    }

    /// <summary>Two signature blocks side by side.</summary>
    public SlipDocument Signatures(string left, string right, string? rightName = null)
    {
        Need(82); // 8 + two 13-point lines + 34 + the name's 14-point line, so the block is never split
        y -= 8;
        var half = Width / 2;
        var top = y;
        Lines([left.ToUpperInvariant(), "(Ký, ghi rõ họ tên)"], Margin, 9, bold, center: half);
        y = top;
        Lines([right.ToUpperInvariant(), "(Ký, ghi rõ họ tên)"], Margin + half, 9, bold, center: half);
        y -= 34;
        if (!string.IsNullOrWhiteSpace(rightName))
        {
            Lines([rightName], Margin + half, 10, bold, center: half);
        }

        return this;
    }

    /// <summary>One signature block on the right half: the signer's title, a caption, room to sign, the name.</summary>
    public SlipDocument Signature(string title, string? name, string caption = "(Ký, ghi rõ họ tên)")
    {
        var half = Width / 2;
        var titleLines = Wrap(title.ToUpperInvariant(), 9, bold, half);
        var captionLines = Wrap(caption, 9, regular, half);
        var nameLines = string.IsNullOrWhiteSpace(name) ? [] : Wrap(name, 10, bold, half);
        Need(8 + ((titleLines.Count + captionLines.Count) * 13) + 40 + (nameLines.Count * 14));
        y -= 8;
        Lines(titleLines, Margin + half, 9, bold, center: half);
        Lines(captionLines, Margin + half, 9, regular, center: half);
        y -= 40;
        if (nameLines.Count > 0)
        {
            Lines(nameLines, Margin + half, 10, bold, center: half);
        }

        return this;
    }

    /// <summary>A line centred over the right half, under the national motto ("Hà Nội, ngày … tháng … năm …").</summary>
    public SlipDocument Dateline(string text)
    {
        var half = Width / 2;
        Lines(Wrap(text, 10, regular, half), Margin + half, 10, regular, center: half);
        y -= 6;
        return this;
    }

    /// <summary>A QR code (dark modules as filled squares) with its caption beside it.</summary>
    public SlipDocument Qr(string text, string caption)
    {
        var modules = QrCode.Modules(text);
        const double size = 90;
        var cell = size / modules.Count;
        Need(Math.Max(size + 10, (Wrap(caption, 9, regular, Width - size - 20).Count * 12) + 24));
        var top = y - 4;
        for (var r = 0; r < modules.Count; r++)
        {
            for (var c = 0; c < modules.Count; c++)
            {
                if (modules[r][c])
                {
                    page.DrawRectangle(new PdfPoint(Margin + (c * cell), top - ((r + 1) * cell)), cell, cell, 0, fill: true);
                }
            }
        }

        var captionLines = Wrap(caption, 9, regular, Width - size - 20);
        Need(Math.Max(size + 10, (captionLines.Count * 12) + 24));
        var captionY = y;
        foreach (var line in captionLines)
        {
            page.AddText(line, 9, new PdfPoint(Margin + size + 16, captionY - 20), regular);
            captionY -= 12;
        }

        y = Math.Min(top - size, captionY - 20) - 6;
        return this;
    }

    public byte[] ToPdf()
    {
        if (flows && pages.Count > 1 && !numbered)
        {
            numbered = true;
            for (var i = 0; i < pages.Count; i++)
            {
                var label = $"Trang {i + 1}/{pages.Count}";
                pages[i].AddText(label, 8, new PdfPoint(pages[i].PageSize.Width - Margin - Measure(label, 8, regular), Margin - 24), regular);
            }
        }

        return builder.Build();
    }

    public void Dispose() => builder.Dispose();

    [MemberNotNull(nameof(page))]
    private void NewPage()
    {
        page = builder.AddPage(PageSize.A4, isPortrait: !landscape);
        pages.Add(page);
        y = page.PageSize.Height - Margin;
        if (tableHeader is { } header)
        {
            tableHeader = null;
            Row(header.Cells, header.Widths, bold, header.Size);
            tableHeader = header;
        }
    }

    private static double Leading(double size) => size * 4 / 3;

    private double RowHeight(string[] cells, double[] widths, PdfDocumentBuilder.AddedFont font, double size)
        => (cells.Select((c, i) => Math.Max(1, Wrap(c, size, font, widths[i] - 8).Count)).Max() * Leading(size)) + 6;

    private void Row(string[] cells, double[] widths, PdfDocumentBuilder.AddedFont font, double size)
    {
        var wrapped = cells.Select((c, i) => Wrap(c, size, font, widths[i] - 8)).ToList();
        var count = wrapped.Max(w => Math.Max(1, w.Count));
        var leading = Leading(size);
        if (!flows)
        {
            Need((count * leading) + 6);
            RowPart(wrapped, widths, font, size, 0, count);
            return;
        }

        // A row that does not fit moves to a new page; only a row taller than a whole page is split.
        var done = 0;
        var fresh = false;
        while (done < count)
        {
            var room = (int)Math.Floor((y - Margin - 6) / leading);
            if (room >= count - done)
            {
                RowPart(wrapped, widths, font, size, done, count - done);
                return;
            }

            if (fresh && room >= 1)
            {
                RowPart(wrapped, widths, font, size, done, room);
                done += room;
            }
            else if (fresh)
            {
                throw new InvalidOperationException("A table row does not fit on an empty page.");
            }

            NewPage();
            fresh = true;
        }
    }

    private void RowPart(List<List<string>> wrapped, double[] widths, PdfDocumentBuilder.AddedFont font, double size, int skip, int take)
    {
        var leading = Leading(size);
        var height = (take * leading) + 6;
        var x = Margin;
        for (var i = 0; i < wrapped.Count; i++)
        {
            page.DrawRectangle(new PdfPoint(x, y - height), widths[i], height, 0.5);
            var ly = y - leading;
            foreach (var line in wrapped[i].Skip(skip).Take(take))
            {
                page.AddText(line, size, new PdfPoint(x + 4, ly), font);
                ly -= leading;
            }

            x += widths[i];
        }

        y -= height;
    }

    private void Lines(IReadOnlyList<string> lines, double x, double size, PdfDocumentBuilder.AddedFont font, double? center = null)
    {
        KeepTogether(lines.Count, lines.Count * (size + 4));
        foreach (var line in lines.Select(l => Printable(Clean(l), font)))
        {
            Need(size + 4);
            var lx = center is { } w ? x + Math.Max(0, (w - Measure(line, size, font)) / 2) : x;
            page.AddText(line, size, new PdfPoint(lx, y - size), font);
            y -= size + 4;
        }
    }

    /// <summary>
    /// A one-page slip checks the whole block at once; a flowing document keeps a block of up to
    /// <see cref="KeptLines"/> lines on one page and lets a longer one (a long paragraph) fill the page and go on.
    /// </summary>
    private void KeepTogether(int lines, double height)
    {
        if (!flows || lines <= KeptLines)
        {
            Need(height);
        }
    }

    /// <summary>
    /// Room for a block of <paramref name="height"/> points: a one-page slip refuses content past the bottom; a
    /// flowing document starts a new page when the block fits on one (a taller block is then drawn line by
    /// line, each line asking again).
    /// </summary>
    private void Need(double height)
    {
        if (y - height >= Margin)
        {
            return;
        }

        if (!flows)
        {
            throw new InvalidOperationException("The slip does not fit on one A4 page; shorten its content.");
        }

        if (height <= Usable)
        {
            NewPage();
        }
    }

    private List<string> Wrap(string text, double size, PdfDocumentBuilder.AddedFont font, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in Printable(Clean(text), font).Split('\n'))
        {
            var line = new StringBuilder();
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (Measure(candidate, size, font) <= width)
                {
                    line.Clear().Append(candidate);
                    continue;
                }

                if (line.Length > 0)
                {
                    lines.Add(line.ToString());
                }

                // A single word wider than the column is cut character by character.
                var rest = word;
                while (Measure(rest, size, font) > width && rest.Length > 1)
                {
                    var n = rest.Length - 1;
                    while (n > 1 && Measure(rest[..n], size, font) > width)
                    {
                        n--;
                    }

                    lines.Add(rest[..n]);
                    rest = rest[n..];
                }

                line.Clear().Append(rest);
            }

            lines.Add(line.ToString());
        }

        return lines;
    }

    private double Measure(string text, double size, PdfDocumentBuilder.AddedFont font)
    {
        if (text.Length == 0)
        {
            return 0;
        }

        IReadOnlyList<Letter> letters = page.MeasureText(text, size, new PdfPoint(0, 0), font);
        return letters.Count == 0 ? 0 : letters[^1].EndBaseLine.X - letters[0].StartBaseLine.X;
    }

    /// <summary>Characters the embedded font lacks (emoji, Han characters …) become "?" instead of failing the slip.</summary>
    private string Printable(string text, PdfDocumentBuilder.AddedFont font)
    {
        var known = font == bold ? boldGlyphs : regularGlyphs;
        var sb = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            var ch = rune.ToString();
            if (rune.Value is '\n' or ' ')
            {
                sb.Append(ch);
                continue;
            }

            if (!known.TryGetValue(rune.Value, out var ok))
            {
                try
                {
                    page.MeasureText(ch, 10, new PdfPoint(0, 0), font);
                    ok = true;
                }
                catch (InvalidOperationException)
                {
                    ok = false;
                }

                known[rune.Value] = ok;
            }

            sb.Append(ok ? ch : "?");
        }

        return sb.ToString();
    }

    private static string Clean(string text) => text.Normalize(NormalizationForm.FormC).Replace("\r", "", StringComparison.Ordinal).Replace("\t", " ", StringComparison.Ordinal);
}
