using MotCua.Calendar.Clock;

namespace MotCua.Dossiers.Processing;

internal sealed record ClockView(string State, DateTimeOffset? DueAt, DateTimeOffset? OriginalDueAt, TimeSpan Left, TimeSpan Overdue, string? Verdict,
    IReadOnlyList<string> ExplanationVi, IReadOnlyList<string> ExplanationEn)
{
    /// <summary>Working time each step took (to now for an open step) against its share of the budget.</summary>
    public IReadOnlyList<StepTime> Steps { get; init; } = [];
}

internal sealed record StepTime(Guid TaskId, TimeSpan Spent, TimeSpan? Budget);

/// <summary>A dossier's clock now: its state (running, paused, due soon, overdue), and the readable account of its due instant.</summary>
internal sealed class DossierClock(ProcessContexts contexts, TimeProvider time)
{
    /// <summary>The clock of a dossier loaded with its steps (by <see cref="Tracking.DossierDetails"/>, which checks who may read it).</summary>
    public async Task<ClockView> ForAsync(Dossier d, CancellationToken ct)
    {
        var ctx = await contexts.ForAsync(d, ct);
        if (d.ClockFor(ctx.Spec) is not { } request)
        {
            return new ClockView("not-started", d.DueAt, d.OriginalDueAt, TimeSpan.Zero, TimeSpan.Zero, null,
                [d.ReceivedAt is null ? "Hồ sơ chưa được tiếp nhận: thời hạn chưa bắt đầu." : "Thủ tục chưa quy định thời hạn giải quyết."],
                [d.ReceivedAt is null ? "Not received yet: the clock has not started." : "The procedure states no processing time."]);
        }

        var explanation = ctx.Clock.Explain(request);
        var now = time.GetUtcNow();
        var totalHours = request.Budget.Unit == ClockUnit.WorkingHours ? request.Budget.Amount : request.Budget.Amount * (decimal)ctx.Clock.Calendar.Hours.DayLength.TotalHours;
        var steps = d.Tasks.Select(t => new StepTime(t.Id,
            ctx.Clock.Calendar.WorkingTimeBetween(t.OpenedAt, t.CompletedAt ?? (d.IsOpen ? now : t.OpenedAt)),
            t.BudgetPercent > 0 && t.ConsultationOf is null ? TimeSpan.FromHours((double)(totalHours * t.BudgetPercent / 100m)) : null)).ToList();
        if (!d.IsOpen)
        {
            return new ClockView("finished", d.DueAt, d.OriginalDueAt, TimeSpan.Zero, TimeSpan.Zero, d.Verdict?.ToString(), explanation.Vietnamese, explanation.English) { Steps = steps };
        }

        var verdict = ctx.Clock.VerdictAt(request, time.GetUtcNow());
        var state = verdict.State switch
        {
            ClockState.Paused => "paused",
            ClockState.DueSoon => "due-soon",
            ClockState.Overdue => "overdue",
            ClockState.NotStarted => "not-started",
            _ => "running",
        };
        // The date given is the one stored: a calendar entered later (a year announced) recomputes nothing already issued.
        var (vi, en) = (explanation.Vietnamese, explanation.English);
        if (d.DueAt is { } given && verdict.Due is { } now2 && given != now2)
        {
            vi = [.. vi, $"Ngày hẹn đã ghi cho hồ sơ: {MotCua.Platform.Time.VietnamTime.FormatDateTime(given)}{(d.DueProvisional ? " (tạm tính)" : "")} — giữ nguyên; lịch làm việc đã thay đổi sau khi tính."];
            en = [.. en, $"Date given to the dossier: {MotCua.Platform.Time.VietnamTime.FormatDateTime(given)}{(d.DueProvisional ? " (provisional)" : "")} — kept; the working calendar changed after it was computed."];
        }

        return new ClockView(state, d.DueAt ?? verdict.Due, d.OriginalDueAt, verdict.Left, verdict.Overdue, null, vi, en) { Steps = steps };
    }
}
