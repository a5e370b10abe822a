using MotCua.Calendar.Working;

namespace MotCua.Calendar.Clock;

/// <summary>
/// One computation of a clock: walks the pauses and extensions in the order they happened over the
/// working-time line of the calendar, and keeps what the explanation needs.
/// </summary>
internal sealed class ClockRun(DeadlineClock clock, ClockRequest request, bool explain)
{
    private readonly WorkingCalendar calendar = clock.Calendar;
    private readonly List<(long From, long To)> excluded = [];
    private readonly List<(long From, long To)> restartPauses = [];
    private readonly List<(string Vi, string En)> notes = [];
    private long start;          // working-time position where counting starts (moves on a restart)
    private long target;         // working-time position of the due instant
    private long pausedAt;
    private DateTimeOffset? explicitDue;
    private bool restarted;

    public DateTimeOffset CountingStart { get; private set; }

    public DateTimeOffset? Due { get; private set; }

    public DateTimeOffset BudgetDue { get; private set; }

    public bool IsPaused { get; private set; }

    public TimeSpan LeftWhenPaused { get; private set; }

    public List<ClockPause> Applied { get; } = [];

    public List<ClockPause> Ignored { get; } = [];

    private bool CalendarDays => request.Budget.Unit == ClockUnit.CalendarDays;

    private bool ClockHours => request.Budget.Unit == ClockUnit.ClockHours;

    private bool SameDay => request.Budget.Unit == ClockUnit.SameDay;

    public void Execute()
    {
        foreach (var p in request.Pauses)
        {
            if (p.End is { } end && end <= p.Start)
            {
                throw new ArgumentException($"The pause from {p.Start:O} ends at {end:O}, not after its start.", nameof(request));
            }
        }

        if (CalendarDays)
        {
            RunCalendarDays();
        }
        else if (ClockHours)
        {
            RunClockHours();
        }
        else
        {
            RunWorkingTime();
        }
    }

    public Deadline ToDeadline() => new(request.ReceivedAt, CountingStart, Due, BudgetDue, IsPaused, LeftWhenPaused, Applied, Ignored);

    /// <summary>Working time in [from, to) that counts (pauses taken out).</summary>
    public TimeSpan CountedBetween(DateTimeOffset from, DateTimeOffset to)
    {
        var a = calendar.Position(from);
        var b = calendar.Position(to);
        if (b <= a)
        {
            return TimeSpan.Zero;
        }

        var total = b - a;
        foreach (var (f, t) in excluded)
        {
            total -= Math.Max(0, Math.Min(b, t) - Math.Max(a, f));
        }

        return TimeSpan.FromTicks(Math.Max(0, total));
    }

    /// <summary>Pauses (by start) and extensions (by grant) in the order they happened; a pause first on a tie.</summary>
    private (DateTimeOffset At, ClockPause? Pause, ClockExtension? Extension)[] Events()
    {
        var events = new (DateTimeOffset At, ClockPause? Pause, ClockExtension? Extension)[request.Pauses.Count + request.Extensions.Count];
        var n = 0;
        foreach (var p in request.Pauses)
        {
            events[n++] = (p.Start, p, null);
        }

        foreach (var e in request.Extensions)
        {
            events[n++] = (e.GrantedAt, null, e);
        }

        if (events.Length > 1)
        {
            // A stable insertion sort: a handful of events, usually already in order.
            for (var i = 1; i < events.Length; i++)
            {
                var current = events[i];
                var j = i - 1;
                while (j >= 0 && Later(events[j], current))
                {
                    events[j + 1] = events[j];
                    j--;
                }

                events[j + 1] = current;
            }
        }

        return events;

        static bool Later((DateTimeOffset At, ClockPause? Pause, ClockExtension? Extension) a, (DateTimeOffset At, ClockPause? Pause, ClockExtension? Extension) b)
            => a.At > b.At || (a.At == b.At && a.Pause is null && b.Pause is not null);
    }

