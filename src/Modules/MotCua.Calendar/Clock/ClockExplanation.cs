namespace MotCua.Calendar.Clock;

/// <summary>A readable account of a computed due instant, line by line, in Vietnamese and in English.</summary>
public sealed record ClockExplanation(IReadOnlyList<string> Vietnamese, IReadOnlyList<string> English)
{
    public string TextVi => string.Join('\n', Vietnamese);

    public string TextEn => string.Join('\n', English);

    /// <summary>The years the due instant depends on whose arrangement is not announced (computed from the Labor Code rules): the date is provisional.</summary>
    public IReadOnlyList<int> ProvisionalYears { get; init; } = [];

    public bool IsProvisional => ProvisionalYears.Count > 0;
}
