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
/// Text is NFC, measured with the embedded font's advance widths (one look-up per character, cached) and wrapped to
/// the page in one pass, so the work grows linearly with the text; a word wider than its column is broken between
/// characters. A slip never fails on long content: every value is drawn on at most a few lines (the last ending in
/// "…"; the full value stays in the dossier), and content that does not fit on the page continues on the next one,
/// numbered "Trang i/n" (a table repeats its header row there). A one-page slip (forms 01–03) keeps values short so it
/// stays on one printable page in every ordinary case; a flowing document (<see cref="SlipDocument(SlipFonts, bool, bool, CancellationToken)"/>,
/// forms 04–07) lets a long value run over more lines. Rendering stops with <see cref="OperationCanceledException"/> when its token is cancelled.
/// </summary>
internal sealed class SlipDocument : IDisposable
{
    private const double Margin = 50;
    private const int KeptLines = 3;

    /// <summary>Lines one value may take on a one-page slip (a 500-character address takes about seven).</summary>
    public const int CompactValueLines = 8;

    /// <summary>Lines one value may take in a flowing document (about ten pages of a narrow column: nothing real comes near it).</summary>
    public const int FlowingValueLines = 600;

    private const string Ellipsis = "…";
    private readonly PdfDocumentBuilder builder = new();
    private readonly List<PdfPageBuilder> pages = [];
    private readonly PdfDocumentBuilder.AddedFont regular;
    private readonly PdfDocumentBuilder.AddedFont bold;
    private readonly Dictionary<int, double> regularWidths = [];
    private readonly Dictionary<int, double> boldWidths = [];
    private readonly bool landscape;
    private readonly bool flows;
    private readonly int valueLines;
    private readonly CancellationToken cancellation;
    private PdfPageBuilder page;
    private (string[] Cells, double[] Widths, double Size)? tableHeader;
    private bool numbered;
    private double y;

    /// <summary>A one-page portrait A4 slip (values kept short; content that still does not fit continues on a numbered second page).</summary>
    public SlipDocument(SlipFonts fonts, CancellationToken cancellation = default)
        : this(fonts, landscape: false, flows: false, cancellation)
    {
    }

    /// <param name="fonts">The embedded fonts.</param>
    /// <param name="landscape">A4 turned sideways, for wide tables (the tracking book).</param>
    /// <param name="flows">A document of several pages by nature: a value may take up to <see cref="FlowingValueLines"/> lines and a
    /// long paragraph fills a page and goes on (otherwise <see cref="CompactValueLines"/>, and a short block is moved whole).</param>
    /// <param name="cancellation">Stops the rendering (the request was abandoned).</param>
    public SlipDocument(SlipFonts fonts, bool landscape, bool flows, CancellationToken cancellation = default)
    {
        this.landscape = landscape;
        this.flows = flows;
        this.cancellation = cancellation;
        valueLines = flows ? FlowingValueLines : CompactValueLines;
        regular = builder.AddTrueTypeFont(fonts.Regular);
        bold = builder.AddTrueTypeFont(fonts.Bold);
        NewPage();
    }

    /// <summary>How many pages the document has so far.</summary>
    public int PageCount => pages.Count;

    private double Width => page.PageSize.Width - (2 * Margin);

    /// <summary>Height available for content on an empty page.</summary>
    private double Usable => page.PageSize.Height - (2 * Margin);

