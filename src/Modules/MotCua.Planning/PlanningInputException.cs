namespace MotCua.Planning;

/// <summary>Planning input outside what the formulas accept; the message is Vietnamese and fit to show as is.</summary>
internal sealed class PlanningInputException(string message) : ArgumentException(message);
