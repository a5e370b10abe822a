using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace MotCua.Platform.Identity;

/// <summary>
/// The citizen signed in for this request (scoped). Behind the <see cref="CitizenAuthentication.Policy"/> policy the
/// properties are ready; elsewhere (the layout, public pages) call <see cref="LoadAsync"/> first, which reads the
/// citizen cookie. The staff sign-in is never taken for a citizen.
/// </summary>
public sealed class CurrentCitizen(IHttpContextAccessor accessor)
{
    private ClaimsIdentity? loaded;
    private Task<bool>? loading;

    public bool IsSignedIn => Identity is not null;

    /// <summary>The provider's stable opaque id of the citizen ("sub").</summary>
    public string Subject => Value(CitizenClaims.Subject) ?? "";

    /// <summary>The 12-digit personal ID number (số định danh cá nhân).</summary>
    public string IdNumber => Value(CitizenClaims.IdNumber) ?? "";

    public string Name => Value(CitizenClaims.Name) ?? "";

    public DateOnly? DateOfBirth
        => DateOnly.TryParseExact(Value(CitizenClaims.BirthDate), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    public string? Phone => Value(CitizenClaims.Phone);

    /// <summary>The permanent residence, as one line.</summary>
    public string? Address => Value(CitizenClaims.Address);

    /// <summary>The ward (administrative unit code) of the permanent residence.</summary>
    public string? WardCode => Value(CitizenClaims.WardCode);

    /// <summary>The assurance level of the sign-in ("acr", e.g. <c>vneid-level2</c>), to record on a dossier.</summary>
    public string AssuranceLevel => Value(CitizenClaims.AssuranceLevel) ?? "";

    /// <summary>The ID number with all but its last 3 digits hidden (*********001).</summary>
    public string MaskedIdNumber => Mask(IdNumber);

    /// <summary>
    /// Reads the citizen cookie when this request was not authorized with the citizen policy. The layout and the page ask
    /// at the same time (both initialize while the other awaits): they share one read of the cookie.
    /// </summary>
    public Task<bool> LoadAsync()
    {
        if (IsSignedIn)
        {
            return Task.FromResult(true);
        }

        if (accessor.HttpContext is not { } http)
        {
            return Task.FromResult(false);
        }

        return loading ??= ReadCookieAsync(http);
    }

    private async Task<bool> ReadCookieAsync(HttpContext http)
    {
        var result = await http.AuthenticateAsync(CitizenAuthentication.Scheme);
        loaded = CitizenIdentity(result.Succeeded ? result.Principal : null);
        return loaded is not null;
    }

    public static string Mask(string idNumber)
        => idNumber.Length <= 3 ? idNumber : new string('*', idNumber.Length - 3) + idNumber[^3..];

    /// <summary>The citizen's identity in a principal (none for staff or anonymous principals).</summary>
    public static ClaimsIdentity? CitizenIdentity(ClaimsPrincipal? principal)
        => principal?.Identities.FirstOrDefault(i => i.IsAuthenticated
            && i.AuthenticationType == CitizenAuthentication.Scheme
            && i.HasClaim(c => c.Type == CitizenClaims.IdNumber));

    private ClaimsIdentity? Identity => loaded ?? CitizenIdentity(accessor.HttpContext?.User);

    private string? Value(string type) => Identity?.FindFirst(type)?.Value is { Length: > 0 } value ? value : null;
}
