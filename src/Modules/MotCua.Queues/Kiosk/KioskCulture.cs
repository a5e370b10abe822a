using System.Globalization;

namespace MotCua.Queues.Kiosk;

/// <summary>
/// The kiosk's language: Vietnamese unless the visitor switched to English, which then rides along in the address of
/// each following screen (<c>?culture=en</c>, read by the request-localization query provider). Kiosk addresses ignore the
/// language cookie (MotCua.Web's PlatformSetup), so one visitor's choice never outlives their visit.
/// </summary>
internal static class KioskCulture
{
    /// <summary>The query parameter ASP.NET Core's request localization reads.</summary>
    public const string Parameter = "culture";

    public static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>The address of the visitor's next kiosk screen, in the language they chose.</summary>
    public static string Keep(string url) => English ? $"{url}{(url.Contains('?', StringComparison.Ordinal) ? '&' : '?')}{Parameter}=en" : url;
}
