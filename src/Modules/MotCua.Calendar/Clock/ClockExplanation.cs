namespace MotCua.Calendar.Clock;

/// <summary>A readable account of a computed due instant, line by line, in Vietnamese and in English.</summary>
public sealed record ClockExplanation(IReadOnlyList<string> Vietnamese, IReadOnlyList<string> English)
{
    public string TextVi => string.Join('\n', Vietnamese);

    public string TextEn => string.Join('\n', English);
}
