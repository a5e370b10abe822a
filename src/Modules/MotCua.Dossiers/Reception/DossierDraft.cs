using System.Net.Mail;
using System.Text.Json;
using MotCua.Catalog.Contracts;
using MotCua.Organisation.Contracts;
using MotCua.Platform.Errors;
using MotCua.Platform.Storage;
using MotCua.Platform.Text;

namespace MotCua.Dossiers.Reception;

/// <summary>
/// Checks a reception request against the procedure version and builds the dossier's parts: applicant,
/// checklist, attachments, agency. Shared by the counter and the online channel; every refusal is a
/// Vietnamese message on the field it concerns.
/// </summary>
internal sealed class DossierDraft(ProcedureLookup catalog, OrgDirectory directory, AgencyResolver agencies, IFileStore files)
{
    public sealed record Built(
        ProcedureRef Procedure,
        DocumentGroup? Case,
        UnitRef Agency,
        Applicant Applicant,
        Submitter? Submitter,
        List<DossierDocument> Documents,
        List<DossierAttachment> Attachments,
        string FormDataJson,
        ProcessingTime? Time);

    public async Task<(Built? Draft, List<Error> Errors)> BuildAsync(ReceptionRequest request, Channel channel, string? receivingWard, string receivingUnitName, CancellationToken ct)
    {
        var errors = new List<Error>();
        if (string.IsNullOrWhiteSpace(request.ProcedureCode))
        {
            return (null, [Error.Required("procedureCode", "thủ tục hành chính")]);
        }

        var procedure = await catalog.CurrentAsync(request.ProcedureCode.Trim(), ct);
        if (procedure is null)
        {
            return (null, [Error.Invalid("procedureCode", $"Không có thủ tục mã {request.ProcedureCode} trong danh mục.")]);
        }

        var content = procedure.Content;
        if (content.Channels.Count > 0 && content.Channels.All(c => c.Channel != channel))
        {
            errors.Add(Error.Invalid("procedureCode", channel == Channel.Online
                ? "Thủ tục này không tiếp nhận hồ sơ trực tuyến."
                : "Thủ tục này không tiếp nhận hồ sơ trực tiếp tại quầy."));
        }

        DocumentGroup? group = null;
        if (content.DocumentGroups.Count > 0)
        {
            if (request.CaseIndex < 0 || request.CaseIndex >= content.DocumentGroups.Count)
            {
                errors.Add(Error.Invalid("caseIndex", $"Trường hợp số {(long)request.CaseIndex + 1} không có trong thủ tục (có {content.DocumentGroups.Count} trường hợp)."));
            }
            else
            {
                group = content.DocumentGroups[request.CaseIndex];
            }
        }

        var applicant = await ApplicantAsync(request.Applicant, errors, ct);
        var submitter = Submitter(request.Submitter, errors);
        var (documents, attachments) = await ChecklistAsync(group, request, channel, errors, ct);
        if (submitter is not null && request.Submitter?.Document is { } authorisation)
        {
            if (await AttachmentAsync(authorisation, DossierAttachment.AuthorisationDocument, Provision.Uploaded, ct) is { } file)
            {
                attachments.Add(file);
            }
            else
            {
                errors.Add(Error.Invalid("submitter.document", "Văn bản ủy quyền: tệp đính kèm không tồn tại, vui lòng tải lên lại."));
            }
        }
        if (request.Delivery == ResultDelivery.Post && string.IsNullOrWhiteSpace(request.PostAddress))
        {
            errors.Add(Error.Required("postAddress", "địa chỉ nhận kết quả qua bưu chính"));
        }

        TextLimits.Check(request.PostAddress?.Trim(), TextLimits.Address, "postAddress", "địa chỉ nhận kết quả qua bưu chính", errors);
        var formData = FormData(request.FormData, errors);

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var agency = await agencies.ResolveAsync(procedure, applicant.WardCode, receivingWard, ct);
        if (agency?.ElectronicId is null)
        {
            return (null, [Error.Conflict("Chưa xác định được cơ quan giải quyết thủ tục này (thiếu mã định danh điện tử). Vui lòng báo quản trị hệ thống.")]);
        }

        var time = content.Channels.FirstOrDefault(c => c.Channel == channel)?.Time ?? content.Channels.FirstOrDefault()?.Time;
        return (new Built(procedure, group, agency, applicant, submitter, documents, attachments, formData, time), []);
    }

