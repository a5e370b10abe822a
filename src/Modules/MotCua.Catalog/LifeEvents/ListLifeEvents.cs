using MotCua.Catalog.Search;
using MotCua.Platform.Text;

namespace MotCua.Catalog.LifeEvents;

internal sealed record LifeEventSummary(string Slug, LocalText Name, LocalText Description, int ProcedureCount);

/// <summary>The life events with how many procedures each holds, for the home page and GET /api/v1/life-events.</summary>
internal sealed class ListLifeEvents(LifeEventList events, CatalogIndex catalog)
{
    public async Task<IReadOnlyList<LifeEventSummary>> RunAsync(CancellationToken ct)
    {
        var index = await catalog.GetAsync(ct);
        return events.All.Select(e => new LifeEventSummary(e.Slug, e.Name, e.Description, index.CountIn(e.Selection))).ToList();
    }
}
