using Berceau.Allocation;

namespace Berceau.Allocation.Tests.Support;

/// <summary>
/// The contract written the slowest and plainest way, to judge the engine: the priority order, the choice rule of a section
/// computed from scratch, stability of a matching, and every stable matching of a tiny instance by brute force.
/// </summary>
internal sealed class Reference
{
    private readonly Instance _instance;
    private readonly Dictionary<string, Application> _applications;
    private readonly Dictionary<string, long> _tieBreak;

    public Reference(Instance instance, Result result)
    {
        _instance = instance;
        _applications = instance.Applications.ToDictionary(a => a.Id);
        _tieBreak = instance.Applications.ToDictionary(a => a.Id, a => a.TieBreak ?? result.TieBreaks[a.Id]);
    }

    public IReadOnlyList<Section> Sections => _instance.Sections;
    public IEnumerable<Application> Applications => _instance.Applications;

    /// <summary>The section a wish goes to: the first of its structure taking the child's age, or null.</summary>
    public Section? SectionOf(Application application, Wish wish) =>
        _instance.Sections.FirstOrDefault(s => s.Structure == wish.Structure
            && application.AgeMonthsAtStart >= s.MinAgeMonths && application.AgeMonthsAtStart <= s.MaxAgeMonths);

    public int Score(string application, Section section) =>
        _applications[application].Wishes.Single(w => w.Structure == section.Structure).Score;

    /// <summary>Positive when a ranks above b at the section.</summary>
    public int Compare(string a, string b, Section section)
    {
        var byScore = Score(a, section).CompareTo(Score(b, section));
        if (byScore != 0) return byScore;
        var bySubmitted = _applications[b].Submitted.CompareTo(_applications[a].Submitted);
        if (bySubmitted != 0) return bySubmitted;
        return _tieBreak[b].CompareTo(_tieBreak[a]);
    }

    public List<string> ByPriority(IEnumerable<string> applications, Section section)
    {
        var list = applications.ToList();
        list.Sort((a, b) => Compare(b, a, section));
        return list;
    }

    /// <summary>The contract's choice rule: application → the reserve category it was taken by (null: general seat).</summary>
    public Dictionary<string, string?> Choose(Section section, IEnumerable<string> proposing)
    {
        var sorted = ByPriority(proposing, section);
        var taken = new Dictionary<string, string?>();
        foreach (var reserve in section.Reserves)
        {
            foreach (var a in sorted.Where(a => !taken.ContainsKey(a) && _applications[a].Categories.Contains(reserve.Category)).Take(reserve.Seats).ToList())
            {
                taken[a] = reserve.Category;
            }
        }
        var rest = section.Capacity - taken.Count;
        foreach (var a in sorted.Where(a => !taken.ContainsKey(a)).Take(rest).ToList()) taken[a] = null;
        return taken;
    }

    /// <summary>Rank (0-based) of the section in the application's wishes, or int.MaxValue for none.</summary>
    public int WishRank(Application application, Section? section) =>
        section is null ? int.MaxValue : application.Wishes.ToList().FindIndex(w => w.Structure == section.Structure) is var i and >= 0 ? i : int.MaxValue;

    /// <summary>Null when the matching (application → section id) is stable; otherwise why not.</summary>
    public string? WhyUnstable(IReadOnlyDictionary<string, string> matching)
    {
        foreach (var section in _instance.Sections)
        {
            var held = matching.Where(m => m.Value == section.Id).Select(m => m.Key).ToList();
            if (held.Count > section.Capacity) return $"{section.Id} over capacity";
            if (Choose(section, held).Count != held.Count) return $"{section.Id} would not keep all it holds";
        }
        foreach (var application in _instance.Applications)
        {
            matching.TryGetValue(application.Id, out var mine);
            var current = mine is null ? null : _instance.Sections.Single(s => s.Id == mine);
            foreach (var wish in application.Wishes)
            {
                var section = SectionOf(application, wish);
                if (section is null) continue;
                if (current is not null && section.Id == current.Id) break;
                var held = matching.Where(m => m.Value == section.Id).Select(m => m.Key).Append(application.Id);
                if (Choose(section, held).ContainsKey(application.Id)) return $"{application.Id} envies {section.Id}";
            }
        }
        return null;
    }

    /// <summary>Every stable matching, by trying every way of giving each application one of its sections or nothing.</summary>
    public List<Dictionary<string, string>> AllStableMatchings()
    {
        var options = _instance.Applications
            .Select(a => a.Wishes.Select(w => SectionOf(a, w)?.Id).Where(id => id is not null).Append(null).ToList())
            .ToList();
        var stable = new List<Dictionary<string, string>>();
        var choice = new int[options.Count];
        while (true)
        {
            var matching = new Dictionary<string, string>();
            for (var i = 0; i < options.Count; i++)
            {
                if (options[i][choice[i]] is { } id) matching[_instance.Applications[i].Id] = id;
            }
            if (WhyUnstable(matching) is null) stable.Add(matching);
            var k = 0;
            while (k < options.Count && ++choice[k] == options[k].Count) choice[k++] = 0;
            if (k == options.Count) return stable;
        }
    }
}
