using MotCua.Dossiers.Processes;
using MotCua.Organisation.Contracts;

namespace MotCua.Dossiers.Processing;

/// <summary>
/// Builds what an action needs: the dossier's process (the definition it started with), the unit that
/// performs each step for THIS dossier (its receiving branch, its agency, the agency of the applicant's
/// ward …) and the clock in force.
/// </summary>
internal sealed class ProcessContexts(ProcessCatalog catalog, OrgDirectory directory, IDeadlineClocks calendars)
{
    public async Task<ProcessContext> ForAsync(Dossier d, CancellationToken ct, (Guid Id, string Name)? receivingUnit = null)
    {
        var definition = d.ProcessDefinitionId is { } id && await catalog.ByIdAsync(id, ct) is { } started
            ? started
            : await catalog.CurrentAsync(d.ProcedureCode, d.ProcedureVersion, ct);
        var receiving = receivingUnit ?? (d.ReceivingUnitId ?? d.AgencyId, d.ReceivingUnitId is null ? d.AgencyName : d.ReceivingUnitName);
        return await BuildAsync(definition, receiving, (d.AgencyId, d.AgencyName), d.Applicant.WardCode, ct);
    }

    public async Task<ProcessContext> BuildAsync(ProcessDefinition definition, (Guid Id, string Name) receiving, (Guid Id, string Name) agency, string? applicantWard, CancellationToken ct)
    {
        var spec = definition.Spec;
        var units = new Dictionary<string, (Guid Id, string Name)>();
        (Guid, string)? center = null;
        foreach (var step in spec.Steps)
        {
            units[step.Id] = step.Performer switch
            {
                Performer.ReceivingUnit => receiving,
                Performer.Center => center ??= await directory.UnitByCodeAsync(DemoStaff.CenterCode, ct) is { } c ? (c.Id, c.Name) : receiving,
                Performer.WardAgency when applicantWard is not null
                    && await directory.AgencyForWardAsync(step.WardAgencyKind ?? AgencyKind.CommuneCommittee, applicantWard, ct) is { } w => (w.Id, w.Name),
                Performer.Unit when step.UnitCode is not null && await directory.UnitByCodeAsync(step.UnitCode, ct) is { } u => (u.Id, u.Name),
                _ => agency,
            };
        }

        return new ProcessContext(definition.Id, spec, units, await calendars.ClockAsync(ct));
    }
}