    private void RunWorkingTime()
    {
        var rules = request.Rules;
        start = clock.StartPosition(request.ReceivedAt, rules, out var cutOff);
        target = clock.TargetFrom(start, request.Budget);
        CountingStart = calendar.AtPosition(start, preferStart: true);
        BudgetDue = calendar.AtPosition(target);
        if (cutOff && explain)
        {
            Note($"Tiếp nhận sau giờ chốt {rules.CutOff:HH\\:mm}: bắt đầu tính từ đầu ngày làm việc tiếp theo.",
                $"Received after the {rules.CutOff:HH\\:mm} cut-off: counting starts at the beginning of the next working day.");
        }

        var covered = start;
        long extensionTicks = 0;
        foreach (var (_, pause, extension) in Events())
        {
            if (pause is { } p)
            {
                var dueSoFar = explicitDue ?? calendar.AtPosition(target);
                if (IsPaused || (p.End is { } e0 && e0 <= request.ReceivedAt) || p.Start >= dueSoFar)
                {
                    Ignore(p, IsPaused ? "đã đang tạm dừng" : p.Start >= dueSoFar ? "bắt đầu từ hoặc sau thời hạn" : "kết thúc trước khi tiếp nhận",
                        IsPaused ? "the clock was already paused" : p.Start >= dueSoFar ? "it starts at or after the due instant" : "it ends before the reception");
                    continue;
                }

                Applied.Add(p);
                var ps = Math.Max(calendar.Position(p.Start), start);
                if (p.End is not { } end)
                {
                    IsPaused = true;
                    pausedAt = ps;
                    if (explain)
                    {
                        Note($"Đang tạm dừng từ {Words.InstantVi(p.Start)} ({Words.ReasonVi(p.Reason)}).",
                            $"Paused since {Words.InstantEn(p.Start)} ({Words.ReasonEn(p.Reason)}).");
                    }

                    continue;
                }

                var pe = calendar.Position(end);
                if (rules.SupplementMode == SupplementMode.Restart && p.Reason == PauseReason.Supplement)
                {
                    start = clock.StartPosition(end, rules, out _);
                    target = clock.TargetFrom(start, request.Budget) + extensionTicks;
                    covered = start;
                    explicitDue = null;
                    restarted = true;
                    restartPauses.Add((ps, pe));
                    CountingStart = calendar.AtPosition(start, preferStart: true);
                    if (explain)
                    {
                        Note($"Tạm dừng từ {Words.InstantVi(p.Start)} đến {Words.InstantVi(end)} ({Words.ReasonVi(p.Reason)}); thủ tục quy định bổ sung thì tính lại từ đầu: bắt đầu tính lại từ {Words.InstantVi(CountingStart)}.",
                            $"Paused from {Words.InstantEn(p.Start)} to {Words.InstantEn(end)} ({Words.ReasonEn(p.Reason)}); the procedure restarts the clock after a supplement: counting restarts at {Words.InstantEn(CountingStart)}.");
                    }

                    continue;
                }

                var from = Math.Max(ps, covered);
                var lost = Math.Max(0, pe - from);
                if (lost > 0)
                {
                    target += lost;
                    excluded.Add((from, pe));
                    covered = pe;
                    explicitDue = null;
                }

                if (explain)
                {
                    Note($"Tạm dừng từ {Words.InstantVi(p.Start)} đến {Words.InstantVi(end)} ({Words.ReasonVi(p.Reason)}): không tính {Words.DurationVi(TimeSpan.FromTicks(lost))} làm việc.",
                        $"Paused from {Words.InstantEn(p.Start)} to {Words.InstantEn(end)} ({Words.ReasonEn(p.Reason)}): {Words.DurationEn(TimeSpan.FromTicks(lost))} of working time not counted.");
                }
            }
            else if (extension is { } x)
            {
                if (x.WorkingDays is { } days)
                {
                    var add = days * calendar.DayLengthTicks;
                    target += add;
                    extensionTicks += add;
                    explicitDue = null;
                    if (explain)
                    {
                        Note($"Gia hạn thêm {days} ngày làm việc (ghi nhận {Words.InstantVi(x.GrantedAt)}; lý do: {x.Reason}; căn cứ: {x.LegalBasis}).",
                            $"Extended by {ClockBudget.Count(days, "working day")} (recorded {Words.InstantEn(x.GrantedAt)}; reason: {x.Reason}; legal basis: {x.LegalBasis}).");
                    }
                }
                else if (x.NewDue is { } newDue)
                {
                    target = calendar.Position(newDue);
                    explicitDue = newDue.ToUniversalTime();
                    if (explain)
                    {
                        Note($"Gia hạn đến {Words.InstantVi(newDue)} (ghi nhận {Words.InstantVi(x.GrantedAt)}; lý do: {x.Reason}; căn cứ: {x.LegalBasis}).",
                            $"Extended to {Words.InstantEn(newDue)} (recorded {Words.InstantEn(x.GrantedAt)}; reason: {x.Reason}; legal basis: {x.LegalBasis}).");
                    }
                }
            }
        }

        if (IsPaused)
        {
            LeftWhenPaused = TimeSpan.FromTicks(Math.Max(0, target - pausedAt));
            Due = null;
        }
        else
        {
            Due = explicitDue ?? calendar.AtPosition(target);
        }
    }

