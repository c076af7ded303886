namespace Berceau.Allocation.Linked;

/// <summary>
/// The contract's priority at a section, as a value: higher score, then earlier submission, then smaller tieBreak.
/// <see cref="CompareTo"/> sorts the best first. TieBreaks are unique, so two applications never compare equal.
/// </summary>
internal readonly record struct Priority(int Score, DateOnly Submitted, long TieBreak) : IComparable<Priority>
{
    public int CompareTo(Priority other)
    {
        var byScore = other.Score.CompareTo(Score);
        if (byScore != 0) return byScore;
        var bySubmitted = Submitted.CompareTo(other.Submitted);
        return bySubmitted != 0 ? bySubmitted : TieBreak.CompareTo(other.TieBreak);
    }

    /// <summary>The priority of an application (tieBreak fixed) at a structure it wishes.</summary>
    public static Priority Of(Application application, string structure)
    {
        foreach (var wish in application.Wishes)
        {
            if (wish.Structure == structure) return new Priority(wish.Score, application.Submitted, application.TieBreak!.Value);
        }
        throw new InvalidOperationException($"{application.Id} does not wish {structure}.");
    }
}

/// <summary>
/// The reserves-first choice rule of a section, written plainly over a handful of applications. The engine never calls it: the
/// exclusion rounds use it only to ask, after the last round, "would this structure take the whole group now?" — one section at
/// a time, over the applications the section holds plus the group's members.
/// </summary>
internal static class ChoiceRule
{
    public static HashSet<string> Choose(Section section, IEnumerable<Application> proposing)
    {
        var sorted = proposing.OrderBy(a => Priority.Of(a, section.Structure)).ToList();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var reserve in section.Reserves ?? [])
        {
            var seats = reserve.Seats;
            foreach (var application in sorted)
            {
                if (seats == 0) break;
                if (taken.Contains(application.Id) || !application.Categories.Contains(reserve.Category)) continue;
                taken.Add(application.Id);
                seats--;
            }
        }
        var rest = section.Capacity - taken.Count;
        foreach (var application in sorted)
        {
            if (rest <= 0) break;
            if (taken.Add(application.Id)) rest--;
        }
        return taken;
    }
}