    /// <summary>The e-form's values as stored with the dossier: each key and value within its limit, all of them within <see cref="TextLimits.FormData"/>.</summary>
    private static string FormData(IReadOnlyDictionary<string, string>? values, List<Error> errors)
    {
        foreach (var (key, value) in values ?? new Dictionary<string, string>())
        {
            if (key.Length > TextLimits.Code || value is null || value.Length > TextLimits.FormValue)
            {
                errors.Add(key.Length > TextLimits.Code
                    ? Error.Invalid("formData", $"Tên trường của biểu mẫu dài quá {TextLimits.Code} ký tự.")
                    : TextLimits.TooLong($"formData.{key}", $"giá trị của trường \"{key}\" trong biểu mẫu", TextLimits.FormValue));
                return "{}";
            }
        }

        var json = JsonSerializer.Serialize(values ?? new Dictionary<string, string>());
        if (json.Length > TextLimits.FormData)
        {
            errors.Add(TextLimits.TooLong("formData", "dữ liệu biểu mẫu", TextLimits.FormData));
            return "{}";
        }

        return json;
    }

    public static string DeliveryText(ResultDelivery delivery, string? postAddress, string receivingUnitName) => delivery switch
    {
        ResultDelivery.Post => $"Qua dịch vụ bưu chính công ích: {postAddress?.Trim()}",
        ResultDelivery.Online => "Trực tuyến, vào kho dữ liệu điện tử của công dân",
        _ => $"Trực tiếp tại {receivingUnitName}",
    };

    private async Task<Applicant> ApplicantAsync(ApplicantInput? input, List<Error> errors, CancellationToken ct)
    {
        var a = new Applicant();
        if (input is null)
        {
            errors.Add(Error.Required("applicant.name", "thông tin người nộp hồ sơ"));
            return a;
        }

        a.Kind = input.Kind;
        a.Name = (input.Name ?? "").Trim();
        a.IdNumber = (input.IdNumber ?? "").Trim();
        a.DateOfBirth = input.DateOfBirth;
        a.Phone = (input.Phone ?? "").Replace(" ", "", StringComparison.Ordinal).Replace(".", "", StringComparison.Ordinal);
        a.Email = (input.Email ?? "").Trim();
        a.Address = (input.Address ?? "").Trim();
        a.WardCode = string.IsNullOrWhiteSpace(input.WardCode) ? null : input.WardCode.Trim();

        if (a.Name.Length == 0)
        {
            errors.Add(Error.Required("applicant.name", a.Kind == ApplicantKind.Organisation ? "tên tổ chức" : "họ tên người nộp"));
        }
        else
        {
            TextLimits.Check(a.Name, TextLimits.Name, "applicant.name", a.Kind == ApplicantKind.Organisation ? "tên tổ chức" : "họ tên", errors);
        }

        TextLimits.Check(a.Address, TextLimits.Address, "applicant.address", "địa chỉ", errors);
        if (a.Kind == ApplicantKind.Citizen && !IsDigits(a.IdNumber, 12))
        {
            errors.Add(Error.Invalid("applicant.idNumber", "Số định danh cá nhân (CCCD) phải gồm đúng 12 chữ số."));
        }
        else if (a.Kind == ApplicantKind.Organisation)
        {
            if (Applicants.EnterpriseCode.Normalize(a.IdNumber) is { } code)
            {
                a.IdNumber = code;
            }
            else
            {
                errors.Add(Error.Invalid("applicant.idNumber", Applicants.EnterpriseCode.Message));
            }
        }

        if (a.DateOfBirth is { } dob && (dob.Year < 1900 || dob > DateOnly.FromDateTime(DateTime.UtcNow)))
        {
            errors.Add(Error.Invalid("applicant.dateOfBirth", "Ngày sinh không hợp lệ."));
        }

        if (a.Phone.Length > 0 && !(a.Phone.Length is >= 10 and <= 11 && a.Phone[0] == '0' && a.Phone.All(char.IsAsciiDigit)))
        {
            errors.Add(Error.Invalid("applicant.phone", "Số điện thoại phải gồm 10–11 chữ số, bắt đầu bằng 0."));
        }

        if (!TextLimits.Check(a.Email, TextLimits.Email, "applicant.email", "địa chỉ thư điện tử", errors))
        {
            a.Email = "";
        }
        else if (a.Email.Length > 0 && !MailAddress.TryCreate(a.Email, out _))
        {
            errors.Add(Error.Invalid("applicant.email", "Địa chỉ thư điện tử không hợp lệ."));
        }

        if (a.WardCode is { Length: > TextLimits.Code })
        {
            errors.Add(Error.Invalid("applicant.wardCode", "Mã phường/xã không hợp lệ."));
        }
        else if (a.WardCode is not null && await directory.WardNameAsync(a.WardCode, ct) is null)
        {
            errors.Add(Error.Invalid("applicant.wardCode", $"Không có phường/xã mã {a.WardCode}."));
        }

        return a;
    }

