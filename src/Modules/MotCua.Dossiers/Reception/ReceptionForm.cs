using System.Globalization;
using MotCua.Dossiers.Attachments;

namespace MotCua.Dossiers.Reception;

/// <summary>The counter page's form, as typed (strings), so nothing is lost when something is refused.</summary>
internal sealed class ReceptionForm
{
    public int CaseIndex { get; set; }

    /// <summary>Identifies this form's submission (see <see cref="MotCua.Platform.Idempotency.IdempotencyStore"/>).</summary>
    public string? SubmissionKey { get; set; }
    public ApplicantKind Kind { get; set; } = ApplicantKind.Citizen;
    public string? Name { get; set; }
    public string? IdNumber { get; set; }
    public string? DateOfBirth { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Address { get; set; }
    public string? WardCode { get; set; }
    public string? SubmitterName { get; set; }
    public string? SubmitterIdNumber { get; set; }
    public string? SubmitterAuthorisation { get; set; }
    public List<DocumentRow> Docs { get; set; } = [];
    public ReceptionAction Action { get; set; } = ReceptionAction.Receive;

    /// <summary>One line per item: "Giấy tờ | lý do".</summary>
    public string? Missing { get; set; }
    public string? Reason { get; set; }
    public string? LegalBasis { get; set; }
    public ResultDelivery Delivery { get; set; } = ResultDelivery.AtCounter;
    public string? PostAddress { get; set; }

    /// <summary>The number of sets handed over (form 01 "Số lượng hồ sơ"), as typed.</summary>
    public string? Sets { get; set; } = "1";

    public sealed class DocumentRow
    {
        public Provision Provision { get; set; }
        public int? Originals { get; set; }
        public int? Copies { get; set; }

        /// <summary>Why a paper-only document is not scanned (required for <see cref="Provision.PaperOnly"/>).</summary>
        public PaperOnlyReason? PaperOnlyReason { get; set; }

        /// <summary>Why a conditional paper does not apply (kept for <see cref="Provision.NotApplicable"/>; prefilled from its condition).</summary>
        public string? NotApplicableReason { get; set; }
    }

    public ReceptionRequest ToRequest(string procedureCode, IReadOnlyDictionary<int, List<UploadedFile>> uploads, List<MotCua.Platform.Errors.Error> errors)
    {
        DateOnly? dob = null;
        if (!string.IsNullOrWhiteSpace(DateOfBirth))
        {
            if (DateOnly.TryParseExact(DateOfBirth.Trim(), ["dd/MM/yyyy", "yyyy-MM-dd", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                dob = d;
            }
            else
            {
                errors.Add(MotCua.Platform.Errors.Error.Invalid("applicant.dateOfBirth", "Ngày sinh phải có dạng ngày/tháng/năm, ví dụ 14/03/1990."));
            }
        }

        int? sets = null;
        if (!string.IsNullOrWhiteSpace(Sets))
        {
            if (int.TryParse(Sets.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                sets = n;
            }
            else
            {
                errors.Add(MotCua.Platform.Errors.Error.Invalid("sets", $"Số bộ hồ sơ phải là số nguyên từ {ReceiveAtCounter.MinSets} đến {ReceiveAtCounter.MaxSets}."));
            }
        }

        var missing = new List<MissingItem>();
        foreach (var line in (Missing ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split('|', 2, StringSplitOptions.TrimEntries);
            missing.Add(new MissingItem(parts[0], parts.Length > 1 ? parts[1] : ""));
        }

        return new ReceptionRequest(
            procedureCode,
            CaseIndex,
            new ApplicantInput(Kind, Name, IdNumber, dob, Phone, Email, Address, WardCode),
            new SubmitterInput(SubmitterName, SubmitterIdNumber, null, SubmitterAuthorisation),
            Docs.Select((d, i) => new ChecklistInput(i + 1, d.Provision, d.Originals, d.Copies,
                uploads.TryGetValue(i + 1, out var files) ? files.Select(f => new AttachmentRef(f.Sha256, f.FileName)).ToList() : [],
                d.Provision == Provision.PaperOnly ? d.PaperOnlyReason : null,
                d.Provision == Provision.NotApplicable ? d.NotApplicableReason : null)).ToList(),
            Action,
            missing,
            Reason,
            LegalBasis,
            Delivery,
            PostAddress,
            Sets: sets);
    }
}
