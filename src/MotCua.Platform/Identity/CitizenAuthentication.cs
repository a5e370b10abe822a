namespace MotCua.Platform.Identity;

/// <summary>
/// How citizens are signed in: their own cookie scheme (independent from the staff cookie), the OpenID Connect
/// challenge and the "Citizen" authorization policy (<c>[Authorize(Policy = CitizenAuthentication.Policy)]</c>).
/// </summary>
public static class CitizenAuthentication
{
    /// <summary>The citizen's cookie scheme (and cookie name).</summary>
    public const string Scheme = "motcua.citizen";

    /// <summary>The OpenID Connect scheme that signs a citizen in at the identity provider.</summary>
    public const string ChallengeScheme = "vneid";

    /// <summary>Passes only a citizen signed in through the identity provider; never a staff member.</summary>
    public const string Policy = "Citizen";

    /// <summary>GET, with <c>returnUrl</c>: starts the sign-in.</summary>
    public const string LoginPath = "/portal/login";

    /// <summary>POST with the antiforgery token: signs the citizen out (here and at the provider).</summary>
    public const string LogoutPath = "/portal/logout";

    /// <summary>Where a refused or broken sign-in ends.</summary>
    public const string FailedPath = "/portal/login-failed";

    public const string CallbackPath = "/portal/signin-oidc";

    public const string SignedOutCallbackPath = "/portal/signout-callback-oidc";
}

/// <summary>The claims of a citizen (in the tokens of the provider and in the citizen cookie).</summary>
public static class CitizenClaims
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string BirthDate = "birthdate";
    public const string Phone = "phone_number";
    public const string Address = "address";
    public const string AssuranceLevel = "acr";

    /// <summary>The 12-digit personal ID number (số định danh cá nhân).</summary>
    public const string IdNumber = "vn_id_number";

    /// <summary>The ward of the permanent residence (cookie only; filled from the population registry).</summary>
    public const string WardCode = "vn_ward_code";

    /// <summary>The identity provider that signed the citizen in (its issuer).</summary>
    public const string IdentityProvider = "idp";
}
