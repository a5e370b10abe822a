using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace MotCua.Platform;

/// <summary>
/// The center this installation serves (<c>MotCua:Center</c>): its name as printed on forms, the province whose
/// units and network it covers, and the public address printed in links and QR codes.
/// </summary>
public sealed class CenterOptions
{
    public const string Section = "MotCua:Center";

    /// <summary>The center's short name, as a receiving unit and on the tracking book.</summary>
    public string Name { get; set; } = "Trung tâm Phục vụ hành chính công";

    /// <summary>The center's full name, in the header of the forms (TT 03/2025 forms 01–07).</summary>
    public string FullName { get; set; } = "Trung tâm Phục vụ hành chính công thành phố Hà Nội";

    /// <summary>
    /// The place written in the dateline of the letters (form 04 "Hà Nội, ngày … tháng … năm …"). Unset = the short name of
    /// the province of <see cref="ProvinceCode"/> from the administrative units.
    /// </summary>
    public string? Place { get; set; }

    /// <summary>The GSO code of the province (01 = Hà Nội). Also read from <c>MotCua:Seed:ProvinceCode</c>.</summary>
    public string ProvinceCode { get; set; } = "01";

    /// <summary>The public address (https://dichvucong.example.vn/). Also read from <c>MotCua:PublicBaseUrl</c>. Unset = the request's own address.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>The base of absolute links: <see cref="PublicBaseUrl"/>, else the request's scheme and host (empty without one); no trailing slash.</summary>
    public string BaseUrl(HttpRequest? request)
        => PublicBaseUrl is { Length: > 0 } configured ? configured.TrimEnd('/') : request is null ? "" : $"{request.Scheme}://{request.Host}";

    /// <summary>The one reading of the settings, with the older keys (<c>MotCua:PublicBaseUrl</c>, <c>MotCua:Seed:ProvinceCode</c>) as fallbacks.</summary>
    public static void Bind(IConfiguration configuration, CenterOptions options)
    {
        configuration.GetSection(Section).Bind(options);
        options.PublicBaseUrl ??= configuration["MotCua:PublicBaseUrl"];
        if (configuration[$"{Section}:ProvinceCode"] is null && configuration["MotCua:Seed:ProvinceCode"] is { Length: > 0 } province)
        {
            options.ProvinceCode = province;
        }
    }

    public static CenterOptions From(IConfiguration configuration)
    {
        var options = new CenterOptions();
        Bind(configuration, options);
        return options;
    }
}
