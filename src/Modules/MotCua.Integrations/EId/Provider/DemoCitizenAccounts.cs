using System.Buffers.Text;
using System.Collections.Immutable;
using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;
using MotCua.Integrations.Contracts;
using MotCua.Integrations.Simulators;
using MotCua.Platform.Identity;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace MotCua.Integrations.EId.Provider;

/// <summary>
/// The accounts of the bundled provider: the demo citizens of the population registry, all with the demo password.
/// Builds what the provider says about a citizen (the claims of the ID token and of userinfo).
/// </summary>
internal sealed class DemoCitizenAccounts(CitizenIdentitySettings settings)
{
    /// <summary>The password of every demo citizen.</summary>
    public const string Password = "MotCua@2026";

    /// <summary>The assurance level of a sign-in with ID number and password at the bundled provider.</summary>
    public const string AssuranceLevel = "vneid-level2";

    /// <summary>The scope that releases the ID number.</summary>
    public const string IdNumberScope = "vn_id";

    private static readonly byte[] PasswordBytes = Encoding.UTF8.GetBytes(Password);

    private readonly byte[] subjectKey = Encoding.UTF8.GetBytes(settings.EffectiveSubjectKey);

    public static Citizen? Find(string? idNumber)
        => RegistrySimulator.Citizens.FirstOrDefault(c => c.IdNumber == idNumber?.Trim());

    /// <summary>The citizen when the ID number and the password match, else null.</summary>
    public static Citizen? Verify(string idNumber, string password)
    {
        var citizen = Find(idNumber);
        var matches = CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(password), PasswordBytes);
        return matches ? citizen : null;
    }

    /// <summary>A stable opaque id of the citizen: HMAC-SHA256 of the ID number, never the ID number itself.</summary>
    public string SubjectOf(string idNumber)
        => Base64Url.EncodeToString(HMACSHA256.HashData(subjectKey, Encoding.UTF8.GetBytes("vn-id:" + idNumber)));

    /// <summary>The identity the provider signs in for a client, with each claim sent where its scope allows.</summary>
    public ClaimsIdentity IdentityFor(Citizen citizen, ImmutableArray<string> scopes)
    {
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, SubjectOf(citizen.IdNumber))
            .SetClaim(Claims.Name, citizen.FullName)
            .SetClaim(Claims.Birthdate, citizen.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            .SetClaim(Claims.PhoneNumber, InternationalPhone(citizen.Phone))
            .SetClaim(Claims.Address, new JsonObject { ["formatted"] = citizen.PermanentAddress, ["country"] = "VN" })
            .SetClaim(CitizenClaims.IdNumber, citizen.IdNumber)
            .SetClaim(Claims.AuthenticationContextReference, AssuranceLevel);
        identity.SetScopes(scopes);
        identity.SetDestinations(claim => DestinationsOf(claim, scopes));
        return identity;
    }

    /// <summary>0912000001 → +84912000001 (E.164, as OpenID Connect asks).</summary>
    public static string InternationalPhone(string phone)
        => phone.StartsWith('0') ? "+84" + phone[1..] : phone;

    private static IEnumerable<string> DestinationsOf(Claim claim, ImmutableArray<string> scopes)
    {
        string? scope = claim.Type switch
        {
            Claims.Name or Claims.Birthdate => Scopes.Profile,
            Claims.PhoneNumber => Scopes.Phone,
            Claims.Address => Scopes.Address,
            CitizenClaims.IdNumber => IdNumberScope,
            Claims.AuthenticationContextReference => Scopes.OpenId,
            _ => null,
        };

        if (scope is null || !scopes.Contains(scope))
        {
            return [];
        }

        return [Destinations.AccessToken, Destinations.IdentityToken];
    }
}
