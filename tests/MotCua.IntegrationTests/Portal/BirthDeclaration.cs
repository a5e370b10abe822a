using System.Text.Json.Nodes;

namespace MotCua.IntegrationTests.Portal;

/// <summary>
/// What the birth registration's e-form (seed/forms/1.001193.json) asks besides the applicant block: the declarant's
/// relation, the child and the mother (the father not declared). Tests that file a birth registration add these.
/// </summary>
public static class BirthDeclaration
{
    public static readonly IReadOnlyDictionary<string, string> Values = new Dictionary<string, string>
    {
        ["declarant.relation"] = "me",
        ["child.name"] = "Nguyễn Minh An",
        ["child.sex"] = "nam",
        ["child.dateOfBirth"] = "01/11/2026",
        ["child.placeOfBirth"] = "Bệnh viện Phụ sản Hà Nội",
        ["child.placeOfBirthWard.province"] = "01",
        ["child.placeOfBirthWard.ward"] = "00008",
        ["child.placeOfBirthWard.street"] = "929 Đường La Thành",
        ["child.ethnicity"] = "01",
        ["child.nationality"] = "VN",
        ["child.hometown"] = "Phường Ba Đình, Thành phố Hà Nội",
        ["mother.name"] = "Nguyễn Thị Hường",
        ["mother.dateOfBirth"] = "14/03/1990",
        ["mother.ethnicity"] = "01",
        ["mother.nationality"] = "VN",
        ["mother.residence.province"] = "01",
        ["mother.residence.ward"] = "00004",
        ["mother.residence.street"] = "12 Phố Quán Thánh",
        ["father.declared"] = "khong",
    };

    /// <summary>These values added to a JSON object of form data (what is there already wins).</summary>
    public static JsonObject With(this JsonObject formData, IReadOnlyDictionary<string, string> values)
    {
        foreach (var (key, value) in values)
        {
            if (!formData.ContainsKey(key))
            {
                formData[key] = value;
            }
        }

        return formData;
    }

    /// <summary>These values added to a page post (what is there already wins).</summary>
    public static Dictionary<string, string> With(this Dictionary<string, string> posted, IReadOnlyDictionary<string, string> values)
    {
        foreach (var (key, value) in values)
        {
            posted.TryAdd(key, value);
        }

        return posted;
    }
}
