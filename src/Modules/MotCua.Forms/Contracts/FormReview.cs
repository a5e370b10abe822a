using System.Globalization;

namespace MotCua.Forms.Contracts;

/// <summary>One line of a filled-in form as people read it: the field's label and its value in words.</summary>
public sealed record ReviewLine(string Section, string Label, string Text);

/// <summary>
/// A filled-in form for reading (the review before submitting, the dossier's declaration afterwards): names, not
/// codes — the option's label, the ward's and province's names ("12 Phố Quán Thánh, Phường Ba Đình, Thành phố Hà
/// Nội"), dates as dd/MM/yyyy, "Có"/"Không" for a checkbox, numbers with Vietnamese digit grouping, and each row of a
/// repeating group. Reads the values <see cref="FormValidator"/> returned (the address key holds the address in words).
/// Hidden and empty fields are left out; uploads are the host's to show.
/// </summary>
public static class FormReview
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static IReadOnlyList<ReviewLine> Lines(FormDefinition definition, IReadOnlyDictionary<string, string> values)
    {
        var lines = new List<ReviewLine>();
        foreach (var section in definition.Sections)
        {
            foreach (var field in section.Fields.Where(f => f.Type != FieldTypes.File))
            {
                if (field.Type == FieldTypes.Group)
                {
                    var rows = FormNames.RowCount(values, field.Key, 0, ValidateFormDefinition.MaxItemsLimit);
                    for (var i = 0; i < rows; i++)
                    {
                        var parts = (field.Fields ?? []).Where(s => s.Type != FieldTypes.File)
                            .Select(s => (s.Label, Text: Text(s, values, FormNames.Row(field.Key, i, s.Key))))
                            .Where(p => p.Text.Length > 0)
                            .Select(p => $"{p.Label}: {p.Text}");
                        lines.Add(new ReviewLine(section.Title, $"{field.Label} — {field.ItemLabel ?? "Dòng"} {i + 1}", string.Join("; ", parts)));
                    }

                    continue;
                }

                var text = Text(field, values, field.Key);
                if (text.Length > 0)
                {
                    lines.Add(new ReviewLine(section.Title, field.Label, text));
                }
            }
        }

        return lines;
    }

    /// <summary>One value in words; "" when it is empty or absent (a hidden field).</summary>
    public static string Text(FormField field, IReadOnlyDictionary<string, string> values, string name)
    {
        if (!values.TryGetValue(name, out var raw) || string.IsNullOrWhiteSpace(raw))
        {
            return field.Type == FieldTypes.Address && values.TryGetValue(FormNames.Part(name, FormNames.Street), out var street) ? street : "";
        }

        var value = raw.Trim();
        return field.Type switch
        {
            FieldTypes.Date => FormDates.Show(value),
            FieldTypes.Select => field.Options?.FirstOrDefault(o => o.Value == value)?.Label ?? value,
            FieldTypes.Checkbox => FormValidator.IsChecked(value) ? "Có" : "Không",
            FieldTypes.Number when decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) => number.ToString("#,0.######", Vietnamese),
            _ => value,
        };
    }
}
