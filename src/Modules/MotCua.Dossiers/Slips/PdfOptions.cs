namespace MotCua.Dossiers.Slips;

/// <summary>
/// <c>MotCua:Pdf</c>: the TrueType fonts the forms are drawn with (they must cover Vietnamese). Unset = Noto Sans from
/// fonts-noto-core, else DejaVu Sans (in every Debian image).
/// </summary>
internal sealed class PdfOptions
{
    public const string Section = "MotCua:Pdf";

    public string? Font { get; set; }

    public string? BoldFont { get; set; }
}
