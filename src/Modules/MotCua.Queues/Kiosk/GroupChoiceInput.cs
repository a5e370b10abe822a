using MotCua.Queues.ServiceGroups;
using MotCua.Queues.Tickets;
using MotCua.Queues.Waits;

namespace MotCua.Queues.Kiosk;

/// <summary>What the group buttons of the kiosk and the entrance-QR page show: the groups, their queues, the chosen priority.</summary>
internal sealed record GroupChoiceInput(ServiceGroupList Groups, IReadOnlyList<GroupQueue> Queues, TicketPriority Priority);
