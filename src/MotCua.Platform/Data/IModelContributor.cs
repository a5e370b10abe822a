using Microsoft.EntityFrameworkCore;

namespace MotCua.Platform.Data;

/// <summary>A module's share of the one database model: its entity configurations, its tables.</summary>
public interface IModelContributor
{
    void Configure(ModelBuilder modelBuilder);
}
