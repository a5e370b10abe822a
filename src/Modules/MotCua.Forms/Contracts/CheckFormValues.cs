using MotCua.Platform.Time;

namespace MotCua.Forms.Contracts;

/// <summary>
/// Checks posted values against a procedure version's current form: looks up the posted province and ward
/// codes, then runs <see cref="FormValidator"/>. Called by the validation API, the administrators' preview and
/// the citizen portal's filing pages.
/// </summary>
public sealed class CheckFormValues(FormCatalog catalog, AddressBook addresses, TimeProvider time)
{
    public async Task<(CurrentForm? Form, FormCheck? Check)> RunAsync(string procedureCode, int? version, IReadOnlyDictionary<string, string> values,
        IReadOnlyDictionary<string, UploadedFile>? files, bool registryWaives, CancellationToken ct)
    {
        var form = await catalog.CurrentAsync(procedureCode, version, ct);
        return form is null ? (null, null) : (form, await RunAsync(form.Definition, values, files, registryWaives, ct));
    }

    public async Task<FormCheck> RunAsync(FormDefinition definition, IReadOnlyDictionary<string, string> values,
        IReadOnlyDictionary<string, UploadedFile>? files, bool registryWaives, CancellationToken ct)
    {
        var units = await addresses.LookupAsync(FormValidator.UnitCodes(definition, values), ct);
        var today = DateOnly.FromDateTime(VietnamTime.ToLocal(time.GetUtcNow()).DateTime);
        return FormValidator.Run(definition, values, files, new FormContext(today, units, registryWaives));
    }
}
