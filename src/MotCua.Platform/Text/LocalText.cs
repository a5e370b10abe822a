using System.Globalization;

namespace MotCua.Platform.Text;

/// <summary>A text in Vietnamese (the default) and English.</summary>
public sealed record LocalText(string Vi, string En)
{
    /// <summary>The English text when the UI culture is English, the Vietnamese otherwise.</summary>
    public string In(CultureInfo culture) => culture.TwoLetterISOLanguageName == "en" ? En : Vi;

    public override string ToString() => In(CultureInfo.CurrentUICulture);
}
