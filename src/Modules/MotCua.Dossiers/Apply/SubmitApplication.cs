using System.Globalization;
using MotCua.Catalog.Contracts;
using MotCua.Dossiers;
using MotCua.Dossiers.Applicants;
using MotCua.Dossiers.Attachments;
using MotCua.Dossiers.MyDossiers;
using MotCua.Dossiers.Online;
using MotCua.Dossiers.Reception;
using MotCua.Forms.Contracts;
using MotCua.Organisation.Contracts;
using MotCua.Platform.Errors;

namespace MotCua.Dossiers.Apply;

/// <summary>The citizen who files: their e-ID subject, sign-in assurance and registry facts.</summary>
internal sealed record Filer(string Subject, string AssuranceLevel, string IdNumber, string Name, string Phone);

/// <summary>
/// Whom the dossier is for (nộp cho): the citizen themself, another person (the form's applicant block is that
/// person's, the citizen files with an authorisation document), or an organisation (its name, enterprise code,
/// address; the citizen acts as its representative with their position). Kept in a draft's values ("_for" …).
/// </summary>
internal sealed record Filing(string For, string? Authorisation = null, string OrganisationName = "", string OrganisationCode = "", string OrganisationAddress = "", string Position = "")
{
    public const string Self = "self";
    public const string Person = "person";
    public const string Organisation = "organisation";

    /// <summary>The draft file key of the authorisation document.</summary>
    public const string AuthorisationFileKey = "_authorisationFile";

    /// <summary>The ids of the apply page's own inputs, which errors of the filing point at.</summary>
    public static readonly IReadOnlySet<string> PageIds = new HashSet<string>(StringComparer.Ordinal)
        { "filed-for", "org-name", "org-code", "org-address", "org-position", "authorisation-file", "authorisation" };

    /// <summary>
    /// Whether the form's applicant block is prefilled from the identity: when it is about the signed-in citizen — for
    /// themself, or as the organisation's representative — and never with the citizen's data for another person.
    /// </summary>
    public bool Prefills => For != Person;

    public static Filing From(IReadOnlyDictionary<string, string> values)
    {
        string Get(string key) => values.TryGetValue(key, out var v) ? v : "";
        return new Filing(Normalize(Get("_for")), values.GetValueOrDefault("_authorisation"), Get("_org.name"), Get("_org.code"), Get("_org.address"), Get("_org.position"));
    }

    /// <summary>The posted choice; an empty choice keeps <paramref name="earlier"/>'s.</summary>
    public static Filing FromPost(string? filedFor, string? authorisation, string? name, string? code, string? address, string? position, Filing earlier)
        => new(string.IsNullOrWhiteSpace(filedFor) ? earlier.For : Normalize(filedFor), authorisation, name ?? "", code ?? "", address ?? "", position ?? "");

    public void WriteTo(Dictionary<string, string> values)
    {
        values["_for"] = For;
        values["_authorisation"] = Authorisation ?? "";
        values["_org.name"] = OrganisationName;
        values["_org.code"] = OrganisationCode;
        values["_org.address"] = OrganisationAddress;
        values["_org.position"] = Position;
    }

    private static string Normalize(string value) => value.Trim() is Person or Organisation ? value.Trim() : Self;
}

