using MotCua.Platform.Errors;

namespace MotCua.Platform.Text;

/// <summary>
/// How long the text people send may be: the one place these limits are defined. Use cases check their fields with
/// <see cref="Check"/> (so a page and the API refuse alike, with the field named and a Vietnamese message); every JSON
/// request body is also held to <see cref="ForMember"/> by member name and to <see cref="AnyText"/> for any string
/// (Http.JsonInput), before a use case runs. Database columns with a maximum length agree with these numbers.
/// </summary>
public static class TextLimits
{
    /// <summary>A person's or an organisation's name (column 200).</summary>
    public const int Name = 200;

    /// <summary>A postal address (column 500).</summary>
    public const int Address = 500;

    /// <summary>A phone number as typed, spaces and dots included (column 20 after they are removed).</summary>
    public const int Phone = 20;

    /// <summary>An e-mail address (column 200).</summary>
    public const int Email = 200;

    /// <summary>An ID number, a tax code, a receipt or document number (column 20 for ID numbers).</summary>
    public const int IdNumber = 20;

    /// <summary>A code: procedure, dossier, ward, point, service group, agency (columns 60).</summary>
    public const int Code = 60;

    /// <summary>A short label: a document's name in a supplement request, a position, a decision, an officer's user name.</summary>
    public const int Label = 300;

    /// <summary>A reason, a comment, a note, a question, a description (columns 2,000; a task's comment 4,000).</summary>
    public const int Reason = 2000;

    /// <summary>A legal basis or an authorisation (columns 1,000 and 500).</summary>
    public const int LegalBasis = 1000;

    /// <summary>A legal document's number or source cited for a change (column 500).</summary>
    public const int LegalDocument = 500;

    /// <summary>An authorisation to file for someone else (column 500).</summary>
    public const int Authorisation = 500;

    /// <summary>A file name as the browser sends it (stored made safe, at most 100 characters and the extension).</summary>
    public const int FileName = 255;

    /// <summary>One value of an e-form.</summary>
    public const int FormValue = 4000;

    /// <summary>All the values of an e-form together, as the JSON stored with the dossier.</summary>
    public const int FormData = 100_000;

    /// <summary>
    /// Any string in any JSON request body whose member has no named limit (the catalog's longest procedure text is
    /// about 9,300 characters).
    /// </summary>
    public const int AnyText = 50_000;

    /// <summary>Any list in any JSON request body (documents, attachments, supplement items, service groups …).</summary>
    public const int AnyList = 1000;

    private static readonly Dictionary<string, int> ByMember = new(StringComparer.OrdinalIgnoreCase)
    {
        ["name"] = Name,
        ["recipientName"] = Name,
        ["holderName"] = Name,
        ["officerName"] = Name,
        ["address"] = Address,
        ["postAddress"] = Address,
        ["phone"] = Phone,
        ["email"] = Email,
        ["idNumber"] = IdNumber,
        ["recipientIdNumber"] = IdNumber,
        ["receipt"] = Label,
        ["number"] = Label,
        ["position"] = Name,
        ["decision"] = Label,
        ["document"] = Label,
        ["officer"] = Label,
        ["assignee"] = Label,
        ["satisfaction"] = Label,
        ["procedureCode"] = Code,
        ["procedure"] = Code,
        ["ward"] = Code,
        ["kind"] = Code,
        ["dossierCode"] = Code,
        ["wardCode"] = Code,
        ["agencyCode"] = Code,
        ["point"] = Code,
        ["toPoint"] = Code,
        ["serviceGroup"] = Code,
        ["ticket"] = Code,
        ["reusedFrom"] = Code,
        ["sha256"] = 64,
        ["fileName"] = FileName,
        ["reason"] = Reason,
        ["comment"] = Reason,
        ["note"] = Reason,
        ["question"] = Reason,
        ["description"] = Reason,
        ["legalBasis"] = LegalBasis,
        ["legalDocument"] = LegalDocument,
        ["authorisation"] = Authorisation,
    };

    /// <summary>The limit of a JSON member by its name (any object, any module), or null when only <see cref="AnyText"/> applies.</summary>
    public static int? ForMember(string jsonName) => ByMember.TryGetValue(jsonName, out var max) ? max : null;

    /// <summary>A refusal when <paramref name="value"/> is longer than <paramref name="max"/> characters, naming the field.</summary>
    public static Error? Check(string? value, int max, string field, string label)
        => value is { Length: var length } && length > max ? TooLong(field, label, max) : null;

    /// <summary>Adds the refusal of <see cref="Check"/> to <paramref name="errors"/>; true when the value is within the limit.</summary>
    public static bool Check(string? value, int max, string field, string label, List<Error> errors)
    {
        if (Check(value, max, field, label) is { } error)
        {
            errors.Add(error);
            return false;
        }

        return true;
    }

    public static Error TooLong(string field, string label, int max)
        => new("too-long", $"{Capitalised(label)} dài quá {max.ToString("N0", Vietnamese)} ký tự.", 400, field);

    private static readonly System.Globalization.CultureInfo Vietnamese = System.Globalization.CultureInfo.GetCultureInfo("vi-VN");

    private static string Capitalised(string label) => label.Length == 0 ? label : char.ToUpperInvariant(label[0]) + label[1..];
}
