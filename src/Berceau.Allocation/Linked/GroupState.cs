namespace Berceau.Allocation.Linked;

/// <summary>
/// One linked group during the rounds: its members (id order), the structures they all wish (their common order), the section
/// each member would have at each structure, and which of those structures are currently withdrawn from the group's wishes.
/// </summary>
internal sealed class GroupState
{
    private GroupState(string id, Application[] members, string[] structures, Section?[][] sectionOf)
    {
        Id = id;
        Members = members;
        Structures = structures;
        SectionOf = sectionOf;
        Excluded = new bool[structures.Length];
        Readmitted = new bool[structures.Length];
        for (var x = 0; x < structures.Length; x++) Excluded[x] = !CouldHoldAll(x);
    }

    public string Id { get; }

    /// <summary>The members, in id order (ordinal).</summary>
    public Application[] Members { get; }

    /// <summary>The structures the members wish, in their common order.</summary>
    public string[] Structures { get; }

    /// <summary>[member][structure]: the section the member's wish goes to (the first of the structure taking its age), or null.</summary>
    public Section?[][] SectionOf { get; }

    /// <summary>Structures withdrawn from every member's wishes for the next run.</summary>
    public bool[] Excluded { get; }

    /// <summary>Structures given back once after the rounds had settled (never twice: this is what bounds the rounds).</summary>
    public bool[] Readmitted { get; }

    /// <summary>The groups of a valid instance, in id order.</summary>
    public static GroupState[] Build(Instance instance)
    {
        var applications = new Dictionary<string, Application>(StringComparer.Ordinal);
        foreach (var application in instance.Applications) applications.TryAdd(application.Id, application);
        var sectionsOf = instance.Sections.ToLookup(s => s.Structure, StringComparer.Ordinal);
        return instance.LinkedGroups!
            .OrderBy(g => g.Id, StringComparer.Ordinal)
            .Select(group =>
            {
                var members = group.Applications.Order(StringComparer.Ordinal).Select(id => applications[id]).ToArray();
                var structures = members[0].Wishes.Select(w => w.Structure).ToArray();
                var sectionOf = members
                    .Select(m => structures.Select(x => sectionsOf[x].FirstOrDefault(s => m.AgeMonthsAtStart >= s.MinAgeMonths && m.AgeMonthsAtStart <= s.MaxAgeMonths)).ToArray())
                    .ToArray();
                return new GroupState(group.Id, members, structures, sectionOf);
            })
            .ToArray();
    }

    /// <summary>
    /// Whether the structure could take every member even empty: each member has a section there, and no section gets more
    /// members than it has seats. When it could not, the structure is withdrawn before the first run, so that no member takes
    /// there a seat the group could never use together.
    /// </summary>
    private bool CouldHoldAll(int x)
    {
        var needed = new Dictionary<Section, int>(ReferenceEqualityComparer.Instance);
        for (var m = 0; m < Members.Length; m++)
        {
            if (SectionOf[m][x] is not { } section) return false;
            needed[section] = needed.GetValueOrDefault(section) + 1;
        }
        return needed.All(n => n.Value <= n.Key.Capacity);
    }

    /// <summary>Index in <see cref="Structures"/> of where the members are: -1 when none is placed, null when they are split.</summary>
    public int? Outcome(IReadOnlyDictionary<string, string> structureOf)
    {
        int? outcome = null;
        foreach (var member in Members)
        {
            var at = structureOf.TryGetValue(member.Id, out var structure) ? Array.IndexOf(Structures, structure) : -1;
            if (outcome is null) outcome = at;
            else if (outcome != at) return null;
        }
        return outcome;
    }

    /// <summary>
    /// For a split group: the best-ranked structure holding some members but not all of them. Members are never placed at an
    /// excluded structure, so the answer is not excluded yet, and excluding it withdraws at least one wish.
    /// </summary>
    public int StructureToExclude(IReadOnlyDictionary<string, string> structureOf)
    {
        for (var x = 0; x < Structures.Length; x++)
        {
            var here = Members.Count(m => structureOf.TryGetValue(m.Id, out var s) && s == Structures[x]);
            if (here > 0 && here < Members.Length) return x;
        }
        throw new InvalidOperationException($"Group {Id} is not split.");
    }

    /// <summary>
    /// Whether every member, proposing to the structure now, would be kept by its section's choice rule over what the section
    /// holds in the allocation plus the members coming to it.
    /// </summary>
    public bool AllAdmittedAt(int x, IReadOnlyDictionary<string, List<Application>> heldBySection)
    {
        var comingTo = new Dictionary<Section, List<Application>>(ReferenceEqualityComparer.Instance);
        for (var m = 0; m < Members.Length; m++)
        {
            if (SectionOf[m][x] is not { } section) return false;
            if (!comingTo.TryGetValue(section, out var list)) comingTo[section] = list = [];
            list.Add(Members[m]);
        }
        foreach (var (section, coming) in comingTo)
        {
            var held = heldBySection.TryGetValue(section.Id, out var h) ? h : [];
            var chosen = ChoiceRule.Choose(section, held.Concat(coming));
            if (!coming.All(m => chosen.Contains(m.Id))) return false;
        }
        return true;
    }

    /// <summary>The priority, at the structure, of the member who ranks lowest there: the one the group's admission hangs on.</summary>
    public Priority WeakestAt(int x) => Members.Select(m => Priority.Of(m, Structures[x])).Max();
}
