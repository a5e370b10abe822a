using MotCua.Dossiers.Online;
using MotCua.Dossiers.Reception;
using MotCua.Platform.Errors;
using MotCua.Platform.Identity;

namespace MotCua.Dossiers.Apply;

/// <summary>
/// POST /api/v1/me/applications: a signed-in citizen files a dossier as JSON (for apps and the national portal's
/// relay; the portal's own pages file through <see cref="SubmitApplication"/>). Who files is the e-ID, never the body:
/// the citizen is the applicant (same ID number), or files for another person or an organisation as the
/// submitter, with the authorisation; the dossier records the identity's assurance level.
/// </summary>
internal sealed class SubmitAsCitizen(SubmitOnline submit, CurrentCitizen citizen)
{
    public async Task<Result<ReceptionResult>> RunAsync(ReceptionRequest request, string? idempotencyKey, CancellationToken ct)
    {
        if (!await citizen.LoadAsync() || citizen.IdNumber.Length == 0)
        {
            return new Error("unauthorized", "Vui lòng đăng nhập bằng tài khoản định danh điện tử để nộp hồ sơ.", 401);
        }

        var ownDossier = request.Applicant is { Kind: Dossiers.ApplicantKind.Citizen } a && a.IdNumber?.Trim() == citizen.IdNumber;
        if (!ownDossier && string.IsNullOrWhiteSpace(request.Submitter?.Authorisation) && request.Submitter?.Document is null)
        {
            return Error.Invalid("submitter.authorisation",
                "Hồ sơ của người khác hoặc của tổ chức chỉ được nộp thay khi có văn bản ủy quyền (hoặc giấy tờ chứng minh là người đại diện).");
        }

        // The filer is whoever signed in: a submitter named in the body is replaced by the e-ID's person.
        var filed = ownDossier
            ? request with { Submitter = null }
            : request with
            {
                Submitter = new SubmitterInput(citizen.Name, citizen.IdNumber, citizen.Phone ?? request.Submitter?.Phone, request.Submitter?.Authorisation,
                    request.Submitter?.Position, request.Submitter?.Document),
            };
        return await submit.RunAsync(filed, new OnlineIdentity(citizen.Subject, citizen.AssuranceLevel), ct, idempotencyKey);
    }
}