    /// <summary>Clock hours ("24 giờ"): elapsed time from the reception; a pause adds its own length; no cut-off.</summary>
    private void RunClockHours()
    {
        var span = DeadlineClock.ClockHoursSpan(request.Budget);
        var received = request.ReceivedAt.ToUniversalTime();
        CountingStart = received;
        var due = received + span;
        BudgetDue = due;
        var covered = received;
        foreach (var (_, pause, extension) in Events())
        {
            if (pause is { } p)
            {
                if (IsPaused || (p.End is { } e0 && e0 <= request.ReceivedAt) || p.Start >= due)
                {
                    Ignore(p, IsPaused ? "đã đang tạm dừng" : p.Start >= due ? "bắt đầu từ hoặc sau thời hạn" : "kết thúc trước khi tiếp nhận",
                        IsPaused ? "the clock was already paused" : p.Start >= due ? "it starts at or after the due instant" : "it ends before the reception");
                    continue;
                }

                Applied.Add(p);
                var from = p.Start < covered ? covered : p.Start.ToUniversalTime();
                if (p.End is not { } end)
                {
                    IsPaused = true;
                    LeftWhenPaused = due - from;
                    pausedAt = calendar.Position(from);
                    Note($"Đang tạm dừng từ {Words.InstantVi(p.Start)} ({Words.ReasonVi(p.Reason)}).",
                        $"Paused since {Words.InstantEn(p.Start)} ({Words.ReasonEn(p.Reason)}).");
                    continue;
                }

                var lost = end > from ? end - from : TimeSpan.Zero;
                due += lost;
                if (lost > TimeSpan.Zero)
                {
                    excluded.Add((calendar.Position(from), calendar.Position(end)));
                    covered = end.ToUniversalTime();
                }

                Note($"Tạm dừng từ {Words.InstantVi(p.Start)} đến {Words.InstantVi(end)} ({Words.ReasonVi(p.Reason)}): không tính {Words.DurationVi(lost)}.",
                    $"Paused from {Words.InstantEn(p.Start)} to {Words.InstantEn(end)} ({Words.ReasonEn(p.Reason)}): {Words.DurationEn(lost)} not counted.");
            }
            else if (extension is { } x)
            {
                if (x.WorkingDays is { } days)
                {
                    due = calendar.AddWorkingTime(due, TimeSpan.FromTicks(days * calendar.DayLengthTicks));
                    Note($"Gia hạn thêm {days} ngày làm việc (ghi nhận {Words.InstantVi(x.GrantedAt)}; lý do: {x.Reason}; căn cứ: {x.LegalBasis}).",
                        $"Extended by {ClockBudget.Count(days, "working day")} (recorded {Words.InstantEn(x.GrantedAt)}; reason: {x.Reason}; legal basis: {x.LegalBasis}).");
                }
                else if (x.NewDue is { } newDue)
                {
                    due = newDue.ToUniversalTime();
                    Note($"Gia hạn đến {Words.InstantVi(newDue)} (ghi nhận {Words.InstantVi(x.GrantedAt)}; lý do: {x.Reason}; căn cứ: {x.LegalBasis}).",
                        $"Extended to {Words.InstantEn(newDue)} (recorded {Words.InstantEn(x.GrantedAt)}; reason: {x.Reason}; legal basis: {x.LegalBasis}).");
                }
            }
        }

        Due = IsPaused ? null : due;
    }

