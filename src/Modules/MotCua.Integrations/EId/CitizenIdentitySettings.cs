using MotCua.Platform.Identity;

namespace MotCua.Integrations.EId;

/// <summary>
/// <c>MotCua:Identity</c>. Without <see cref="Authority"/> the web app hosts its own development identity
/// provider (demo citizens, a VNeID-like sign-in page) and signs citizens in through it; with it, citizens sign in
/// with the configured provider (the national e-ID / national portal SSO).
/// </summary>
internal sealed class CitizenIdentitySettings
{
    public const string Section = "MotCua:Identity";

    /// <summary>The client id of the web app at the bundled provider.</summary>
    public const string BundledClientId = "motcua-portal";

    /// <summary>The bundled provider's client secret when none is configured (development and tests only).</summary>
    public const string DevelopmentClientSecret = "motcua-portal-development-secret";

    private const string DevelopmentSubjectKey = "MotCua development subject key: configure MotCua:Identity:SubjectKey";

    /// <summary>The external OpenID Connect provider (its issuer URI); empty = the bundled provider.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>Space-separated scopes asked of the provider.</summary>
    public string Scopes { get; set; } = "openid profile phone address vn_id";

    /// <summary>The claim that carries the 12-digit personal ID number (số định danh cá nhân).</summary>
    public string IdNumberClaim { get; set; } = CitizenClaims.IdNumber;

    /// <summary>
    /// The bundled provider's public issuer URI (e.g. https://dichvucong.example.vn/). Needed behind a reverse proxy
    /// or when the browser does not reach the app at the address it listens on; by default the address Kestrel
    /// listens on.
    /// </summary>
    public string? Issuer { get; set; }

    /// <summary>
    /// HTTPS only: the bundled provider refuses plain HTTP, and an external provider's metadata must be fetched over
    /// HTTPS. Unset = on for an external provider, off for the bundled one (development and tests use HTTP).
    /// </summary>
    public bool? RequireHttps { get; set; }

    /// <summary>PFX with the bundled provider's signing key; several nodes must share it. Empty = an ephemeral key per process.</summary>
    public string? SigningCertificatePath { get; set; }

    public string? SigningCertificatePassword { get; set; }

    /// <summary>PFX with the bundled provider's encryption key (access tokens); empty = the signing certificate, else ephemeral.</summary>
    public string? EncryptionCertificatePath { get; set; }

    public string? EncryptionCertificatePassword { get; set; }

    /// <summary>The secret of the stable opaque subject ("sub" = HMAC of the ID number); must be the same on every node.</summary>
    public string? SubjectKey { get; set; }

    public bool IsBundled => string.IsNullOrWhiteSpace(Authority);

    public string EffectiveClientId => string.IsNullOrWhiteSpace(ClientId) ? BundledClientId : ClientId.Trim();

    public string EffectiveClientSecret => string.IsNullOrWhiteSpace(ClientSecret) ? DevelopmentClientSecret : ClientSecret;

    public string EffectiveSubjectKey => string.IsNullOrWhiteSpace(SubjectKey) ? DevelopmentSubjectKey : SubjectKey;

    public IReadOnlyList<string> ScopeList => Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
