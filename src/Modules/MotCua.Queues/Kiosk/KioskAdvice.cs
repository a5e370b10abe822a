using MotCua.Organisation.Contracts;
using MotCua.Queues.Recommendations;
using MotCua.Queues.Tickets;

namespace MotCua.Queues.Kiosk;

/// <summary>
/// The line printed under a kiosk ticket when another point is clearly better ("Chi nhánh số 3, cách 1,8 km, đang
/// chờ khoảng 5 phút thay vì 40 phút …"): the recommender ranks the points from the kiosk's own place, and the
/// kiosk's point is compared with no travel and the wait this ticket actually has. A template and its arguments: the
/// ticket is printed in the visitor's language.
/// </summary>
internal static class KioskAdvice
{
    public static async Task<(string Template, object[] Arguments)?> ForAsync(OrgDirectory org, RecommendPoints recommend, TicketView ticket, CancellationToken ct)
    {
        if (ticket.Ahead is null)
        {
            return null;
        }

        var here = await org.ServicePlaceAsync(ticket.Point, ct);
        if (here is not { Latitude: { } lat, Longitude: { } lon })
        {
            return null;
        }

        var (result, _) = await recommend.RunAsync(new RecommendationRequest(null, lat, lon, ticket.ServiceGroup, null, Take: 5), ct);
        var best = result?.Choices.FirstOrDefault(c => c.TotalMinutes is not null && c.Code != here.Code);
        if (best is null)
        {
            return null;
        }

        var stay = new PointChoice(here.Code, here.Name, "", here.Address, 0, 0, ticket.EstimatedWaitMinutes, ticket.EstimatedWaitMinutes,
            ticket.Ahead.Value, 0, Nearest: true);
        return RecommendPoints.AdviceText([best with { Nearest = false }, stay]);
    }
}