    private void RunCalendarDays()
    {
        var rules = request.Rules;
        var n = DeadlineClock.CalendarDayCount(request.Budget);
        var receptionDay = clock.ReceptionDay(request.ReceivedAt, rules, out var cutOff);
        CountingStart = cutOff ? calendar.StartOfDay(receptionDay) : request.ReceivedAt;
        var dueDay = receptionDay.AddDays(n);
        var due = clock.CalendarDaysDue(dueDay);
        BudgetDue = due;
        if (cutOff && explain)
        {
            Note($"Tiếp nhận sau giờ chốt {rules.CutOff:HH\\:mm}: coi như tiếp nhận ngày {Words.DayVi(receptionDay)}.",
                $"Received after the {rules.CutOff:HH\\:mm} cut-off: counted as received on {Words.DayEn(receptionDay)}.");
        }

        if (explain)
        {
            Note($"Thời hạn tính theo ngày (Bộ luật Dân sự 2015, Điều 147–148): không tính ngày tiếp nhận {Words.DayVi(receptionDay)}; ngày thứ {n} là {Words.DayVi(dueDay)}.",
                $"Counted in calendar days (Civil Code 2015, Art. 147–148): the day of reception {Words.DayEn(receptionDay)} is not counted; day {n} is {Words.DayEn(dueDay)}.");
        }

        SkippedDays(dueDay);

        var covered = request.ReceivedAt;
        foreach (var (_, pause, extension) in Events())
        {
            if (pause is { } p)
            {
                if (IsPaused || (p.End is { } e0 && e0 <= request.ReceivedAt) || p.Start >= due)
                {
                    Ignore(p, IsPaused ? "đã đang tạm dừng" : p.Start >= due ? "bắt đầu từ hoặc sau thời hạn" : "kết thúc trước khi tiếp nhận",
                        IsPaused ? "the clock was already paused" : p.Start >= due ? "it starts at or after the due instant" : "it ends before the reception");
                    continue;
                }

                Applied.Add(p);
                var pauseStart = p.Start < request.ReceivedAt ? request.ReceivedAt : p.Start;
                if (p.End is not { } end)
                {
                    IsPaused = true;
                    LeftWhenPaused = calendar.WorkingTimeBetween(pauseStart, due);
                    if (explain)
                    {
                        Note($"Đang tạm dừng từ {Words.InstantVi(p.Start)} ({Words.ReasonVi(p.Reason)}).",
                            $"Paused since {Words.InstantEn(p.Start)} ({Words.ReasonEn(p.Reason)}).");
                    }

                    continue;
                }

                if (rules.SupplementMode == SupplementMode.Restart && p.Reason == PauseReason.Supplement)
                {
                    receptionDay = WorkingCalendar.LocalDate(end);
                    dueDay = receptionDay.AddDays(n);
                    due = clock.CalendarDaysDue(dueDay);
                    covered = end;
                    excluded.Clear();
                    CountingStart = end;
                    if (explain)
                    {
                        Note($"Tạm dừng từ {Words.InstantVi(p.Start)} đến {Words.InstantVi(end)} ({Words.ReasonVi(p.Reason)}); thủ tục quy định bổ sung thì tính lại từ đầu: ngày thứ {n} kể từ {Words.DayVi(receptionDay)} là {Words.DayVi(dueDay)}.",
                            $"Paused from {Words.InstantEn(p.Start)} to {Words.InstantEn(end)} ({Words.ReasonEn(p.Reason)}); the procedure restarts the clock after a supplement: day {n} after {Words.DayEn(receptionDay)} is {Words.DayEn(dueDay)}.");
                    }

                    SkippedDays(dueDay);
                    continue;
                }

                var from = pauseStart > covered ? pauseStart : covered;
                if (end > from)
                {
                    var days = (int)Math.Ceiling((end - from).Ticks / (double)TimeSpan.TicksPerDay);
                    dueDay = dueDay.AddDays(days);
                    due = clock.CalendarDaysDue(dueDay);
                    excluded.Add((calendar.Position(from), calendar.Position(end)));
                    covered = end;
                    if (explain)
                    {
                        Note($"Tạm dừng từ {Words.InstantVi(p.Start)} đến {Words.InstantVi(end)} ({Words.ReasonVi(p.Reason)}): {Words.DurationVi(end - from)}, làm tròn lên {days} ngày; ngày cuối cùng lùi đến {Words.DayVi(dueDay)}.",
                            $"Paused from {Words.InstantEn(p.Start)} to {Words.InstantEn(end)} ({Words.ReasonEn(p.Reason)}): {Words.DurationEn(end - from)}, rounded up to {ClockBudget.Count(days, "day")}; the last day moves to {Words.DayEn(dueDay)}.");
                    }

                    SkippedDays(dueDay);
                }
            }
            else if (extension is { } x)
            {
                if (x.WorkingDays is { } days)
                {
                    due = calendar.AddWorkingTime(due, TimeSpan.FromTicks(days * calendar.DayLengthTicks));
                    if (explain)
                    {
                        Note($"Gia hạn thêm {days} ngày làm việc (ghi nhận {Words.InstantVi(x.GrantedAt)}; lý do: {x.Reason}; căn cứ: {x.LegalBasis}).",
                            $"Extended by {ClockBudget.Count(days, "working day")} (recorded {Words.InstantEn(x.GrantedAt)}; reason: {x.Reason}; legal basis: {x.LegalBasis}).");
                    }
                }
                else if (x.NewDue is { } newDue)
                {
                    due = newDue.ToUniversalTime();
                    if (explain)
                    {
                        Note($"Gia hạn đến {Words.InstantVi(newDue)} (ghi nhận {Words.InstantVi(x.GrantedAt)}; lý do: {x.Reason}; căn cứ: {x.LegalBasis}).",
                            $"Extended to {Words.InstantEn(newDue)} (recorded {Words.InstantEn(x.GrantedAt)}; reason: {x.Reason}; legal basis: {x.LegalBasis}).");
                    }
                }

                dueDay = WorkingCalendar.LocalDate(due);
            }
        }

        Due = IsPaused ? null : due;
    }

