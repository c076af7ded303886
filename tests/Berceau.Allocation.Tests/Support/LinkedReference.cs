using Berceau.Allocation.Linked;

namespace Berceau.Allocation.Tests.Support;

/// <summary>
/// What "stable" means with linked groups, written plainly over <see cref="Reference"/> to judge the exclusion rounds: no group
/// split, no section holding what its choice rule would not keep, no application outside a group with justified envy, and no
/// <b>blocking group</b> — a group preferring a structure to its outcome where every member would be kept together with what the
/// sections hold. And every such matching of a tiny instance, by brute force.
/// </summary>
internal sealed class LinkedReference
{
    private readonly Instance _instance;
    private readonly Dictionary<string, Application> _applications;
    private readonly HashSet<string> _linked;

    public LinkedReference(Instance instance, Result result)
    {
        _instance = instance;
        Plain = new Reference(instance with { LinkedGroups = null }, result);
        _applications = instance.Applications.ToDictionary(a => a.Id);
        _linked = instance.LinkedGroups!.SelectMany(g => g.Applications).ToHashSet();
    }

    public Reference Plain { get; }

    public IEnumerable<LinkedGroup> Groups => _instance.LinkedGroups!;

    public bool IsLinked(string application) => _linked.Contains(application);

    /// <summary>Null when the matching (application → section id) is stable with its groups; otherwise why not.</summary>
    public string? WhyUnstable(IReadOnlyDictionary<string, string> matching)
    {
        foreach (var group in Groups)
        {
            var structures = group.Applications.Select(a => matching.TryGetValue(a, out var s) ? StructureOf(s) : null).Distinct().Count();
            if (structures != 1) return $"{group.Id} split";
        }
        foreach (var section in _instance.Sections)
        {
            var held = Held(matching, section);
            if (held.Count > section.Capacity) return $"{section.Id} over capacity";
            if (Plain.Choose(section, held).Count != held.Count) return $"{section.Id} would not keep all it holds";
        }
        foreach (var application in _instance.Applications.Where(a => !IsLinked(a.Id)))
        {
            matching.TryGetValue(application.Id, out var mine);
            foreach (var wish in application.Wishes)
            {
                var section = Plain.SectionOf(application, wish);
                if (section is null) continue;
                if (section.Id == mine) break;
                if (Plain.Choose(section, Held(matching, section).Append(application.Id)).ContainsKey(application.Id)) return $"{application.Id} envies {section.Id}";
            }
        }
        foreach (var group in Groups)
        {
            if (BlockingAt(group, matching).FirstOrDefault() is { } structure) return $"{group.Id} blocks at {structure}";
        }
        return null;
    }

    /// <summary>The structures the group prefers to its outcome where all its members would be kept now, in wish order.</summary>
    public IEnumerable<string> BlockingAt(LinkedGroup group, IReadOnlyDictionary<string, string> matching)
    {
        var first = _applications[group.Applications[0]];
        var outcome = matching.TryGetValue(first.Id, out var s) ? StructureOf(s) : null;
        foreach (var wish in first.Wishes)
        {
            if (wish.Structure == outcome) yield break;
            var members = group.Applications.Select(a => (Id: a, Section: Plain.SectionOf(_applications[a], _applications[a].Wishes.Single(w => w.Structure == wish.Structure)))).ToList();
            if (members.Any(m => m.Section is null)) continue;
            var admitted = members.GroupBy(m => m.Section!).All(bySection =>
            {
                var chosen = Plain.Choose(bySection.Key, Held(matching, bySection.Key).Concat(bySection.Select(m => m.Id)));
                return bySection.All(m => chosen.ContainsKey(m.Id));
            });
            if (admitted) yield return wish.Structure;
        }
    }

    /// <summary>Every stable matching: each single at one of its sections or nowhere, each group at one structure or nowhere.</summary>
    public List<Dictionary<string, string>> AllStableMatchings()
    {
        var units = new List<List<Dictionary<string, string>>>();
        foreach (var application in _instance.Applications.Where(a => !IsLinked(a.Id)))
        {
            units.Add(application.Wishes.Select(w => Plain.SectionOf(application, w)).Where(s => s is not null)
                .Select(s => new Dictionary<string, string> { [application.Id] = s!.Id }).Append([]).ToList());
        }
        foreach (var group in Groups)
        {
            var options = new List<Dictionary<string, string>> { new() };
            foreach (var wish in _applications[group.Applications[0]].Wishes)
            {
                var placed = group.Applications.ToDictionary(a => a, a => Plain.SectionOf(_applications[a], _applications[a].Wishes.Single(w => w.Structure == wish.Structure))?.Id);
                if (placed.Values.All(id => id is not null)) options.Add(placed.ToDictionary(p => p.Key, p => p.Value!));
            }
            units.Add(options);
        }
        var stable = new List<Dictionary<string, string>>();
        var choice = new int[units.Count];
        while (true)
        {
            var matching = units.SelectMany((options, u) => options[choice[u]]).ToDictionary(p => p.Key, p => p.Value);
            if (WhyUnstable(matching) is null) stable.Add(matching);
            var k = 0;
            while (k < units.Count && ++choice[k] == units[k].Count) choice[k++] = 0;
            if (k == units.Count) return stable;
        }
    }

    private string StructureOf(string section) => _instance.Sections.Single(s => s.Id == section).Structure;

    private static List<string> Held(IReadOnlyDictionary<string, string> matching, Section section) =>
        matching.Where(m => m.Value == section.Id).Select(m => m.Key).ToList();
}
