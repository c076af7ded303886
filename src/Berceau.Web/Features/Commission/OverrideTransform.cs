using Berceau.Data.Commission;
using Berceau.Domain.Commission;
using Berceau.Domain.Common;
using Engine = Berceau.Allocation;

namespace Berceau.Web.Features.Commission;

/// <summary>An application the commission placed itself: the engine never saw it, its seat was taken out before the run.</summary>
public sealed record ForcedPlacement(string Application, string Structure, string Section, AppliedOverride Override);

/// <summary>The instance given to the engine after the overrides, and the placements the commission made itself.</summary>
public sealed record TransformedInstance(Engine.Instance Instance, IReadOnlyList<ForcedPlacement> Forced, IReadOnlyList<string> ExcludedEverywhere);

/// <summary>
/// Applies the commission's overrides to the frozen instance, by changing the instance and never the engine (docs/commission.md,
/// « Les décisions de la commission »), in the order the overrides were made:
/// <list type="bullet">
/// <item>Exclude (application, structure): the wish is removed; the other wishes keep their order. An application left without
/// any wish is removed: the commission excluded it everywhere it asked.</item>
/// <item>Force (application, section): the application is removed and the section loses one seat (its reserves are trimmed from
/// the last if they no longer fit). The contract's rule: « pinned seats are removed from capacity before the run ».</item>
/// </list>
/// The same frozen instance and the same overrides always give the same bytes, so a run can be replayed from its stored overrides.
/// </summary>
public static class OverrideTransform
{
    public static Outcome<TransformedInstance> Apply(Engine.Instance frozen, IReadOnlyList<AppliedOverride> overrides)
    {
        var applications = frozen.Applications.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var order = frozen.Applications.Select(a => a.Id).ToList();
        var sections = frozen.Sections.ToList();
        var forced = new List<ForcedPlacement>();
        var excluded = new List<string>();
        foreach (var o in overrides)
        {
            if (!applications.TryGetValue(o.Application, out var application))
            {
                return forced.Any(f => f.Application == o.Application)
                    ? Problem.Of("commission-override-twice", "ApplicationId")
                    : Problem.Of("commission-override-application", "ApplicationId");
            }
            var structure = InstanceSnapshot.StructureId(new(o.Facility));
            if (o.Kind == OverrideKind.Exclude)
            {
                if (!application.Wishes.Any(w => w.Structure == structure)) return Problem.Of("commission-override-not-wished", "FacilityId");
                var wishes = application.Wishes.Where(w => w.Structure != structure).ToList();
                if (wishes.Count == 0)
                {
                    applications.Remove(o.Application);
                    excluded.Add(o.Application);
                }
                else applications[o.Application] = application with { Wishes = wishes };
                continue;
            }
            var sectionId = InstanceSnapshot.SectionId(o.Section!.Value);
            var index = sections.FindIndex(s => s.Id == sectionId && s.Structure == structure);
            if (index < 0) return Problem.Of("commission-section-unknown", "SectionId");
            var section = sections[index];
            if (section.Capacity == 0) return Problem.Of("commission-override-no-seat", "SectionId", section.Id);
            sections[index] = Shrink(section);
            applications.Remove(o.Application);
            forced.Add(new ForcedPlacement(o.Application, structure, sectionId, o));
        }
        var instance = frozen with { Sections = sections, Applications = [.. order.Where(applications.ContainsKey).Select(id => applications[id])] };
        return new TransformedInstance(instance, forced, excluded);
    }

    private static Engine.Section Shrink(Engine.Section section)
    {
        var capacity = section.Capacity - 1;
        var reserves = section.Reserves.ToList();
        while (reserves.Sum(r => r.Seats) > capacity)
        {
            var last = reserves[^1];
            if (last.Seats <= 1) reserves.RemoveAt(reserves.Count - 1);
            else reserves[^1] = last with { Seats = last.Seats - 1 };
        }
        return section with { Capacity = capacity, Reserves = reserves };
    }
}
