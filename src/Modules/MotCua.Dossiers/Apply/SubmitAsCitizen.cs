using MotCua.Dossiers.Reception;
using MotCua.Platform.Errors;
using MotCua.Platform.Identity;

namespace MotCua.Dossiers.Apply;

/// <summary>
/// A file of an application sent as JSON: an upload of the citizen's own (<paramref name="Sha256"/> answered by
/// POST /api/v1/attachments to this citizen's session or upload token), or a document of their store — by its id
/// (<paramref name="ReusedId"/>, from GET /api/v1/me/documents) or by the earlier dossier it is in
/// (<paramref name="ReusedFrom"/>, with its <paramref name="Sha256"/>).
/// </summary>
internal sealed record ApplicationFile(string? Sha256, string? FileName = null, Guid? ReusedId = null, string? ReusedFrom = null);

/// <summary>The organisation a citizen files for as its representative (the page's "Tổ chức, doanh nghiệp" choice).</summary>
internal sealed record ApplicationOrganisation(string? Name, string? Code, string? Address, string? Position);

/// <summary>
/// POST /api/v1/me/applications: what the portal's filing page posts, as JSON. <paramref name="FormData"/> are the
/// e-form's values by name (GET /api/v1/forms/{procedureCode}: "applicant.name", "applicant.address.ward" …),
/// <paramref name="Files"/> the form's upload fields by key ("docs.d1" …). <paramref name="FiledFor"/> is "self"
/// (default), "person" (the form's applicant block is that person's; <paramref name="AuthorisationFile"/> is required)
/// or "organisation" (with <paramref name="Organisation"/>). <paramref name="NotApplicable"/> answers "Không áp dụng với tôi"
/// for conditional papers by upload key, with the reason ("" = the condition's own words, e.g. "Tôi tự nộp, không ủy
/// quyền"; at most 200 characters); a paper always required cannot be marked so (400, nothing stored).
/// </summary>
internal sealed record ApplicationRequest(
    string? ProcedureCode,
    IReadOnlyDictionary<string, string>? FormData,
    IReadOnlyDictionary<string, ApplicationFile>? Files = null,
    string? FiledFor = null,
    string? Authorisation = null,
    ApplicationFile? AuthorisationFile = null,
    ApplicationOrganisation? Organisation = null,
    ResultDelivery Delivery = ResultDelivery.Online,
    string? PostAddress = null,
    IReadOnlyDictionary<string, string>? NotApplicable = null);

/// <summary>
/// The JSON door of online filing (for apps and the national portal's relay): who files is the e-ID, never the body;
/// everything else is <see cref="SubmitApplication"/>, the use case the portal's page runs, with the same rules and messages.
/// </summary>
internal sealed class SubmitAsCitizen(SubmitApplication submit, CurrentCitizen citizen)
{
    public async Task<Result<ReceptionResult>> RunAsync(ApplicationRequest request, string? idempotencyKey, CancellationToken ct)
    {
        if (!await citizen.LoadAsync() || citizen.IdNumber.Length == 0 || citizen.Subject.Length == 0)
        {
            return new Error("unauthorized", "Vui lòng đăng nhập bằng tài khoản định danh điện tử để nộp hồ sơ.", 401);
        }

        var filer = new Filer(citizen.Subject, citizen.AssuranceLevel, citizen.IdNumber, citizen.Name, citizen.Phone ?? "");
        return await submit.RunAsync(filer, request, idempotencyKey, ct);
    }
}
