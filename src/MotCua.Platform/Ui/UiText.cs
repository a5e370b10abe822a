namespace MotCua.Platform.Ui;

/// <summary>
/// The shared UI strings (UiText.resx = Vietnamese, the default; UiText.en.resx = English).
/// Use with <c>IStringLocalizer&lt;UiText&gt;</c>.
/// </summary>
public sealed class UiText;
