using System.Globalization;
using MotCua.Dossiers;
using MotCua.Dossiers.Online;
using MotCua.Dossiers.Reception;
using MotCua.Organisation.Contracts;
using MotCua.Platform.Errors;
using MotCua.Portal.Forms;

namespace MotCua.Portal.Apply;

/// <summary>The citizen who files: their e-ID subject, sign-in assurance and registry facts.</summary>
public sealed record Filer(string Subject, string AssuranceLevel, string IdNumber, string Name, string Phone);

/// <summary>
/// Files a checked e-form as an online dossier: the form's applicant block becomes the applicant (someone
/// filing for another person is recorded as the submitter, with the authorisation), each document upload a
/// checklist line (uploaded, waived because the population registry holds the data, or to be shown on paper),
/// the values the dossier's form data. The dossier gets its code at once and waits for reception; the draft
/// is deleted. A retried submission with the same key gives the same dossier.
/// </summary>
public sealed class SubmitApplication(SubmitOnline submit, Drafts drafts, OrgDirectory directory)
{
    public async Task<(ReceptionResult? Result, IReadOnlyList<Error> Errors)> RunAsync(
        Filer filer, CurrentForm form, FormCheck check, IReadOnlyDictionary<string, DraftFile> files, string? authorisation, ResultDelivery delivery, string? postAddress,
        Guid? draftId, string idempotencyKey, CancellationToken ct)
    {
        var v = check.Values;
        string Get(string key) => v.TryGetValue(key, out var value) ? value.Trim() : "";
        var applicantId = Get("applicant.idNumber");
        var onBehalf = applicantId.Length > 0 && applicantId != filer.IdNumber;
        if (onBehalf && string.IsNullOrWhiteSpace(authorisation))
        {
            return (null, [Error.Required("authorisation", "văn bản ủy quyền khi nộp thay người khác")]);
        }

        var ward = Get(FormNames.Part("applicant.address", FormNames.Ward));
        var street = Get(FormNames.Part("applicant.address", FormNames.Street));
        var wardName = ward.Length > 0 ? await directory.WardNameAsync(ward, ct) : null;
        var applicant = new ApplicantInput(
            ApplicantKind.Citizen,
            Get("applicant.name"),
            applicantId.Length > 0 ? applicantId : filer.IdNumber,
            DateOnly.TryParseExact(Get("applicant.dateOfBirth"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var born) ? born : null,
            Get("applicant.phone"),
            Get("applicant.email"),
            string.Join(", ", new[] { street, wardName ?? "" }.Where(s => s.Length > 0)),
            ward.Length > 0 ? ward : null);

        // Checklist lines are numbered as the case lists its documents (the form may leave some out, e.g. lines
        // that only explain); each line is matched to the form's upload by the document's name.
        var caseIndex = form.Definition.CaseIndex ?? 0;
        var caseDocuments = form.Procedure.Content.DocumentGroups.ElementAtOrDefault(caseIndex)?.Documents ?? [];
        var uploads = form.Definition.Fields.Where(f => f.Type == FieldTypes.File && f.Document is not null).ToList();
        var documents = new List<ChecklistInput>();
        for (var i = 0; i < caseDocuments.Count; i++)
        {
            var field = uploads.FirstOrDefault(f => string.Equals(f.Document, caseDocuments[i].Name.Length > 2000 ? caseDocuments[i].Name[..2000] : caseDocuments[i].Name, StringComparison.Ordinal));
            documents.Add(field is not null && files.TryGetValue(field.Key, out var file)
                ? new ChecklistInput(i + 1, Provision.Uploaded, null, null, [new AttachmentRef(file.Sha256, file.FileName)])
                : new ChecklistInput(i + 1, field?.WaivedByRegistry == true ? Provision.WaivedRegistry : Provision.PaperOnly, null, null, null));
        }

        var request = new ReceptionRequest(
            form.Procedure.Code,
            caseIndex,
            applicant,
            onBehalf ? new SubmitterInput(filer.Name, filer.IdNumber, filer.Phone, authorisation!.Trim()) : null,
            documents,
            ReceptionAction.Receive,
            Delivery: delivery,
            PostAddress: postAddress,
            FormData: v);
        var (result, errors) = await submit.RunAsync(request, ct, idempotencyKey, new OnlineIdentity(filer.Subject, filer.AssuranceLevel));
        if (result is not null && draftId is { } id)
        {
            await drafts.DeleteAsync(filer.Subject, id, ct);
        }

        return (result, errors);
    }
}