    private void SkippedDays(DateOnly day)
    {
        if (!explain)
        {
            return;
        }

        while (!calendar.IsWorkingDay(day))
        {
            var status = calendar.Describe(day);
            if (explain)
            {
                Note($"{Words.DayVi(day)} không phải ngày làm việc ({status.ReasonVi}): chuyển sang ngày làm việc tiếp theo.",
                    $"{Words.DayEn(day)} is not a working day ({status.ReasonEn}): moves to the next working day.");
            }
            day = day.AddDays(1);
        }
    }

    private void Ignore(ClockPause p, string vi, string en)
    {
        Ignored.Add(p);
        if (explain)
        {
            Note($"Tạm dừng từ {Words.InstantVi(p.Start)} không ảnh hưởng thời hạn: {vi}.", $"The pause from {Words.InstantEn(p.Start)} does not affect the due instant: {en}.");
        }
    }

    private void Note(string vi, string en)
    {
        if (explain)
        {
            notes.Add((vi, en));
        }
    }

    public ClockExplanation Explanation()
    {
        var vi = new List<string>();
        var en = new List<string>();
        void Line(string v, string e)
        {
            vi.Add(v);
            en.Add(e);
        }

        var hours = string.Join(", ", calendar.Hours.Periods.Select(p => p.ToString()));
        Line($"Tiếp nhận: {Words.InstantVi(request.ReceivedAt)}.", $"Received: {Words.InstantEn(request.ReceivedAt)}.");
        if (CalendarDays)
        {
            Line($"Thời hạn: {request.Budget.DescribeVi()}.", $"Time budget: {request.Budget.DescribeEn()}.");
        }
        else if (ClockHours)
        {
            Line($"Thời hạn: {request.Budget.DescribeVi()} — tính theo giờ đồng hồ (thời gian thực, liên tục, kể cả ngoài giờ làm việc và ngày nghỉ).",
                $"Time budget: {request.Budget.DescribeEn()} — counted in clock hours (elapsed time, continuously, outside working hours and on days off too).");
            Line($"Bắt đầu tính: {Words.InstantVi(CountingStart)}.", $"Counting starts: {Words.InstantEn(CountingStart)}.");
        }
        else if (SameDay)
        {
            var end = calendar.Hours.DayEnd.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
            var (cutVi, cutEn) = request.Rules.CutOff is { } c
                ? ($" sau giờ chốt {c:HH\\:mm}, sau {end} hoặc vào ngày nghỉ", $" after the {c:HH\\:mm} cut-off, after {end} or on a day off")
                : ($" sau {end} hoặc vào ngày nghỉ", $" after {end} or on a day off");
            Line($"Thời hạn: {request.Budget.DescribeVi()} — trả kết quả trước khi hết giờ làm việc ({end}) của ngày tiếp nhận; tiếp nhận{cutVi} thì trả trong ngày làm việc tiếp theo (giờ làm việc: {hours}).",
                $"Time budget: {request.Budget.DescribeEn()} — due at the end of the working day of reception ({end}); received{cutEn}: due at the end of the next working day (working periods: {hours}).");
            Line($"Bắt đầu tính: {Words.InstantVi(CountingStart)}.", $"Counting starts: {Words.InstantEn(CountingStart)}.");
        }
        else
        {
            var budget = TimeSpan.FromTicks(clock.BudgetTicks(request.Budget));
            Line($"Thời hạn: {request.Budget.DescribeVi()} = {Words.DurationVi(budget)} làm việc (giờ làm việc: {hours}).",
                $"Time budget: {request.Budget.DescribeEn()} = {Words.DurationEn(budget)} of working time (working periods: {hours}).");
            if (request.Budget.Unit == ClockUnit.WorkingHours)
            {
                Line("Tính theo giờ làm việc: chỉ tính thời gian trong giờ làm việc của ngày làm việc.",
                    "Counted in working hours: only time inside the working periods of working days counts.");
            }

            Line($"Bắt đầu tính: {Words.InstantVi(CountingStart)}.", $"Counting starts: {Words.InstantEn(CountingStart)}.");
        }

        foreach (var (v, e) in notes)
        {
            Line(v, e);
        }

        if (!CalendarDays && !ClockHours)
        {
            DayByDay(Line);
        }

        if (Due is { } due)
        {
            Line($"Hạn trả kết quả: {Words.InstantVi(due)}.", $"Due: {Words.InstantEn(due)}.");
        }
        else
        {
            Line($"Chưa có hạn: đang tạm dừng; còn lại {Words.DurationVi(LeftWhenPaused)} làm việc khi tiếp tục.",
                $"No due instant yet: the clock is paused with {Words.DurationEn(LeftWhenPaused)} of working time left on resume.");
        }

        var provisional = calendar.Arrangements.ProvisionalYears(WorkingCalendar.LocalDate(request.ReceivedAt), WorkingCalendar.LocalDate(Due ?? BudgetDue));
        if (provisional.Count > 0)
        {
            var years = string.Join(", ", provisional);
            Line($"TẠM TÍNH: lịch nghỉ năm {years} chưa được công bố, các ngày nghỉ của năm đó tính theo Bộ luật Lao động 2019; ngày hẹn đã ghi không tự thay đổi khi lịch chính thức được nhập.",
                $"PROVISIONAL: the {years} arrangement is not announced yet, its days off are computed from the Labor Code 2019; a date already given does not change when the official arrangement is entered.");
        }

        return new ClockExplanation(vi, en) { ProvisionalYears = provisional };
    }

