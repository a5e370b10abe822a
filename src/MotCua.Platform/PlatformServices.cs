using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MotCua.Platform.Audit;
using MotCua.Platform.Data;
using MotCua.Platform.Identity;
using MotCua.Platform.Jobs;
using MotCua.Platform.Startup;
using MotCua.Platform.Storage;

namespace MotCua.Platform;

/// <summary>The kernel's services, shared by the web app and the `motcua` console.</summary>
public static class PlatformServices
{
    public static IServiceCollection AddPlatformCore(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<CenterOptions>().Configure(o => CenterOptions.Bind(configuration, o));
        services.AddHttpContextAccessor();
        services.AddMotCuaDatabase(configuration, contentRoot);
        services.AddScoped<CurrentActor>();
        services.AddScoped<AuditTrail>();
        services.AddSingleton(sp => AuditKey.From(configuration, IsDevelopment(sp, configuration)));
        services.AddScoped<VerifyAuditTrail>();
        services.AddScoped<AuditSearch>();
        services.AddPeriodicJob<SealAuditTrail>(TimeSpan.FromSeconds(configuration.GetValue("MotCua:Audit:SealSeconds", 10)));
        services.AddScoped<SignInSessions>();
        services.AddScoped<ResetTwoFactor>();
        services.AddPeriodicJob<PruneSignInSessions>(PruneSignInSessions.Interval);
        services.AddSingleton(sp => TwoFactorPolicy.From(configuration, IsDevelopment(sp, configuration)));
        services.AddSingleton<Readiness>();
        services.AddSingleton<DatabaseInitializer>();
        services.AddSingleton<IFileStore>(sp => new FileSystemStore(Path.Combine(sp.GetRequiredService<DatabaseSettings>().DataDirectory, "files")));
        return services;
    }

    /// <summary>The host's environment, or — in the console, which has no host — DOTNET_ENVIRONMENT / ASPNETCORE_ENVIRONMENT (Production when unset).</summary>
    public static bool IsDevelopment(IServiceProvider services, IConfiguration configuration)
        => services.GetService<IHostEnvironment>() is { } host
            ? host.IsDevelopment()
            : string.Equals(configuration["DOTNET_ENVIRONMENT"] ?? configuration["ASPNETCORE_ENVIRONMENT"], Environments.Development, StringComparison.OrdinalIgnoreCase);

    /// <summary>Staff accounts in the database, with their unit in the claims.</summary>
    public static IdentityBuilder AddStaffStores(this IdentityBuilder identity)
        => identity.AddRoles<StaffRole>()
            .AddEntityFrameworkStores<MotCuaDb>()
            .AddClaimsPrincipalFactory<StaffClaimsFactory>();

    public static void ConfigureStaffIdentity(IdentityOptions o)
    {
        o.Password.RequiredLength = 8;
        o.Lockout.MaxFailedAccessAttempts = 5;
        o.User.RequireUniqueEmail = false;
    }
}