/// <summary>
/// Files a checked e-form as an online dossier: the applicant is the citizen, the person they file for (with the
/// authorisation document) or the organisation they represent; the citizen filing for someone is the submitter.
/// Each document upload becomes a checklist line: uploaded, reused from the citizen's document store (checked
/// again here: it must still be theirs), waived because the population registry holds the data, or to be shown
/// on paper. The values become the dossier's form data. The dossier gets its code at once and waits for
/// reception; the draft is deleted. A retried submission with the same key gives the same dossier.
/// </summary>
internal sealed class SubmitApplication(
    SubmitOnline submit, Drafts drafts, OrgDirectory directory, CitizenDocuments store, FileOwnership ownership, FormCatalog forms, CheckFormValues checker)
{
    private const int MaxOrganisationName = 200;
    private const int MaxText = 500;

    /// <summary>The rules of whom the dossier is for; the errors point at the apply page's inputs.</summary>
    public IReadOnlyList<Error> CheckFiling(Filer filer, Filing filing, IReadOnlyDictionary<string, string> values, IReadOnlyDictionary<string, DraftFile> files)
    {
        var errors = new List<Error>();
        var applicantId = values.TryGetValue("applicant.idNumber", out var typed) ? typed.Trim() : "";
        switch (filing.For)
        {
            case Filing.Self when applicantId.Length > 0 && applicantId != filer.IdNumber:
                errors.Add(Error.Invalid("filed-for", $"Bạn chọn nộp cho bản thân nhưng số định danh khai trong hồ sơ không phải của bạn ({CurrentCitizenMask(filer.IdNumber)}). Nếu nộp thay người khác, chọn \"Người khác\"."));
                break;
            case Filing.Person:
                var name = values.TryGetValue("applicant.name", out var n) ? n.Trim() : "";
                if (name.Length == 0)
                {
                    errors.Add(Error.Required("filed-for", "họ tên người được nộp thay (phần thông tin người nộp hồ sơ)"));
                }

                if (!(applicantId.Length == 12 && applicantId.All(char.IsAsciiDigit)))
                {
                    errors.Add(Error.Invalid("filed-for", "Số định danh cá nhân của người được nộp thay phải gồm đúng 12 chữ số (phần thông tin người nộp hồ sơ)."));
                }
                else if (applicantId == filer.IdNumber)
                {
                    errors.Add(Error.Invalid("filed-for", "Khi nộp thay người khác, khai thông tin của người đó: số định danh không được là của bạn."));
                }

                if (!files.ContainsKey(Filing.AuthorisationFileKey))
                {
                    errors.Add(new Error("required", "Vui lòng tải lên văn bản ủy quyền khi nộp thay người khác.", 400, "authorisation-file"));
                }

                break;
            case Filing.Organisation:
                if (string.IsNullOrWhiteSpace(filing.OrganisationName))
                {
                    errors.Add(Error.Required("org-name", "tên tổ chức, doanh nghiệp"));
                }
                else if (filing.OrganisationName.Trim().Length > MaxOrganisationName)
                {
                    errors.Add(Error.Invalid("org-name", $"Tên tổ chức dài quá {MaxOrganisationName} ký tự."));
                }

                if (string.IsNullOrWhiteSpace(filing.OrganisationCode))
                {
                    errors.Add(Error.Required("org-code", "mã số doanh nghiệp (mã số thuế)"));
                }
                else if (EnterpriseCode.Normalize(filing.OrganisationCode) is null)
                {
                    errors.Add(Error.Invalid("org-code", EnterpriseCode.Message));
                }

                if (string.IsNullOrWhiteSpace(filing.OrganisationAddress))
                {
                    errors.Add(Error.Required("org-address", "địa chỉ trụ sở của tổ chức"));
                }
                else if (filing.OrganisationAddress.Trim().Length > MaxText)
                {
                    errors.Add(Error.Invalid("org-address", $"Địa chỉ dài quá {MaxText} ký tự."));
                }

                if (string.IsNullOrWhiteSpace(filing.Position))
                {
                    errors.Add(Error.Required("org-position", "chức vụ của bạn trong tổ chức"));
                }
                else if (filing.Position.Trim().Length > MaxOrganisationName)
                {
                    errors.Add(Error.Invalid("org-position", $"Chức vụ dài quá {MaxOrganisationName} ký tự."));
                }

                break;
        }

        if (filing.For != Filing.Self && (filing.Authorisation?.Trim().Length ?? 0) > MaxText)
        {
            errors.Add(Error.Invalid("authorisation", $"Số, ngày văn bản ủy quyền dài quá {MaxText} ký tự."));
        }

        return errors;
    }

    /// <summary>
    /// Every file must be the citizen's: a reused document still one of their store, with the same content and from the
    /// dossier it names; any other file uploaded by this citizen themself (or already in their store). Another citizen's
    /// upload, a made-up hash and a file collected since are refused alike (403), so nobody learns what others stored.
    /// </summary>
    public async Task<IReadOnlyList<Error>> CheckFilesAsync(Filer filer, IReadOnlyDictionary<string, DraftFile> files, CancellationToken ct, Func<string, string>? fieldOf = null)
    {
        fieldOf ??= FieldOf;
        var errors = new List<Error>();
        var reused = files.Where(f => f.Value.ReusedId is not null).ToList();
        var mine = reused.Count > 0 ? await store.ByIdAsync(filer.IdNumber, ct) : null;
        foreach (var (key, file) in reused)
        {
            if (!mine!.TryGetValue(file.ReusedId!.Value, out var document) || document.Sha256 != file.Sha256 || document.DossierCode != file.ReusedFrom)
            {
                errors.Add(FileOwnership.NotYours(fieldOf(key), $"Giấy tờ dùng lại \"{file.FileName}\" không có trong kho dữ liệu của bạn; vui lòng chọn lại hoặc tải lên."));
            }
        }

        foreach (var (key, file) in files.Where(f => f.Value.ReusedId is null))
        {
            if (!await ownership.IsCitizensAsync(filer.Subject, filer.IdNumber, file.Sha256, ct))
            {
                errors.Add(FileOwnership.NotYours(fieldOf(key), FileOwnership.NotYoursMessage(file.FileName)));
            }
        }

        return errors;
    }

    private static string FieldOf(string key) => key == Filing.AuthorisationFileKey ? "authorisation-file" : FormNames.Id(key);

    /// <summary>
    /// The JSON application (POST /api/v1/me/applications) as the page would have posted it: the files resolved to the
    /// citizen's own uploads and store documents, the e-form checked by the same validator (the same messages, on
    /// <c>formData.{name}</c>), then the same filing rules and the same submission as the page.
    /// </summary>
    public async Task<Result<ReceptionResult>> RunAsync(Filer filer, ApplicationRequest request, string? idempotencyKey, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.ProcedureCode))
        {
            return Error.Required("procedureCode", "thủ tục hành chính");
        }

        var form = request.ProcedureCode.Length <= 60 ? await forms.CurrentAsync(request.ProcedureCode.Trim(), null, ct) : null;
        if (form is null)
        {
            return Error.Invalid("procedureCode", $"Không có thủ tục mã {(request.ProcedureCode.Length <= 60 ? request.ProcedureCode : request.ProcedureCode[..60] + "…")} trong danh mục.");
        }

        var filedFor = request.FiledFor?.Trim() is { Length: > 0 } chosen ? chosen : Filing.Self;
        if (filedFor is not (Filing.Self or Filing.Person or Filing.Organisation))
        {
            return Error.Invalid("filedFor", "Nộp hồ sơ cho: chọn \"self\" (bản thân), \"person\" (người khác, có văn bản ủy quyền) hoặc \"organisation\" (tổ chức, doanh nghiệp).");
        }

        var org = request.Organisation;
        var filing = new Filing(filedFor, request.Authorisation, org?.Name ?? "", org?.Code ?? "", org?.Address ?? "", org?.Position ?? "");

        // The files first: whose they are decides before anything else is looked at (403, nothing stored).
        var uploadFields = form.Definition.Fields.Where(f => f.Type == FieldTypes.File).ToDictionary(f => f.Key, StringComparer.Ordinal);
        var files = new Dictionary<string, DraftFile>(StringComparer.Ordinal);
        var refused = new List<Error>();
        IReadOnlyDictionary<Guid, StoredDocument>? mine = null;
        foreach (var (key, given) in request.Files ?? new Dictionary<string, ApplicationFile>())
        {
            if (!uploadFields.TryGetValue(key, out var field) || given is null)
            {
                var shown = key.Length > 60 ? key[..60] + "…" : key;
                refused.Add(Error.Invalid($"files.{shown}", $"Biểu mẫu của thủ tục không có ô tải tệp \"{shown}\"."));
                continue;
            }

            mine ??= await store.ByIdAsync(filer.IdNumber, ct);
            if (Resolve(given, $"files.{key}", field.Label, mine, refused) is { } file)
            {
                files[key] = file;
            }
        }

        if (request.AuthorisationFile is { } authorisation)
        {
            mine ??= await store.ByIdAsync(filer.IdNumber, ct);
            if (filedFor == Filing.Self)
            {
                refused.Add(Error.Invalid("authorisationFile", "Văn bản ủy quyền chỉ gửi khi nộp thay người khác hoặc tổ chức."));
            }
            else if (Resolve(authorisation, "authorisationFile", "Văn bản ủy quyền", mine, refused) is { } file)
            {
                files[Filing.AuthorisationFileKey] = file;
            }
        }

        // "Không áp dụng" for conditional papers: by upload key, the reason ("" = the condition's own words); never with a file.
        var answers = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (key, reason) in request.NotApplicable ?? new Dictionary<string, string>())
        {
            var shown = key.Length > 60 ? key[..60] + "…" : key;
            if (request.Files?.ContainsKey(key) == true)
            {
                refused.Add(Error.Invalid($"notApplicable.{shown}", $"\"{(uploadFields.TryGetValue(key, out var f) ? f.Label : shown)}\" đã đánh dấu không áp dụng: không gửi kèm tệp cho giấy tờ này."));
                continue;
            }

            answers[key] = reason ?? "";
        }

        refused.AddRange(CheckPapers(form, answers));
        if (refused.Count > 0)
        {
            return refused;
        }

        var owned = await CheckFilesAsync(filer, files, ct, key => key == Filing.AuthorisationFileKey ? "authorisationFile" : $"files.{key}");
        if (owned.Count > 0)
        {
            return owned.ToList();
        }

        // The e-form: the values the page would post, the files as the page keeps them (their names in the upload fields).
        var values = (request.FormData ?? new Dictionary<string, string>())
            .Where(v => v.Key is { Length: > 0 } k && k[0] != '_' && !uploadFields.ContainsKey(k) && v.Value is not null)
            .ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
        foreach (var (key, file) in files.Where(f => f.Key != Filing.AuthorisationFileKey))
        {
            values[key] = file.FileName;
        }

        var check = await checker.RunAsync(form.Definition, values, null, registryWaives: true, ct);
        var errors = check.Errors.Select(e => Error.Invalid($"formData.{e.Name}", e.Message))
            .Concat(CheckFiling(filer, filing, values, files).Select(e => e with { Field = ApiField(e.Field) }))
            .ToList();
        if (errors.Count > 0)
        {
            return errors;
        }

        return await RunAsync(filer, form, check, files, filing, answers, request.Delivery, request.PostAddress, null, idempotencyKey, ct);
    }

    /// <summary>
    /// The "không áp dụng" answers (<see cref="PaperChoices"/>): only for an upload of the form whose paper is conditional — a
    /// paper always required cannot be waved through — with a short reason. Errors name <c>notApplicable.{key}</c>.
    /// </summary>
    public static List<Error> CheckPapers(CurrentForm form, IReadOnlyDictionary<string, string?> answers)
    {
        var errors = new List<Error>();
        var papers = PaperChoices.Papers(form);
        var labels = form.Definition.Fields.Where(f => f.Type == FieldTypes.File).ToDictionary(f => f.Key, f => f.Label, StringComparer.Ordinal);
        foreach (var (key, reason) in answers.Where(a => a.Value is not null))
        {
            var shown = key.Length > 60 ? key[..60] + "…" : key;
            if (!labels.TryGetValue(key, out var label))
            {
                errors.Add(Error.Invalid($"notApplicable.{shown}", $"Biểu mẫu của thủ tục không có ô tải tệp \"{shown}\"."));
            }
            else if (papers.GetValueOrDefault(key)?.When is null)
            {
                errors.Add(Error.Invalid($"notApplicable.{shown}", NotApplicableReasons.Required(label)));
            }
            else if (NotApplicableReasons.Clean(reason) is { Length: > DossierDocument.ReasonLength })
            {
                errors.Add(Error.Invalid($"notApplicable.{shown}", NotApplicableReasons.TooLong(label)));
            }
        }

        return errors;
    }

    /// <summary>A file of the request as a draft's file: an upload (whose it is is checked next), or a document of the citizen's store.</summary>
    private static DraftFile? Resolve(ApplicationFile file, string field, string label, IReadOnlyDictionary<Guid, StoredDocument> mine, List<Error> refused)
    {
        var sha = file.Sha256?.Trim().ToLowerInvariant() ?? "";
        if (file.ReusedId is { } id)
        {
            if (mine.GetValueOrDefault(id) is { } document && (sha.Length == 0 || sha == document.Sha256))
            {
                return new DraftFile(document.Sha256, document.FileName, document.Id, document.DossierCode);
            }

            refused.Add(FileOwnership.NotYours(field, $"{label}: không tìm thấy giấy tờ đã chọn trong kho dữ liệu của bạn."));
            return null;
        }

        if (!(sha.Length == 64 && sha.All(char.IsAsciiHexDigitLower)))
        {
            refused.Add(Error.Invalid(field, $"{label}: mã SHA-256 của tệp (do POST /api/v1/attachments trả về) phải gồm 64 chữ số hệ 16."));
            return null;
        }

        if (file.ReusedFrom?.Trim() is { Length: > 0 } from)
        {
            // "Reused from dossier X" only when X is one of the citizen's own dossiers and really holds this file.
            if (mine.Values.Where(d => d.DossierCode == from && d.Sha256 == sha).OrderByDescending(d => d.AddedAt).FirstOrDefault() is { } document)
            {
                return new DraftFile(document.Sha256, document.FileName, document.Id, document.DossierCode);
            }

            refused.Add(FileOwnership.NotYours(field, $"{label}: hồ sơ {(from.Length > 60 ? from[..60] + "…" : from)} không phải hồ sơ của bạn hoặc không có tệp này; không thể ghi là dùng lại từ hồ sơ đó."));
            return null;
        }

        var name = file.FileName?.Trim() is { Length: > 0 } n ? n : "tep-dinh-kem.pdf";
        if (name.Length > Platform.Text.TextLimits.FileName)
        {
            refused.Add(Platform.Text.TextLimits.TooLong(field, "tên tệp", Platform.Text.TextLimits.FileName));
            return null;
        }

        return new DraftFile(sha, name);
    }

    /// <summary>The page's input ids as the JSON names them.</summary>
    private static string? ApiField(string? pageField) => pageField switch
    {
        null => null,
        "filed-for" => "filedFor",
        "authorisation-file" => "authorisationFile",
        "authorisation" => "authorisation",
        "org-name" => "organisation.name",
        "org-code" => "organisation.code",
        "org-address" => "organisation.address",
        "org-position" => "organisation.position",
        _ => pageField,
    };

    public async Task<Result<ReceptionResult>> RunAsync(
        Filer filer, CurrentForm form, FormCheck check, IReadOnlyDictionary<string, DraftFile> files, Filing filing, IReadOnlyDictionary<string, string?> papers,
        ResultDelivery delivery, string? postAddress, Guid? draftId, string? idempotencyKey, CancellationToken ct)
    {
        var v = check.Values;
        var refused = CheckPapers(form, papers).Concat(CheckFiling(filer, filing, v, files)).Concat(await CheckFilesAsync(filer, files, ct)).ToList();
        if (refused.Count > 0)
        {
            return refused;
        }

        string Get(string key) => v.TryGetValue(key, out var value) ? value.Trim() : "";
        var applicantId = Get("applicant.idNumber");
        var ward = Get(FormNames.Part("applicant.address", FormNames.Ward));
        var street = Get(FormNames.Part("applicant.address", FormNames.Street));
        var wardName = ward.Length > 0 ? await directory.WardNameAsync(ward, ct) : null;
        var applicant = filing.For == Filing.Organisation
            ? new ApplicantInput(ApplicantKind.Organisation, filing.OrganisationName.Trim(), EnterpriseCode.Normalize(filing.OrganisationCode), null,
                Get("applicant.phone"), Get("applicant.email"), filing.OrganisationAddress.Trim(), null)
            : new ApplicantInput(
                ApplicantKind.Citizen,
                Get("applicant.name"),
                applicantId.Length > 0 ? applicantId : filer.IdNumber,
                DateOnly.TryParseExact(Get("applicant.dateOfBirth"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var born) ? born : null,
                Get("applicant.phone"),
                Get("applicant.email"),
                string.Join(", ", new[] { street, wardName ?? "" }.Where(s => s.Length > 0)),
                ward.Length > 0 ? ward : null);

        // The citizen files for someone else: they are the submitter, with the authorisation (text and document).
        var document = files.TryGetValue(Filing.AuthorisationFileKey, out var authorisationFile) ? new AttachmentRef(authorisationFile.Sha256, authorisationFile.FileName) : null;
        var authorisation = filing.Authorisation?.Trim() is { Length: > 0 } text ? text
            : filing.For == Filing.Organisation && document is null ? "Người đại diện theo pháp luật của tổ chức"
            : "Văn bản ủy quyền (tệp đính kèm)";
        var submitter = filing.For == Filing.Self
            ? null
            : new SubmitterInput(filer.Name, filer.IdNumber, filer.Phone, authorisation, filing.For == Filing.Organisation ? filing.Position.Trim() : null, document);

        // Checklist lines are numbered as the case lists its documents (the form may leave some out, e.g. lines
        // that only explain); each line is matched to the form's upload by the document's name.
        var caseIndex = form.Definition.CaseIndex ?? 0;
        var caseDocuments = form.Procedure.Content.DocumentGroups.ElementAtOrDefault(caseIndex)?.Documents ?? [];
        var uploads = form.Definition.Fields.Where(f => f.Type == FieldTypes.File && f.Document is not null).ToList();
        var documents = new List<ChecklistInput>();
        for (var i = 0; i < caseDocuments.Count; i++)
        {
            var paper = caseDocuments[i];
            var field = uploads.FirstOrDefault(f => string.Equals(f.Document, PaperChoices.DocumentKey(paper.Name), StringComparison.Ordinal));
            var answered = papers.TryGetValue(field?.Key ?? "", out var notApplicable);
            documents.Add(Line(i + 1, paper, field, answered, notApplicable, field is not null ? files.GetValueOrDefault(field.Key) : null));
        }

        var request = new ReceptionRequest(
            form.Procedure.Code,
            caseIndex,
            applicant,
            submitter,
            documents,
            ReceptionAction.Receive,
            Delivery: delivery,
            PostAddress: postAddress,
            FormData: v);
        var submitted = await submit.RunAsync(request, new OnlineIdentity(filer.Subject, filer.AssuranceLevel), ct, idempotencyKey);
        if (submitted.Succeeded && draftId is { } id)
        {
            await drafts.DeleteAsync(filer.Subject, id, $"đã nộp thành hồ sơ {submitted.Value!.Code}", ct);
        }

        return submitted;
    }

    /// <summary>
    /// One checklist line of an online filing: "không áp dụng" as the citizen answered (no file kept with it); else the file
    /// uploaded or reused; else waived by the registry. A conditional paper nobody answered for and without a file does not
    /// apply — in the condition's words when the citizen was asked; for a paper the online form does not ask at all, because
    /// it is not asked online; otherwise the system's reason for the channel. A paper that applies but has no file is paper.
    /// </summary>
    private static ChecklistInput Line(int number, RequiredDocument paper, FormField? field, bool answered, string? notApplicable, DraftFile? file)
    {
        if (answered && notApplicable is not null && paper.When is { } condition)
        {
            return new ChecklistInput(number, Provision.NotApplicable, null, null, null, NotApplicableReason: NotApplicableReasons.Clean(notApplicable) ?? NotApplicableReasons.Citizen(condition.Kind));
        }

        if (file is not null)
        {
            return file.ReusedId is not null
                ? new ChecklistInput(number, Provision.Reused, null, null, [new AttachmentRef(file.Sha256, file.FileName, file.ReusedFrom ?? "")])
                : new ChecklistInput(number, Provision.Uploaded, null, null, [new AttachmentRef(file.Sha256, file.FileName)]);
        }

        if (field?.WaivedByRegistry == true)
        {
            return new ChecklistInput(number, Provision.WaivedRegistry, null, null, null);
        }

        var applies = paper.When is { } when ? ProcedureLabels.AppliesOn(when.Kind, Channel.Online) : null;
        if (paper.When is { } c && !answered && !(field is not null && applies == true))
        {
            var reason = field is not null && PaperChoices.IsOffered(paper) ? NotApplicableReasons.Citizen(c.Kind)
                : field is null && applies != false ? "Không yêu cầu khi nộp trực tuyến"
                : null;
            return new ChecklistInput(number, Provision.NotApplicable, null, null, null, NotApplicableReason: reason);
        }

        return new ChecklistInput(number, Provision.PaperOnly, null, null, null);
    }

    private static string CurrentCitizenMask(string idNumber) => MotCua.Platform.Identity.CurrentCitizen.Mask(idNumber);
}
