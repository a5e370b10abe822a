using Microsoft.AspNetCore.Http;
using MotCua.Catalog.Contracts;
using MotCua.Catalog.LifeEvents;
using MotCua.Catalog.Search;
using MotCua.Platform.Errors;

namespace MotCua.Catalog.Browse;

/// <param name="Event">A life event's slug (see <see cref="LifeEventList"/>): only its procedures.</param>
internal sealed record ProcedureQuery(string? Q, string? Field, string? Level, int Page = 1, int PageSize = 20, string? Event = null);

internal sealed record ProcedureListItem(string Code, string Name, string Field, IReadOnlyList<string> Levels, string Ministry, string Detail);

internal sealed record ProcedureList(int Total, int Page, int PageSize, IReadOnlyList<ProcedureListItem> Items);

/// <summary>Catalog search for the list page and GET /api/v1/procedures: accent-insensitive, by code, filtered, ranked.</summary>
internal sealed class SearchProcedures(CatalogIndex catalog, LifeEventList lifeEvents) : IProcedureSearch
{
    public const int MaxPageSize = 100;

    public async Task<Result<ProcedureList>> RunAsync(ProcedureQuery query, CancellationToken ct)
    {
        var errors = new List<Error>();
        if (query.Page < 1)
        {
            errors.Add(Error.Invalid("page", "Số trang phải từ 1 trở lên."));
        }

        if (query.PageSize is < 1 or > MaxPageSize)
        {
            errors.Add(Error.Invalid("pageSize", $"Số kết quả mỗi trang phải từ 1 đến {MaxPageSize}."));
        }

        if (query.Q?.Length > 200)
        {
            errors.Add(Error.Invalid("q", "Từ khóa tìm kiếm dài quá 200 ký tự."));
        }

        LifeEvent? lifeEvent = null;
        if (!string.IsNullOrWhiteSpace(query.Event) && (lifeEvent = lifeEvents.Find(query.Event)) is null)
        {
            errors.Add(UnknownEvent(query.Event));
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var index = await catalog.GetAsync(ct);
        var result = index.Search(query.Q, query.Field, query.Level, (query.Page - 1) * query.PageSize, query.PageSize, lifeEvent?.Selection);
        var items = result.Hits.Select(h => new ProcedureListItem(h.Code, h.Name, h.Field, h.Levels, h.Ministry, h.Detail.ToString())).ToList();
        return new ProcedureList(result.Total, query.Page, query.PageSize, items);
    }

    async Task<IReadOnlyList<ProcedureHit>> IProcedureSearch.FindAsync(string text, int take, CancellationToken ct)
    {
        var (page, _) = await RunAsync(new ProcedureQuery(text, null, null, 1, Math.Clamp(take, 1, MaxPageSize)), ct);
        return page is null ? [] : [.. page.Items.Select(p => new ProcedureHit(p.Code, p.Name, p.Field, p.Levels, p.Ministry))];
    }

    /// <summary>A 404: the slug names no life event.</summary>
    public static Error UnknownEvent(string slug)
        => new("not-found", $"Không có sự kiện đời sống “{Shorten(slug.Trim())}”. Xem danh sách sự kiện trên trang chủ hoặc tại /api/v1/life-events.", StatusCodes.Status404NotFound, "event");

    public async Task<CatalogFacets> FacetsAsync(CancellationToken ct) => (await catalog.GetAsync(ct)).Facets();

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
