using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using MotCua.Platform.Storage;

namespace MotCua.Forms.Contracts;

/// <summary>An uploaded file as the host saw it: its name, its sniffed content type (<see cref="FileKinds.Sniff"/>) and its size.</summary>
public sealed record UploadedFile(string FileName, string ContentType, long Length);

/// <summary>A province (no <paramref name="ProvinceCode"/>) or a ward/commune of the administrative-unit data.</summary>
public sealed record AddressUnit(string Code, string Name, string? ProvinceCode);

/// <summary>
/// What the validator needs to know besides the form: today (Vietnam), the administrative units the posted
/// address codes name (looked up by the caller, see <see cref="FormValidator.UnitCodes"/>), and whether the
/// population registry knows the applicant (then the <see cref="FormField.WaivedByRegistry"/> uploads are not asked for).
/// </summary>
public sealed record FormContext(DateOnly Today, IReadOnlyDictionary<string, AddressUnit> Units, bool RegistryWaives = true);

public sealed record FieldError(string Name, string Message);

/// <summary>The outcome: the normalized values of the visible fields (rows renumbered) and the errors, in form order.</summary>
public sealed record FormCheck(IReadOnlyDictionary<string, string> Values, IReadOnlyList<FieldError> Errors)
{
    public bool IsValid => Errors.Count == 0;

    /// <summary>The first error of each posted name, for the renderer.</summary>
    public IReadOnlyDictionary<string, string> ErrorMap
        => Errors.GroupBy(e => e.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Message, StringComparer.Ordinal);
}

/// <summary>
/// Checks the values an HTML form posts (a flat name → text dictionary, as in "applicant.name", "members[0].name")
/// and the uploads against a form definition: pure, no I/O. Hidden fields (visibleWhen false) are neither
/// checked nor kept, so a hidden field is never required; unknown names are ignored; a value longer than its
/// field allows is refused, never cut. Messages are Vietnamese and name the field by its label.
/// </summary>
public static partial class FormValidator
{
    public const int DefaultTextLength = 200;
    public const int DefaultTextareaLength = 2000;
    public const int StreetLength = 200;
    public const int EmailLength = 254;

    private static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(100);

    public static FormCheck Run(FormDefinition definition, IReadOnlyDictionary<string, string> values, IReadOnlyDictionary<string, UploadedFile>? files, FormContext context)
    {
        var run = new Checker(definition, values, files ?? new Dictionary<string, UploadedFile>(), context);
        foreach (var field in definition.Fields)
        {
            run.Field(field, field.Key, field.Label, Scope.Top);
        }

        return new FormCheck(run.Output, run.Errors);
    }

    /// <summary>The province and ward codes posted for the form's address fields, for the caller to look up.</summary>
    public static IReadOnlySet<string> UnitCodes(FormDefinition definition, IReadOnlyDictionary<string, string> values)
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        void Add(string name)
        {
            foreach (var part in (string[])[FormNames.Province, FormNames.Ward])
            {
                if (values.TryGetValue(FormNames.Part(name, part), out var code) && code.Trim() is { Length: > 0 and <= 10 } trimmed)
                {
                    codes.Add(trimmed);
                }
            }
        }

        foreach (var field in definition.Fields)
        {
            if (field.Type == FieldTypes.Address)
            {
                Add(field.Key);
            }
            else if (field.Type == FieldTypes.Group && field.Fields is { } subs)
            {
                var rows = FormNames.RowCount(values, field.Key, 0, field.MaxItems ?? ValidateFormDefinition.DefaultMaxItems);
                foreach (var sub in subs.Where(s => s.Type == FieldTypes.Address))
                {
                    for (var i = 0; i < rows; i++)
                    {
                        Add(FormNames.Row(field.Key, i, sub.Key));
                    }
                }
            }
        }

