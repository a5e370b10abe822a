using Microsoft.AspNetCore.Http;

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

    /// <summary>The GSO code of the province (01 = Hà Nội). Also read from <c>MotCua:Seed:ProvinceCode</c>.</summary>
    public string ProvinceCode { get; set; } = "01";

    /// <summary>The public address (https://dichvucong.example.vn/). Also read from <c>MotCua:PublicBaseUrl</c>. Unset = the request's own address.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>The base of absolute links: <see cref="PublicBaseUrl"/>, else the request's scheme and host; no trailing slash.</summary>
    public string BaseUrl(HttpRequest request)
        => PublicBaseUrl is { Length: > 0 } configured ? configured.TrimEnd('/') : $"{request.Scheme}://{request.Host}";
}