    /// <summary>Unit on the left, the national motto on the right.</summary>
    public SlipDocument Header(string leftTop, string? leftBottom)
    {
        var top = y;
        var half = (Width / 2) - 10;
        y = top;
        Lines(Wrap(leftTop.ToUpperInvariant(), 9, bold, half, 3), Margin, 9, bold, center: half);
        if (!string.IsNullOrWhiteSpace(leftBottom))
        {
            Lines(Wrap(leftBottom, 9, bold, half, 3), Margin, 9, bold, center: half);
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
        Lines(Wrap(title.ToUpperInvariant(), 13, bold, Width, 3), Margin, 13, bold, center: Width);
        if (subtitle is not null)
        {
            Lines(Wrap(subtitle, 10, bold, Width, 3), Margin, 10, bold, center: Width);
        }

        y -= 8;
        return this;
    }

    /// <summary>"Label: value", the value wrapped under itself.</summary>
    public SlipDocument Line(string label, string? value)
    {
        var labelLines = Wrap(label + ":", 10, bold, Width * 0.45, 4);
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
    /// The header row is repeated on every page the table reaches.
    /// </summary>
    public SlipDocument Table(string[] headers, IReadOnlyList<string[]> rows, double[] shares, double size = 9)
    {
        if (headers.Length != shares.Length || rows.Any(r => r.Length != shares.Length))
        {
            throw new ArgumentException($"Every row of the table needs exactly {shares.Length} cells.", nameof(rows));
        }

        var widths = shares.Select(s => s / shares.Sum() * Width).ToArray();
        var headerCells = WrapRow(headers, widths, bold, size);
        var firstRow = rows.Count > 0 ? WrapRow(rows[0], widths, regular, size) : null;

        // The header row is not left alone at the bottom of a page.
        var start = RowHeight(headerCells, size) + (firstRow is null ? 0 : RowHeight(firstRow, size));
        if (start <= Usable)
        {
            Need(start);
        }

        Row(headerCells, widths, bold, size);
        tableHeader = (headers, widths, size);
        try
        {
            for (var i = 0; i < rows.Count; i++)
            {
                Row(i == 0 ? firstRow! : WrapRow(rows[i], widths, regular, size), widths, regular, size);
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
            Lines(Wrap(rightName, 10, bold, half, 1), Margin + half, 10, bold, center: half);
        }

        return this;
    }

    /// <summary>One signature block on the right half: the signer's title, a caption, room to sign, the name.</summary>
    public SlipDocument Signature(string title, string? name, string caption = "(Ký, ghi rõ họ tên)")
    {
        var half = Width / 2;
        var titleLines = Wrap(title.ToUpperInvariant(), 9, bold, half, 3);
        var captionLines = Wrap(caption, 9, regular, half, 2);
        var nameLines = string.IsNullOrWhiteSpace(name) ? [] : Wrap(name, 10, bold, half, 2);
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
        Lines(Wrap(text, 10, regular, half, 2), Margin + half, 10, regular, center: half);
        y -= 6;
        return this;
    }

    /// <summary>A QR code (dark modules as filled squares) with its caption beside it.</summary>
    public SlipDocument Qr(string text, string caption)
    {
        var modules = QrCode.Modules(text);
        const double size = 90;
        var cell = size / modules.Count;
        var captionLines = Wrap(caption, 9, regular, Width - size - 20, 6);
        Need(Math.Max(size + 10, (captionLines.Count * 12) + 24));
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
        cancellation.ThrowIfCancellationRequested();
        if (pages.Count > 1 && !numbered)
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
        cancellation.ThrowIfCancellationRequested();
        page = builder.AddPage(PageSize.A4, isPortrait: !landscape);
        pages.Add(page);
        y = page.PageSize.Height - Margin;
        if (tableHeader is { } header)
        {
            tableHeader = null;
            Row(WrapRow(header.Cells, header.Widths, bold, header.Size), header.Widths, bold, header.Size);
            tableHeader = header;
        }
    }

    private static double Leading(double size) => size * 4 / 3;

    private List<List<string>> WrapRow(string[] cells, double[] widths, PdfDocumentBuilder.AddedFont font, double size)
        => cells.Select((c, i) => Wrap(c, size, font, widths[i] - 8, flows ? valueLines : 6)).ToList();

    private static double RowHeight(List<List<string>> wrapped, double size)
        => (wrapped.Max(w => Math.Max(1, w.Count)) * Leading(size)) + 6;

    private void Row(List<List<string>> wrapped, double[] widths, PdfDocumentBuilder.AddedFont font, double size)
    {
        var count = wrapped.Max(w => Math.Max(1, w.Count));
        var leading = Leading(size);

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

            if (fresh)
            {
                // A row taller than a whole page is split (at least one line per page, so it always ends).
                var take = Math.Max(1, room);
                RowPart(wrapped, widths, font, size, done, take);
                done += take;
                if (done >= count)
                {
                    return;
                }
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
    /// A one-page slip moves a whole block to the next page when it does not fit; a flowing document keeps a block of
    /// up to <see cref="KeptLines"/> lines on one page and lets a longer one (a long paragraph) fill the page and go on.
    /// </summary>
    private void KeepTogether(int lines, double height)
    {
        if (!flows || lines <= KeptLines)
        {
            Need(height);
        }
    }

    /// <summary>
    /// Room for a block of <paramref name="height"/> points: a new page when the block fits on one (a taller block is
    /// then drawn line by line, each line asking again). Content is never refused and never drawn past the bottom.
    /// </summary>
    private void Need(double height)
    {
        if (y - height >= Margin)
        {
            return;
        }

        if (height <= Usable)
        {
            NewPage();
        }
    }

    /// <summary>
    /// The text as lines no wider than <paramref name="width"/>: words kept whole when they fit, a word wider than the
    /// column broken between characters, at most <paramref name="maxLines"/> lines (the document's value limit when
    /// null), the last one ending in "…" when text was left out. One pass over the text with one cached width look-up per
    /// character; text far longer than the lines can hold is cut before it is even normalised.
    /// </summary>
    private List<string> Wrap(string text, double size, PdfDocumentBuilder.AddedFont font, double width, int? maxLines = null)
    {
        var cap = maxLines ?? valueLines;

        // No line holds more than a few hundred characters (the narrowest glyph at 7.5 points is about 2 points wide).
        var bound = cap * 500;
        var cut = text.Length > bound;
        var source = Printable(Clean(cut ? text[..bound] : text), font);
        var lines = new List<string>();
        var line = new StringBuilder();
        var lineWidth = 0.0;
        var space = Advance(' ', font) * size;
        var room = width + 0.01;
        var full = false;

        bool Emit()
        {
            lines.Add(line.ToString());
            line.Clear();
            lineWidth = 0;
            full = lines.Count > cap;
            return full;
        }

        foreach (var paragraph in source.Split('\n'))
        {
            cancellation.ThrowIfCancellationRequested();
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var wordWidth = Measure(word, size, font);
                if (lineWidth + (line.Length > 0 ? space : 0) + wordWidth <= room)
                {
                    if (line.Length > 0)
                    {
                        line.Append(' ');
                        lineWidth += space;
                    }

                    line.Append(word);
                    lineWidth += wordWidth;
                    continue;
                }

                if (line.Length > 0 && Emit())
                {
                    break;
                }

                if (wordWidth <= room)
                {
                    line.Append(word);
                    lineWidth = wordWidth;
                    continue;
                }

                // A word wider than the column is cut between characters, each measured once.
                foreach (var rune in word.EnumerateRunes())
                {
                    var w = Advance(rune.Value, font) * size;
                    if (line.Length > 0 && lineWidth + w > room && Emit())
                    {
                        break;
                    }

                    Append(line, rune);
                    lineWidth += w;
                }

                if (full)
                {
                    break;
                }
            }

            if (full || Emit())
            {
                break;
            }
        }

        if (full)
        {
            lines.RemoveRange(cap, lines.Count - cap);
        }

        if (full || cut)
        {
            lines[^1] = Shortened(lines[^1], size, font, width);
        }

        return lines;
    }

    /// <summary>The line with "…" at its end, characters dropped from the end until both fit the width.</summary>
    private string Shortened(string line, double size, PdfDocumentBuilder.AddedFont font, double width)
    {
        var mark = Advance(Ellipsis[0], font) > 0 ? Ellipsis : "...";
        var available = width - Measure(mark, size, font);
        var kept = line.TrimEnd();
        var keptWidth = Measure(kept, size, font);
        while (kept.Length > 0 && keptWidth > available)
        {
            var last = char.IsLowSurrogate(kept[^1]) && kept.Length > 1 ? kept[^2..] : kept[^1..];
            keptWidth -= Measure(last, size, font);
            kept = kept[..^last.Length];
        }

        return kept.TrimEnd() + mark;
    }

    /// <summary>The width of a line: the sum of its characters' advance widths (the writer adds no kerning).</summary>
    private double Measure(string text, double size, PdfDocumentBuilder.AddedFont font)
    {
        var total = 0.0;
        foreach (var rune in text.EnumerateRunes())
        {
            total += Math.Max(0, Advance(rune.Value, font));
        }

        return total * size;
    }

    /// <summary>The advance width of one character at size 1, measured once per font and cached; negative when the font lacks it.</summary>
    private double Advance(int codePoint, PdfDocumentBuilder.AddedFont font)
    {
        var known = font == bold ? boldWidths : regularWidths;
        if (known.TryGetValue(codePoint, out var width))
        {
            return width;
        }

        try
        {
            IReadOnlyList<Letter> letters = page.MeasureText(char.ConvertFromUtf32(codePoint), 1000, new PdfPoint(0, 0), font);
            width = letters.Count == 0 ? 0 : (letters[^1].EndBaseLine.X - letters[0].StartBaseLine.X) / 1000;
        }
        catch (InvalidOperationException)
        {
            width = -1; // the font lacks it: Printable writes "?"
        }

        known[codePoint] = width;
        return width;
    }

    /// <summary>Characters the embedded font lacks (emoji, Han characters …) become "?" instead of failing the slip.</summary>
    private string Printable(string text, PdfDocumentBuilder.AddedFont font)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value is '\n' or ' ')
            {
                sb.Append((char)rune.Value);
                continue;
            }

            if (Advance(rune.Value, font) < 0)
            {
                sb.Append('?');
            }
            else
            {
                Append(sb, rune);
            }
        }

        return sb.ToString();
    }

    private static void Append(StringBuilder sb, Rune rune)
    {
        Span<char> chars = stackalloc char[2];
        sb.Append(chars[..rune.EncodeToUtf16(chars)]);
    }

    /// <summary>Composed (NFC), without carriage returns, tabs or other control characters; a broken surrogate becomes U+FFFD.</summary>
    private static string Clean(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value == '\r')
            {
                continue;
            }

            if (rune.Value != '\n' && Rune.IsControl(rune))
            {
                sb.Append(' ');
                continue;
            }

            Append(sb, rune);
        }

        var cleaned = sb.ToString();
        return cleaned.IsNormalized(NormalizationForm.FormC) ? cleaned : cleaned.Normalize(NormalizationForm.FormC);
    }
}