    private static Submitter? Submitter(SubmitterInput? input, List<Error> errors)
    {
        if (input is null || (string.IsNullOrWhiteSpace(input.Name) && string.IsNullOrWhiteSpace(input.IdNumber)))
        {
            return null;
        }

        var s = new Submitter
        {
            Name = (input.Name ?? "").Trim(),
            IdNumber = (input.IdNumber ?? "").Trim(),
            Phone = (input.Phone ?? "").Trim(),
            Authorisation = (input.Authorisation ?? "").Trim(),
            Position = (input.Position ?? "").Trim(),
        };
        if (s.Name.Length == 0)
        {
            errors.Add(Error.Required("submitter.name", "họ tên người nộp thay"));
        }

        TextLimits.Check(s.Name, TextLimits.Name, "submitter.name", "họ tên người nộp thay", errors);
        if (s.Phone.Length > 0 && !(s.Phone.Length is >= 10 and <= 11 && s.Phone.All(char.IsAsciiDigit)))
        {
            TextLimits.Check(s.Phone, TextLimits.Phone, "submitter.phone", "số điện thoại người nộp thay", errors);
        }

        if (!IsDigits(s.IdNumber, 12))
        {
            errors.Add(Error.Invalid("submitter.idNumber", "Số định danh của người nộp thay phải gồm đúng 12 chữ số."));
        }

        if (s.Authorisation.Length == 0)
        {
            errors.Add(Error.Required("submitter.authorisation", "giấy ủy quyền hoặc căn cứ nộp thay"));
        }
        else
        {
            TextLimits.Check(s.Authorisation, TextLimits.Authorisation, "submitter.authorisation", "căn cứ nộp thay", errors);
        }

        TextLimits.Check(s.Position, TextLimits.Name, "submitter.position", "chức vụ", errors);

        return s;
    }

