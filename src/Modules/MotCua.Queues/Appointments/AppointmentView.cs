using MotCua.Queues.ServiceGroups;

namespace MotCua.Queues.Appointments;

/// <summary>An appointment as its holder sees it (pages and API).</summary>
internal sealed record AppointmentView(
    string Code,
    string Point,
    string PointName,
    string ServiceGroup,
    string ServiceGroupName,
    string? Procedure,
    string Day,
    string Start,
    DateTimeOffset StartsAt,
    string Status,
    string StatusText,
    bool CanCancel,
    string? TicketNumber,
    string? TicketToken)
{
    public static AppointmentView Of(Appointment a, string pointCode, string pointName, ServiceGroup group, (string Number, string Token)? ticket, DateTimeOffset now)
        => new(a.Code, pointCode, pointName, group.Code, group.Name.ToString(), a.ProcedureCode, AppointmentText.Day(a.Day), AppointmentText.Time(a.SlotStart),
            a.StartsAt, a.Status.ToString(), AppointmentText.Status(a.Status), a.Status == AppointmentStatus.Booked && now < a.StartsAt,
            ticket?.Number, ticket?.Token);
}
