using MotCua.Organisation.Contracts;

namespace MotCua.Dossiers.Processes;

/// <summary>Vietnamese names of a process's states, step kinds and performers.</summary>
internal static class ProcessLabels
{
    public static string State(DefinitionState state) => state switch
    {
        DefinitionState.Draft => "Bản nháp",
        DefinitionState.Published => "Đang áp dụng",
        DefinitionState.Retired => "Đã thay thế",
        _ => state.ToString(),
    };

    public static string Kind(StepKind kind) => kind switch
    {
        StepKind.Work => "Xử lý",
        StepKind.Approval => "Phê duyệt",
        StepKind.Return => "Trả kết quả",
        _ => kind.ToString(),
    };

    /// <summary>The performer as the editor's choice names it.</summary>
    public static string PerformerKind(Processes.Performer performer) => performer switch
    {
        Processes.Performer.Center => "Trung tâm Phục vụ hành chính công",
        Processes.Performer.ReceivingUnit => "Nơi tiếp nhận hồ sơ",
        Processes.Performer.Agency => "Cơ quan giải quyết",
        Processes.Performer.WardAgency => "Cơ quan cấp xã nơi cư trú của người nộp",
        Processes.Performer.Unit => "Một đơn vị cụ thể",
        _ => performer.ToString(),
    };

    public static string Performer(ProcessStep step) => step.Performer switch
    {
        Processes.Performer.Center => "Trung tâm Phục vụ hành chính công",
        Processes.Performer.ReceivingUnit => "Nơi tiếp nhận hồ sơ",
        Processes.Performer.Agency => "Cơ quan giải quyết",
        Processes.Performer.WardAgency => step.WardAgencyKind == AgencyKind.CommunePolice
            ? "Công an xã, phường nơi cư trú của người nộp"
            : "UBND xã, phường nơi cư trú của người nộp",
        Processes.Performer.Unit => $"Đơn vị {step.UnitCode}",
        _ => step.Performer.ToString(),
    };
}

/// <summary>
/// A read-only, diagram-like text of a process: the steps in layers from the reception to the return, steps
/// of the same layer running in parallel (liên thông), each with the steps it hands on to.
/// </summary>
internal static class ProcessFlow
{
    public static IReadOnlyList<string> Lines(ProcessSpec spec)
    {
        var steps = spec.Steps;
        if (steps.Count == 0)
        {
            return [];
        }

        var layers = Layers(steps);
        var lines = new List<string>();
        for (var l = 0; l < layers.Count; l++)
        {
            var layer = layers[l];
            var parallel = layer.Count > 1;
            for (var k = 0; k < layer.Count; k++)
            {
                var prefix = k == 0 ? $"{l + 1}.".PadRight(4) : "    ";
                lines.Add(prefix + (parallel ? "‖ " : "") + Describe(layer[k]));
            }

            if (l + 1 < layers.Count)
            {
                var forks = layer.Any(s => s.Next.Count > 1);
                var joins = layers[l + 1].Where(s => spec.Previous(s.Id).Count() > 1).Select(s => s.Id).ToList();
                lines.Add("    ↓" + (forks ? " chia nhánh song song" : "") + (joins.Count > 0 ? $" (hợp nhất tại {string.Join(", ", joins)})" : ""));
            }
        }

        return lines;
    }

    private static string Describe(ProcessStep step)
    {
        var next = step.Next.Count == 0 ? "· kết thúc" : "→ " + string.Join(", ", step.Next);
        return $"[{step.Id}] {step.Name} ({ValidateProcess.Percent(step.BudgetPercent)}) {next}";
    }

    /// <summary>Each step in the layer of its longest distance from the first; in the written order when the graph is not a DAG.</summary>
    public static List<List<ProcessStep>> Layers(IReadOnlyList<ProcessStep> steps)
    {
        var ids = steps.Select((s, i) => (s.Id, i)).GroupBy(p => p.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().i, StringComparer.Ordinal);
        var incoming = new int[steps.Count];
        foreach (var target in steps.SelectMany(s => s.Next).Where(ids.ContainsKey))
        {
            incoming[ids[target]]++;
        }

        var depth = new int[steps.Count];
        var ready = new Queue<int>(Enumerable.Range(0, steps.Count).Where(i => incoming[i] == 0));
        var done = 0;
        while (ready.TryDequeue(out var n))
        {
            done++;
            foreach (var target in steps[n].Next.Where(ids.ContainsKey).Distinct(StringComparer.Ordinal))
            {
                var t = ids[target];
                depth[t] = Math.Max(depth[t], depth[n] + 1);
                if (--incoming[t] == 0)
                {
                    ready.Enqueue(t);
                }
            }
        }

        return done == steps.Count
            ? [.. Enumerable.Range(0, steps.Count).GroupBy(i => depth[i]).OrderBy(g => g.Key).Select(g => g.Select(i => steps[i]).ToList())]
            : [.. steps.Select(s => new List<ProcessStep> { s })];
    }
}
