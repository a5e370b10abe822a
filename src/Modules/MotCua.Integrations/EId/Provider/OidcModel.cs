using Microsoft.EntityFrameworkCore;
using MotCua.Platform.Data;
using OpenIddict.EntityFrameworkCore.Models;

namespace MotCua.Integrations.EId.Provider;

/// <summary>The bundled provider's tables (OpenIddict's applications, authorizations, scopes and tokens).</summary>
internal sealed class OidcModel : IModelContributor
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.UseOpenIddict();
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreApplication>().ToTable("portal_oidc_applications");
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreAuthorization>().ToTable("portal_oidc_authorizations");
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreScope>().ToTable("portal_oidc_scopes");
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreToken>().ToTable("portal_oidc_tokens");
    }
}
