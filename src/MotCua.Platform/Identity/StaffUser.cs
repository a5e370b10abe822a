using Microsoft.AspNetCore.Identity;

namespace MotCua.Platform.Identity;

/// <summary>A staff member who signs in to the back office. Belongs to one organisation unit.</summary>
public sealed class StaffUser : IdentityUser<Guid>
{
    public string FullName { get; set; } = "";

    /// <summary>The unit (center, branch, reception point or agency) the staff member works for.</summary>
    public Guid? UnitId { get; set; }

    public string? UnitName { get; set; }
}

public sealed class StaffRole : IdentityRole<Guid>
{
    public StaffRole()
    {
    }

    public StaffRole(string name)
        : base(name)
    {
        Id = Guid.CreateVersion7();
        NormalizedName = name.ToUpperInvariant();
    }
}
