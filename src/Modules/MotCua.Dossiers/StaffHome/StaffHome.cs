using MotCua.Dossiers.Processing;
using MotCua.Platform.Identity;

namespace MotCua.Dossiers.StaffHome;

/// <summary>One work list on the staff home: its name in the API, how many dossiers wait in it, and where it opens.</summary>
internal sealed record WorkCount(string List, string Title, int Count, string Link);

/// <summary>What waits for the signed-in officer: the count of each work list and the latest warnings.</summary>
internal sealed record StaffHomeSummary(string Name, string? Unit, IReadOnlyList<WorkCount> Lists, IReadOnlyList<AlertItem> Alerts);

/// <summary>
/// The staff member's own home (what is waiting, due soon, overdue), the page's and the API's one use case. The counts
/// are the work lists' own queries (<see cref="WorkInbox"/>), so a number and the list it opens always agree.
/// Administrators and auditors hold no steps: their home lists their tools only.
/// </summary>
internal sealed class StaffHome(WorkInbox inbox, CurrentActor actor)
{
    /// <summary>How many of the latest warnings the home shows.</summary>
    private const int LatestAlerts = 5;

    /// <summary>The order the home shows the lists in: the urgent first.</summary>
    private static readonly WorkList[] Order = [WorkList.Overdue, WorkList.DueSoon, WorkList.ToProcess, WorkList.Waiting, WorkList.ToReturn];

    public bool HasWorkLists => WorkInbox.Roles.Any(actor.IsInRole);

    public async Task<StaffHomeSummary> RunAsync(CancellationToken ct)
    {
        if (!HasWorkLists)
        {
            return new StaffHomeSummary(actor.DisplayName, actor.UnitName, [], []);
        }

        var counts = await inbox.CountAsync(ct);
        var alerts = await inbox.AlertsAsync(ct);
        var lists = Order.Select(l => new WorkCount(WorkInbox.ApiName(l), WorkInbox.Title(l), counts[l], $"/work?list={WorkInbox.ApiName(l)}")).ToList();
        return new StaffHomeSummary(actor.DisplayName, actor.UnitName, lists, alerts.Take(LatestAlerts).ToList());
    }
}