        return codes;
    }

    /// <summary>Whether a field is shown with these values (its visibleWhen holds, and the field it tests is shown).</summary>
    public static bool IsVisible(FormDefinition definition, FormField field, IReadOnlyDictionary<string, string> values)
        => new Checker(definition, values, new Dictionary<string, UploadedFile>(), new FormContext(default, new Dictionary<string, AddressUnit>())).Visible(field, Scope.Top, 0);

    /// <summary>The value a condition compares: a checkbox is "true" or "false", anything else its trimmed text.</summary>
    public static string ConditionValue(FormField field, string? raw)
        => field.Type == FieldTypes.Checkbox ? (IsChecked(raw) ? "true" : "false") : raw?.Trim() ?? "";

    public static bool IsChecked(string? raw) => raw?.Trim().ToLowerInvariant() is "true" or "on" or "1";

    /// <summary>The rows of a group are read in the names of this scope; sibling keys resolve to the same row.</summary>
    private sealed record Scope(string? Group, int Row, IReadOnlyDictionary<string, FormField>? Siblings, string? RowLabel)
    {
        public static readonly Scope Top = new(null, 0, null, null);
    }

    private sealed class Checker(FormDefinition definition, IReadOnlyDictionary<string, string> values, IReadOnlyDictionary<string, UploadedFile> files, FormContext context)
    {
        private readonly Dictionary<string, FormField> top = definition.Fields.Where(f => f.Key.Length > 0).DistinctBy(f => f.Key).ToDictionary(f => f.Key, StringComparer.Ordinal);

        public Dictionary<string, string> Output { get; } = new(StringComparer.Ordinal);

        public List<FieldError> Errors { get; } = [];

        /// <summary>Checks one field posted as <paramref name="name"/> and writes its normalized value(s) under <paramref name="outName"/>.</summary>
        public void Field(FormField field, string name, string label, Scope scope, string? outName = null)
        {
            outName ??= name;
            if (!Visible(field, scope, 0))
            {
                return;
            }

            var required = field.Required || (field.RequiredWhen is { } when && Holds(when, scope));
            switch (field.Type)
            {
                case FieldTypes.Group:
                    Group(field, name, label);
                    return;
                case FieldTypes.Address:
                    Address(field, name, label, required, outName);
                    return;
                case FieldTypes.File:
                    File(field, name, label, required, outName);
                    return;
                case FieldTypes.Checkbox:
                    var isChecked = IsChecked(Raw(name));
                    if (required && !isChecked)
                    {
                        Fail(name, $"Vui lòng đánh dấu vào ô \"{label}\".");
                    }

                    Output[outName] = isChecked ? "true" : "false";
                    return;
            }

            var raw = Raw(name) ?? "";
            if (raw.Length > ValidateFormDefinition.MaxValueChars)
            {
                Fail(name, $"{label} dài quá {ValidateFormDefinition.MaxValueChars} ký tự.");
                return;
            }

            var value = field.Type == FieldTypes.Textarea
                ? raw.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim().Normalize(NormalizationForm.FormC)
                : OneLine(raw);
            if (value.Length == 0)
            {
                if (required)
                {
                    Fail(name, field.Type == FieldTypes.Select ? $"Vui lòng chọn {label}." : $"Vui lòng nhập {label}.");
                }

                Output[outName] = "";
                return;
            }

            var normalized = field.Type switch
            {
                FieldTypes.Number => Number(field, name, label, value),
                FieldTypes.Date => Date(field, name, label, value),
                FieldTypes.IdNumber => IdNumber(name, label, value),
                FieldTypes.Phone => Phone(name, label, value),
                FieldTypes.Email => Email(field, name, label, value),
                FieldTypes.Select => Select(field, name, label, value),
                _ => Text(field, name, label, value),
            };
            if (normalized is not null)
            {
                Output[outName] = normalized;
            }
        }

        public bool Visible(FormField field, Scope scope, int depth)
        {
            if (field.VisibleWhen is not { } when)
            {
                return true;
            }

            // A stored definition has no cycles (ValidateFormDefinition); the depth guard keeps a bad one from looping.
            return depth < 20 && Holds(when, scope, depth + 1);
        }

        private bool Holds(FieldCondition condition, Scope scope, int depth = 0)
        {
            FormField target;
            string name;
            Scope targetScope;
            if (scope.Siblings is { } siblings && siblings.TryGetValue(condition.Field, out var sibling))
            {
                (target, name, targetScope) = (sibling, FormNames.Row(scope.Group!, scope.Row, condition.Field), scope);
            }
            else if (top.TryGetValue(condition.Field, out var other))
            {
                (target, name, targetScope) = (other, condition.Field, Scope.Top);
            }
            else
            {
                return condition.Holds("");
            }

            return condition.Holds(Visible(target, targetScope, depth) ? ConditionValue(target, Raw(name)) : "");
        }

        private void Group(FormField field, string name, string label)
        {
            var subs = field.Fields ?? [];
            var max = field.MaxItems ?? ValidateFormDefinition.DefaultMaxItems;
            var min = field.MinItems ?? (field.Required ? 1 : 0);
            var item = field.ItemLabel ?? "Dòng";
            var posted = FormNames.RowCount(values, name, 0, int.MaxValue);
            if (posted > max)
            {
                Fail(name, $"{label}: chỉ được khai tối đa {max} {item.ToLowerInvariant()} (đang có {posted}).");
            }

            var siblings = subs.Where(s => s.Key.Length > 0).DistinctBy(s => s.Key).ToDictionary(s => s.Key, StringComparer.Ordinal);
            var filled = 0;
            for (var i = 0; i < Math.Min(posted, max); i++)
            {
                // A row left entirely empty (added, then not filled) is dropped rather than refused.
                if (subs.All(s => IsBlank(s, FormNames.Row(name, i, s.Key))))
                {
                    continue;
                }

                var scope = new Scope(name, i, siblings, $"{item} thứ {i + 1}");
                foreach (var sub in subs)
                {
                    Field(sub, FormNames.Row(name, i, sub.Key), $"{sub.Label} ({scope.RowLabel})", scope, FormNames.Row(name, filled, sub.Key));
                }

                filled++;
            }

            if (filled < min)
            {
                Fail(name, min == 1
                    ? $"{label}: vui lòng khai ít nhất một {item.ToLowerInvariant()}."
                    : $"{label}: vui lòng khai ít nhất {min} {item.ToLowerInvariant()} (đang có {filled}).");
            }

            Output[FormNames.CountOf(name)] = filled.ToString(CultureInfo.InvariantCulture);
        }

        private bool IsBlank(FormField field, string name) => field.Type switch
        {
            FieldTypes.Checkbox => !IsChecked(Raw(name)),
            FieldTypes.Address => new[] { FormNames.Province, FormNames.Ward, FormNames.Street }.All(p => string.IsNullOrWhiteSpace(Raw(FormNames.Part(name, p)))),
            _ => string.IsNullOrWhiteSpace(Raw(name)),
        };

        private void Address(FormField field, string name, string label, bool required, string outName)
        {
            var provinceName = FormNames.Part(name, FormNames.Province);
            var wardName = FormNames.Part(name, FormNames.Ward);
            var streetName = FormNames.Part(name, FormNames.Street);
            var province = (Raw(provinceName) ?? "").Trim();
            var ward = (Raw(wardName) ?? "").Trim();
            var streetRaw = Raw(streetName) ?? "";
            var street = OneLine(streetRaw);
            var before = Errors.Count;

            AddressUnit? provinceUnit = null;
            AddressUnit? wardUnit = null;
            if (ward.Length > 0)
            {
                if (!context.Units.TryGetValue(ward, out wardUnit) || wardUnit.ProvinceCode is null)
                {
                    Fail(wardName, $"Phường, xã đã chọn cho {label} không có trong danh mục đơn vị hành chính.");
                    wardUnit = null;
                }
                else if (province.Length == 0)
                {
                    province = wardUnit.ProvinceCode;
                }
                else if (!string.Equals(wardUnit.ProvinceCode, province, StringComparison.Ordinal))
                {
                    Fail(wardName, $"Phường, xã đã chọn không thuộc tỉnh, thành phố đã chọn cho {label}; chọn lại phường, xã (bấm \"Chọn\" sau khi đổi tỉnh, thành phố).");
                    wardUnit = null;
                }
            }

            if (province.Length > 0 && (!context.Units.TryGetValue(province, out provinceUnit) || provinceUnit.ProvinceCode is not null))
            {
                // A province matching a known ward is right even when the caller did not look it up.
                provinceUnit = null;
                if (!string.Equals(wardUnit?.ProvinceCode, province, StringComparison.Ordinal))
                {
                    Fail(provinceName, $"Tỉnh, thành phố đã chọn cho {label} không có trong danh mục đơn vị hành chính.");
                }
            }

            // A province alone (the picker starts on Hà Nội) is not an address.
            var anything = ward.Length > 0 || street.Length > 0;
            if (required || anything)
            {
                if (province.Length == 0)
                {
                    Fail(provinceName, $"Vui lòng chọn tỉnh, thành phố ({label}).");
                }

                if (ward.Length == 0)
                {
                    Fail(wardName, $"Vui lòng chọn phường, xã ({label}).");
                }

                if (street.Length == 0)
                {
                    Fail(streetName, $"Vui lòng nhập số nhà, đường phố hoặc thôn, xóm ({label}).");
                }
            }

            if (streetRaw.Length > StreetLength)
            {
                Fail(streetName, $"Số nhà, đường phố ({label}) dài quá {StreetLength} ký tự.");
            }

            if (Errors.Count > before)
            {
                return;
            }

            Output[FormNames.Part(outName, FormNames.Province)] = province;
            Output[FormNames.Part(outName, FormNames.Ward)] = ward;
            Output[FormNames.Part(outName, FormNames.Street)] = street;
            Output[outName] = anything ? string.Join(", ", new[] { street, wardUnit?.Name, provinceUnit?.Name }.Where(p => !string.IsNullOrEmpty(p))) : "";
        }

        private void File(FormField field, string name, string label, bool required, string outName)
        {
            if (field.WaivedByRegistry && context.RegistryWaives)
            {
                return;
            }

            var existing = (Raw(name) ?? "").Trim();
            if (!files.TryGetValue(name, out var upload) || (upload.Length == 0 && string.IsNullOrEmpty(upload.FileName)))
            {
                if (existing.Length > 0 && existing.Length <= 300)
                {
                    Output[outName] = existing;
                }
                else if (required)
                {
                    Fail(name, $"Vui lòng tải lên {label}.");
                }

                return;
            }

            var accept = field.Accept is { Count: > 0 } a ? a : FileKinds.Accepted;
            var maxMb = Math.Min(field.MaxSizeMb ?? ValidateFormDefinition.MaxFileMb, ValidateFormDefinition.MaxFileMb);
            if (upload.Length == 0)
            {
                Fail(name, $"{label}: tệp đã chọn rỗng; vui lòng chọn lại tệp.");
            }
            else if (!accept.Contains(upload.ContentType, StringComparer.Ordinal))
            {
                Fail(name, $"{label}: chỉ nhận tệp {string.Join(", ", accept.Select(TypeName))}.");
            }
            else if (upload.Length > maxMb * 1024L * 1024L)
            {
                Fail(name, $"{label}: tệp lớn quá {maxMb} MB (tệp đã chọn {(upload.Length / 1024d / 1024d).ToString("0.#", CultureInfo.InvariantCulture)} MB).");
            }
            else
            {
                Output[outName] = FileKinds.SafeName(upload.FileName, upload.ContentType);
            }
        }

        private string? Text(FormField field, string name, string label, string value)
        {
            var max = field.MaxLength ?? (field.Type == FieldTypes.Textarea ? DefaultTextareaLength : DefaultTextLength);
            if (value.Length > max)
            {
                return Fail(name, $"{label} dài quá {max} ký tự (đang có {value.Length}).");
            }

            if (field.MinLength is { } min && value.Length < min)
            {
                return Fail(name, $"{label} phải có ít nhất {min} ký tự.");
            }

            if (field.Pattern is { } pattern)
            {
                bool matches;
                try
                {
                    matches = Regex.IsMatch(value, $"^(?:{pattern})$", RegexOptions.CultureInvariant, PatternTimeout);
                }
                catch (Exception ex) when (ex is RegexMatchTimeoutException or ArgumentException)
                {
                    matches = false;
                }

                if (!matches)
                {
                    return Fail(name, field.PatternMessage ?? $"{label} không đúng định dạng.");
                }
            }

            return value;
        }

        private string? Number(FormField field, string name, string label, string value)
        {
            var decimals = field.Decimals ?? 0;
            var text = value.Replace(" ", "", StringComparison.Ordinal);
            if (decimals == 0 && ThousandsPattern().IsMatch(text))
            {
                // "1.000.000" or "1,000,000": thousands separators of a whole number.
                text = text.Replace(".", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal);
            }
            else if (text.Contains(',', StringComparison.Ordinal))
            {
                // Vietnamese writing: "1.234,5" — dots group thousands, the comma is the decimal separator.
                text = text.Replace(".", "", StringComparison.Ordinal).Replace(',', '.');
            }

            if (!NumberPattern().IsMatch(text) || text.Length > 30
                || !decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            {
                return Fail(name, $"{label} phải là một số{(decimals == 0 ? " nguyên" : "")} (ví dụ: {(decimals == 0 ? "12" : "12,5")}).");
            }

            var fraction = text.Contains('.', StringComparison.Ordinal) ? text.Length - text.IndexOf('.', StringComparison.Ordinal) - 1 : 0;
            if (fraction > decimals)
            {
                return Fail(name, decimals == 0 ? $"{label} phải là số nguyên." : $"{label} chỉ được có tối đa {decimals} chữ số sau dấu phẩy.");
            }

            if ((field.Min is { } min && number < min) || (field.Max is { } max && number > max))
            {
                return Fail(name, (field.Min, field.Max) switch
                {
                    ({ } lo, { } hi) => $"{label} phải từ {Show(lo)} đến {Show(hi)}.",
                    ({ } lo, null) => $"{label} không được nhỏ hơn {Show(lo)}.",
                    (null, { } hi) => $"{label} không được lớn hơn {Show(hi)}.",
                    _ => $"{label} không hợp lệ.",
                });
            }

            return number.ToString(CultureInfo.InvariantCulture);
        }

        private string? Date(FormField field, string name, string label, string value)
        {
            if (!FormDates.TryParse(value, out var date))
            {
                return Fail(name, $"{label} không phải là ngày hợp lệ; nhập theo dạng ngày/tháng/năm, ví dụ 14/03/1990.");
            }

            if (field.MinDate is { } minText && ValidateFormDefinition.TryDate(minText, context.Today, out var min) && date < min)
            {
                return Fail(name, IsToday(minText) ? $"{label} không được trước ngày hôm nay." : $"{label} không được trước ngày {Show(min)}.");
            }

            if (field.MaxDate is { } maxText && ValidateFormDefinition.TryDate(maxText, context.Today, out var max) && date > max)
            {
                return Fail(name, IsToday(maxText) ? $"{label} không được sau ngày hôm nay."
                    : ValidateFormDefinition.YearsBefore(maxText) is { } years ? $"{label}: người này phải đủ {years} tuổi (sinh không sau ngày {Show(max)})."
                    : $"{label} không được sau ngày {Show(max)}.");
            }

            return FormDates.Iso(date);
        }

        private string? IdNumber(string name, string label, string value)
        {
            var cleaned = VietnameseNumbers.CleanId(value);
            return VietnameseNumbers.CheckId(cleaned) switch
            {
                VietnameseNumbers.IdProblem.NotTwelveDigits => Fail(name, $"{label} phải gồm 12 chữ số."),
                VietnameseNumbers.IdProblem.UnknownProvince => Fail(name, $"{label} không đúng: 3 chữ số đầu phải là mã tỉnh, thành phố nơi đăng ký khai sinh (từ 001 đến 096)."),
                _ => cleaned,
            };
        }

        private string? Phone(string name, string label, string value)
            => VietnameseNumbers.NormalizePhone(value)
                ?? Fail(name, $"{label} không đúng: nhập số di động 10 chữ số (ví dụ 0912345678) hoặc số cố định kèm mã vùng (ví dụ 02438253535).");

        private string? Email(FormField field, string name, string label, string value)
        {
            var max = field.MaxLength ?? EmailLength;
            if (value.Length > max)
            {
                return Fail(name, $"{label} dài quá {max} ký tự.");
            }

            return EmailPattern().IsMatch(value) ? value : Fail(name, $"{label} không đúng định dạng thư điện tử (ví dụ: ten@example.vn).");
        }

        private string? Select(FormField field, string name, string label, string value)
            => field.Options?.Any(o => string.Equals(o.Value, value, StringComparison.Ordinal)) == true
                ? value
                : Fail(name, $"Giá trị đã chọn cho {label} không có trong danh sách; vui lòng chọn lại.");

        private string? Raw(string name) => values.TryGetValue(name, out var value) ? value : null;

        private string? Fail(string name, string message)
        {
            Errors.Add(new FieldError(name, message));
            return null;
        }

        private static string OneLine(string raw)
            => WhitespacePattern().Replace(raw, " ").Trim().Normalize(NormalizationForm.FormC);

        private static bool IsToday(string text) => string.Equals(text, "today", StringComparison.OrdinalIgnoreCase);

        private static string Show(decimal value) => value.ToString("#,0.######", CultureInfo.GetCultureInfo("vi-VN"));

        private static string Show(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

        private static string TypeName(string contentType) => contentType switch
        {
            "application/pdf" => "PDF",
            "image/jpeg" => "JPG",
            "image/png" => "PNG",
            _ => contentType,
        };
    }

    [GeneratedRegex("^-?\\d{1,3}([.,]\\d{3})+$", RegexOptions.CultureInvariant)]
    private static partial Regex ThousandsPattern();

    [GeneratedRegex("^-?\\d+(\\.\\d+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();

    [GeneratedRegex("^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    [GeneratedRegex("\\s+", RegexOptions.CultureInvariant)]
    private static partial Regex WhitespacePattern();
}