    private async Task<(List<DossierDocument>, List<DossierAttachment>)> ChecklistAsync(DocumentGroup? group, ReceptionRequest request, Channel channel, List<Error> errors, CancellationToken ct)
    {
        var documents = new List<DossierDocument>();
        var attachments = new List<DossierAttachment>();
        var given = (request.Documents ?? []).ToDictionary(d => d.Number, d => d);
        var required = group?.Documents ?? [];
        foreach (var number in given.Keys.Where(n => n < 1 || n > required.Count))
        {
            errors.Add(Error.Invalid("documents", $"Giấy tờ số {number} không có trong thành phần hồ sơ của trường hợp đã chọn."));
        }

        for (var i = 0; i < required.Count; i++)
        {
            var doc = required[i];
            var line = given.GetValueOrDefault(i + 1);
            var provision = line?.Provision ?? Provision.Missing;
            if (provision == Provision.NotApplicable && doc.When is null)
            {
                errors.Add(Error.Invalid($"documents[{i + 1}]", NotApplicableReasons.Required(doc.Name)));
            }

            // A conditional paper asks only for what applies: its channel condition is decided here (a paper declaration
            // is not asked of an online filing), the authorisation only when someone files for the applicant, and a
            // conditional paper not handed in is recorded as not applicable rather than missing.
            if (doc.When is { } when && (line?.Attachments ?? []).Count == 0
                && (ProcedureLabels.AppliesOn(when.Kind, channel) == false
                    || (when.Kind == ConditionKind.FiledByRepresentative && request.Submitter is null && provision is Provision.Missing or Provision.PaperOnly && channel == Channel.Online)
                    || provision == Provision.Missing))
            {
                provision = Provision.NotApplicable;
            }

            if (request.Action == ReceptionAction.Receive && provision == Provision.Missing)
            {
                errors.Add(Error.Invalid($"documents[{i + 1}]", $"Thiếu giấy tờ: {doc.Name}."));
            }

            // TT 01/2023: paper is scanned at reception; at the counter, not scanning it needs the officer's reason from
            // the list. (An online filing's line without a file is paper the citizen still has to bring.)
            var paperOnlyReason = provision == Provision.PaperOnly ? line?.PaperOnlyReason : null;
            if (provision == Provision.NotApplicable)
            {
                // Why it does not apply: the words given, else the condition's own ("Người yêu cầu tự nộp, không ủy quyền").
                var reason = NotApplicableReasons.Clean(line?.NotApplicableReason);
                if (reason is { Length: > DossierDocument.ReasonLength })
                {
                    errors.Add(Error.Invalid($"documents[{i + 1}].notApplicableReason", NotApplicableReasons.TooLong(doc.Name)));
                }

                documents.Add(new DossierDocument
                {
                    Number = i + 1,
                    Name = LineName(doc.Name),
                    Originals = 0,
                    Copies = 0,
                    Provision = provision,
                    NotApplicableReason = reason ?? (doc.When is { } condition ? NotApplicableReasons.Officer(condition, channel) : null),
                });
                continue;
            }

            if (channel == Channel.Counter && provision == Provision.PaperOnly && (paperOnlyReason is null || !Enum.IsDefined(paperOnlyReason.Value)))
            {
                errors.Add(Error.Invalid($"documents[{i + 1}].paperOnlyReason", PaperOnlyReasons.Required(doc.Name)));
            }

            var refs = line?.Attachments ?? [];
            if (request.Action == ReceptionAction.Receive && provision is Provision.DigitizedAtCounter or Provision.Uploaded or Provision.Reused && refs.Count == 0)
            {
                errors.Add(Error.Invalid($"documents[{i + 1}]", $"\"{doc.Name}\": cần đính kèm bản số hóa."));
            }

            foreach (var r in refs)
            {
                if (r.FileName is { Length: > TextLimits.FileName })
                {
                    errors.Add(TextLimits.TooLong($"documents[{i + 1}]", "tên tệp đính kèm", TextLimits.FileName));
                }
                else if (await AttachmentAsync(r, i + 1, provision, ct) is { } file)
                {
                    attachments.Add(file);
                }
                else
                {
                    errors.Add(Error.Invalid($"documents[{i + 1}]", $"\"{doc.Name}\": tệp đính kèm không tồn tại, vui lòng tải lên lại."));
                }
            }

            documents.Add(new DossierDocument
            {
                Number = i + 1,
                Name = LineName(doc.Name),
                Originals = Math.Clamp(line?.Originals ?? doc.Originals, 0, 100),
                Copies = Math.Clamp(line?.Copies ?? doc.Copies, 0, 100),
                Provision = provision,
                PaperOnlyReason = paperOnlyReason,
            });
        }

        return (documents, attachments);
    }

    /// <summary>
    /// The paper's name as the dossier keeps it (the column holds 1,000 characters): the catalog's text, cut at a word
    /// with "…" when longer — a construction permit's papers run to 4,700 characters; the full text stays in the
    /// procedure version the dossier points to.
    /// </summary>
    private static string LineName(string name)
    {
        const int max = 1000;
        if (name.Length <= max)
        {
            return name;
        }

        var cut = name.LastIndexOf(' ', max - 2);
        return name[..(cut > max / 2 ? cut : max - 1)].TrimEnd() + "…";
    }

    /// <summary>The attachment row for a stored file (its type read from its content), or null when the store does not have it.</summary>
    private async Task<DossierAttachment?> AttachmentAsync(AttachmentRef r, int documentNumber, Provision provision, CancellationToken ct)
    {
        await using var stream = IsSha(r.Sha256) ? await files.OpenAsync(r.Sha256, ct) : null;
        if (stream is null)
        {
            return null;
        }

        var head = new byte[8];
        var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        var type = FileKinds.Sniff(head.AsSpan(0, read)) ?? "application/octet-stream";
        return new DossierAttachment
        {
            DocumentNumber = documentNumber,
            Sha256 = r.Sha256,
            FileName = FileKinds.SafeName(r.FileName, type),
            ContentType = type,
            Size = stream.Length,
            Provision = provision,
        };
    }

    private static bool IsDigits(string s, int length) => s.Length == length && s.All(char.IsAsciiDigit);

    private static bool IsSha(string s) => s.Length == 64 && s.All(char.IsAsciiHexDigitLower);
}
