using System.Globalization;
using System.Text;
using MotCua.Cli.Calendar;
using MotCua.Planning;
using MotCua.Planning.Staffing;

namespace MotCua.Cli.Planning;

/// <summary>The text of `motcua staffing`.</summary>
public static class StaffingText
{
    /// <summary>`motcua staffing`: counters needed and the wait figures; bad input → exit code 2 and the reason.</summary>
    public static CliAnswer Staffing(double arrivalsPerHour, double serviceMinutes, double target, double withinMinutes)
    {
        StaffingResult result;
        try
        {
            result = CounterStaffing.MinimumCounters(arrivalsPerHour, serviceMinutes, target, withinMinutes);
        }
        catch (PlanningInputException e)
        {
            return new CliAnswer(2, e.Message);
        }

        var text = new StringBuilder();
        text.AppendLine(PlanningText.Vi, $"Lượt đến: {PlanningText.Number(arrivalsPerHour, 1)} lượt/giờ; thời gian phục vụ trung bình: {PlanningText.Number(serviceMinutes, 1)} phút");
        text.AppendLine(PlanningText.Vi, $"Tải: {PlanningText.Number(result.Load, 2)} erlang");
        text.AppendLine(PlanningText.Vi, $"Mục tiêu: {PlanningText.Percent(target)} lượt chờ không quá {PlanningText.Number(withinMinutes, 0)} phút");
        text.AppendLine(PlanningText.Vi, $"Số quầy cần: {result.Counters}");
        if (result.Counters > 0)
        {
            text.AppendLine(PlanningText.Vi, $"Tỷ lệ sử dụng quầy: {PlanningText.Percent(result.Occupancy)}");
            text.AppendLine(PlanningText.Vi, $"Xác suất phải chờ: {PlanningText.Percent(result.WaitProbability)}");
            text.AppendLine(PlanningText.Vi, $"Chờ không quá {PlanningText.Number(withinMinutes, 0)} phút: {PlanningText.Percent(result.ServiceLevel)}");
            text.AppendLine(PlanningText.Vi, $"Thời gian chờ trung bình: {PlanningText.Number(result.MeanWaitMinutes, 1)} phút");
            if (result.Counters > 1)
            {
                var fewer = result.Counters - 1;
                text.Append(PlanningText.Vi, $"Với {fewer} quầy: ");
                if (fewer <= result.Load)
                {
                    text.Append("hàng đợi không ổn định (số quầy không lớn hơn tải)");
                }
                else
                {
                    var less = CounterStaffing.Evaluate(fewer, arrivalsPerHour, serviceMinutes, withinMinutes);
                    text.Append(PlanningText.Vi, $"{PlanningText.Percent(less.ServiceLevel)} chờ không quá {PlanningText.Number(withinMinutes, 0)} phút, chờ trung bình {PlanningText.Number(less.MeanWaitMinutes, 1)} phút");
                }

                text.AppendLine();
            }
        }

        return new CliAnswer(0, text.ToString().TrimEnd());
    }
}