    private void DayByDay(Action<string, string> line)
    {
        var end = IsPaused ? pausedAt : calendar.Position(Due!.Value);
        var segments = Counted(start, end);
        var first = WorkingCalendar.LocalDate(request.ReceivedAt);
        var last = IsPaused ? WorkingCalendar.LocalDate(calendar.AtPosition(pausedAt, preferStart: true)) : WorkingCalendar.LocalDate(Due!.Value);
        line("Từng ngày:", "Day by day:");
        var total = 0L;
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            var status = calendar.Describe(day);
            if (!status.IsWorkingDay)
            {
                line($"- {Words.DayVi(day)}: không tính — {status.ReasonVi}.", $"- {Words.DayEn(day)}: not counted — {status.ReasonEn}.");
                continue;
            }

            var dayStart = calendar.DayStartPosition(day);
            var pieces = new List<string>();
            var counted = 0L;
            var offset = 0L;
            foreach (var period in calendar.Hours.Periods)
            {
                var pFrom = dayStart + offset;
                var pTo = pFrom + period.Length.Ticks;
                offset += period.Length.Ticks;
                foreach (var (f, t) in segments)
                {
                    var a = Math.Max(f, pFrom);
                    var b = Math.Min(t, pTo);
                    if (b > a)
                    {
                        counted += b - a;
                        pieces.Add($"{Words.Time(calendar.AtPosition(a, preferStart: true))}–{Words.Time(calendar.AtPosition(b))}");
                    }
                }
            }

            var makeUp = status.Entry is { } entry ? $" ({entry.ReasonVi})" : "";
            var makeUpEn = status.Entry is { } entryEn ? $" ({entryEn.ReasonEn})" : "";
            if (counted > 0)
            {
                total += counted;
                line($"- {Words.DayVi(day)}: tính {Words.DurationVi(TimeSpan.FromTicks(counted))} ({string.Join(", ", pieces)}); cộng dồn {Words.DurationVi(TimeSpan.FromTicks(total))}{makeUp}.",
                    $"- {Words.DayEn(day)}: {Words.DurationEn(TimeSpan.FromTicks(counted))} counted ({string.Join(", ", pieces)}); total {Words.DurationEn(TimeSpan.FromTicks(total))}{makeUpEn}.");
            }
            else
            {
                var dayEnd = calendar.DayEndPosition(day);
                var paused = excluded.Any(x => x.From < dayEnd && x.To > dayStart);
                var pausedThenRestarted = restartPauses.Any(x => x.From < dayEnd && x.To > dayStart);
                var (vi, en) = paused ? ("tạm dừng", "paused")
                    : pausedThenRestarted ? ("tạm dừng, sau đó tính lại từ đầu", "paused, then the clock restarted")
                    : restarted && dayEnd <= start ? ("trước khi tính lại từ đầu", "before the clock restarted")
                    : dayEnd <= start ? ("trước thời điểm bắt đầu tính", "before counting starts")
                    : ("không còn thời gian làm việc trong ngày", "no working time left that day");
                line($"- {Words.DayVi(day)}: không tính — {vi}{makeUp}.", $"- {Words.DayEn(day)}: not counted — {en}{makeUpEn}.");
            }
        }
    }

    /// <summary>[from, to) minus the paused ranges, as ordered position segments.</summary>
    private List<(long From, long To)> Counted(long from, long to)
    {
        var result = new List<(long, long)>();
        var cursor = from;
        foreach (var (f, t) in excluded.Where(x => x.To > from).OrderBy(x => x.From))
        {
            if (f > cursor)
            {
                result.Add((cursor, Math.Min(f, to)));
            }

            cursor = Math.Max(cursor, t);
            if (cursor >= to)
            {
                break;
            }
        }

        if (cursor < to)
        {
            result.Add((cursor, to));
        }

        return result.Where(s => s.Item2 > s.Item1).ToList();
    }
}
