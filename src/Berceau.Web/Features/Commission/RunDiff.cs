using Berceau.Data.Commission;
using Berceau.Domain.Commission;

namespace Berceau.Web.Features.Commission;

/// <summary>An application whose place changed between two runs, and what explains it.</summary>
public sealed record DiffLine(string InstanceId, Guid ApplicationId, string Child, string Before, string After, string Why);

/// <summary>
/// Who moved where between two runs of a session. The reason given is the commission's decision when one concerns the application
/// (added or withdrawn between the two runs); otherwise the move is a consequence of another decision, and the scores say why
/// (the application took a seat another one left, or lost its seat to someone who ranks higher).
/// </summary>
public static class RunDiff
{
    public static IReadOnlyList<DiffLine> Compare(RunView from, RunView to, IReadOnlyList<EntryView> entries, CommissionReview.Names names)
    {
        var before = from.Overrides.Select(o => o.Id).ToHashSet();
        var after = to.Overrides.Select(o => o.Id).ToHashSet();
        var added = to.Overrides.Where(o => !before.Contains(o.Id)).ToList();
        var withdrawn = from.Overrides.Where(o => !after.Contains(o.Id)).ToList();
        var lines = new List<DiffLine>();
        foreach (var entry in entries)
        {
            var was = from.Placements.GetValueOrDefault(entry.InstanceId);
            var now = to.Placements.GetValueOrDefault(entry.InstanceId);
            if (was?.Section == now?.Section && (was?.Forced is null) == (now?.Forced is null)) continue;
            lines.Add(new DiffLine(entry.InstanceId, entry.ApplicationId, entry.Child, names.Placement(was), names.Placement(now),
                Why(entry, now, added, withdrawn, to, names)));
        }
        return lines;
    }

    private static string Why(EntryView entry, Placement? now, List<AppliedOverride> added, List<AppliedOverride> withdrawn, RunView to,
        CommissionReview.Names names)
    {
        var own = added.FirstOrDefault(o => o.Application == entry.InstanceId);
        if (own is not null)
            return $"Décision de la commission ({(own.Kind == OverrideKind.Force ? "placement d’office" : "exclusion de " + names.Structure(InstanceSnapshot.StructureId(new(own.Facility))))}) : {own.Reason}";
        var lifted = withdrawn.FirstOrDefault(o => o.Application == entry.InstanceId);
        if (lifted is not null) return $"Décision de la commission retirée : {lifted.Reason}";
        if (now is null) return to.WhyUnassigned(entry.InstanceId, names.Structure);
        var score = entry.Scores.FirstOrDefault(s => InstanceSnapshot.StructureId(new(s.Facility)) == now.Structure)?.Total;
        return $"Conséquence d’une autre décision : avec {score} points à {names.Structure(now.Structure)} (vœu n° {now.WishRank}), "
            + "elle obtient une place que le calcul précédent donnait à une autre demande.";
    }
}
