namespace MotCua.Dossiers.Slips;

/// <summary>The receipt's (form 01) short line under the appointment when that date is provisional.</summary>
internal static class ProvisionalDueNote
{
    public const string Text = "(Ngày hẹn tạm tính: lịch nghỉ lễ, Tết của năm chưa được công bố, các ngày nghỉ tính theo Bộ luật Lao động 2019.)";

    public static SlipDocument ProvisionalDue(this SlipDocument doc, Dossier d)
        => d.OriginalDueProvisional ? doc.Paragraph(Text) : doc;
}
