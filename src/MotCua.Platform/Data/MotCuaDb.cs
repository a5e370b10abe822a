using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using MotCua.Platform.Audit;
using MotCua.Platform.Identity;
using MotCua.Platform.Outbox;

namespace MotCua.Platform.Data;

/// <summary>
/// The one DbContext. Modules add their tables through <see cref="IModelContributor"/>;
/// table names carry the module's prefix (catalog_, org_, audit_ …).
/// </summary>
public sealed class MotCuaDb(DbContextOptions<MotCuaDb> options, IEnumerable<IModelContributor> contributors)
    : IdentityDbContext<StaffUser, StaffRole, Guid>(options), IDataProtectionKeyContext
{
    /// <summary>The data-protection key ring (cookies, antiforgery tokens), shared by every node; encrypted at rest outside Development.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<AuditCheckpoint> AuditCheckpoints => Set<AuditCheckpoint>();

    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    public bool IsSqlite => Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite";

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<StaffUser>(b =>
        {
            b.ToTable("identity_users");
            b.Property(u => u.FullName).HasMaxLength(200);
        });
        builder.Entity<StaffRole>().ToTable("identity_roles");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserRole<Guid>>().ToTable("identity_user_roles");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserClaim<Guid>>().ToTable("identity_user_claims");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserLogin<Guid>>().ToTable("identity_user_logins");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserToken<Guid>>().ToTable("identity_user_tokens");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityRoleClaim<Guid>>().ToTable("identity_role_claims");
        builder.Entity<DataProtectionKey>().ToTable("platform_data_protection_keys");

        AuditEntry.Configure(builder);
        AuditCheckpoint.Configure(builder);
        OutboxMessage.Configure(builder);
        SignInSession.Configure(builder);
        SignInFailure.Configure(builder);
        Idempotency.IdempotencyKey.Configure(builder);
        foreach (var contributor in contributors)
        {
            contributor.Configure(builder);
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Instants are stored in UTC. SQLite cannot compare DateTimeOffset text, so it stores UTC ticks.
        if (Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite")
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        }
    }
}
