using System.Globalization;
using MotCua.Platform.Text;

namespace MotCua.Forms.Contracts;

/// <summary>What the identity and the population registry say about the applicant (the data a form need not ask for).</summary>
public sealed record CitizenFacts(string Name, DateOnly? DateOfBirth, string IdNumber, string Address, string Phone, string WardCode);

/// <summary>
/// Prefills a form from the citizen's facts so the applicant confirms rather than retypes: only fields with a
/// <see cref="FormField.Prefill"/> source, and only where nothing was typed yet.
/// </summary>
public static class FormPrefill
{
    public static Dictionary<string, string> Apply(FormDefinition definition, CitizenFacts citizen, IReadOnlyDictionary<string, string>? values = null)
    {
        var result = values is null ? new Dictionary<string, string>(StringComparer.Ordinal) : new Dictionary<string, string>(values, StringComparer.Ordinal);
        void Set(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value) && (!result.TryGetValue(name, out var typed) || string.IsNullOrWhiteSpace(typed)))
            {
                result[name] = value;
            }
        }

        foreach (var field in definition.Fields.Where(f => f.Prefill is not null))
        {
            if (field.Type == FieldTypes.Address)
            {
                if (field.Prefill == PrefillSources.Address)
                {
                    Set(FormNames.Part(field.Key, FormNames.Street), Street(citizen.Address));
                }

                Set(FormNames.Part(field.Key, FormNames.Ward), citizen.WardCode);
                continue;
            }

            Set(field.Key, field.Prefill switch
            {
                PrefillSources.Name => citizen.Name,
                PrefillSources.DateOfBirth => citizen.DateOfBirth?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                PrefillSources.IdNumber => citizen.IdNumber,
                PrefillSources.Address => citizen.Address,
                PrefillSources.Phone => citizen.Phone,
                PrefillSources.WardCode => citizen.WardCode,
                _ => null,
            });
        }

        return result;
    }

    /// <summary>"12 Phố Quán Thánh, Phường Ba Đình, Hà Nội" → "12 Phố Quán Thánh": the part before the ward, which the pickers hold.</summary>
    public static string Street(string address)
    {
        var parts = address.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var ward = Array.FindIndex(parts, p => VietnameseText.Fold(p) is var f
            && (f.StartsWith("phuong ", StringComparison.Ordinal) || f.StartsWith("xa ", StringComparison.Ordinal)
                || f.StartsWith("dac khu ", StringComparison.Ordinal) || f.StartsWith("thi tran ", StringComparison.Ordinal)));
        return ward > 0 ? string.Join(", ", parts[..ward]) : address.Trim();
    }
}
