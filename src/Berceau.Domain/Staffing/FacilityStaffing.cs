using Berceau.Domain.Common;
using Berceau.Domain.Offer;

namespace Berceau.Domain.Staffing;

/// <summary>Positions of one profession in a structure: filled and vacant (postes pourvus, postes vacants).</summary>
public sealed class StaffPosition
{
    public Profession Profession { get; init; }
    public int Filled { get; set; }
    public int Vacant { get; set; }
    public int Total => Filled + Vacant;
}

/// <summary>
/// The staffing table of an EAJE (tableau des effectifs): the encadrement rule its gestionnaire chose and, by profession, the
/// positions filled and vacant. Kept beside the facility (one row per facility) so that the offer registry stays as it is.
/// Positions are counted in posts, not in full-time equivalents: a director types what their organisation chart shows.
/// </summary>
public sealed class FacilityStaffing
{
    public const int MaxPositions = 200;

    public required FacilityId FacilityId { get; init; }
    public EncadrementRule Rule { get; private set; } = EncadrementRule.FiveAndEight;
    public List<StaffPosition> Positions { get; private set; } = [];
    public DateTimeOffset UpdatedAt { get; private set; }
    public string UpdatedBy { get; private set; } = "";
    /// <summary>Optimistic concurrency: incremented at every change.</summary>
    public int Version { get; private set; }

    public int Filled(Profession p) => Positions.FirstOrDefault(x => x.Profession == p)?.Filled ?? 0;
    public int Vacant(Profession p) => Positions.FirstOrDefault(x => x.Profession == p)?.Vacant ?? 0;

    /// <summary>Professionals in post who are counted by the encadrement rule.</summary>
    public int FilledCaringForChildren => Positions.Where(p => p.Profession.CaresForChildren()).Sum(p => p.Filled);

    public int TotalVacant => Positions.Sum(p => p.Vacant);

    /// <summary>Replaces the rule and the table; professions left at 0 and 0 are dropped. Counts between 0 and <see cref="MaxPositions"/>.</summary>
    public Outcome<bool> Update(EncadrementRule rule, IReadOnlyList<(Profession Profession, int Filled, int Vacant)> positions, DateTimeOffset at, string by)
    {
        var problems = new List<Problem>();
        foreach (var p in positions)
        {
            if (p.Filled is < 0 or > MaxPositions) problems.Add(Problem.Of("out-of-range", $"{p.Profession}.Filled", 0, MaxPositions));
            if (p.Vacant is < 0 or > MaxPositions) problems.Add(Problem.Of("out-of-range", $"{p.Profession}.Vacant", 0, MaxPositions));
        }
        if (positions.Select(p => p.Profession).Distinct().Count() != positions.Count)
            problems.Add(Problem.Of("staffing-profession-twice", ""));
        if (problems.Count > 0) return Outcome<bool>.Failure(problems);
        Rule = rule;
        // Rows are changed in place (one row per profession, keyed by it), never swapped for new instances.
        foreach (var (profession, filled, vacant) in positions)
        {
            var row = Positions.FirstOrDefault(x => x.Profession == profession);
            if (filled + vacant == 0)
            {
                if (row is not null) Positions.Remove(row);
                continue;
            }
            if (row is null) Positions.Add(row = new StaffPosition { Profession = profession });
            (row.Filled, row.Vacant) = (filled, vacant);
        }
        (UpdatedAt, UpdatedBy) = (at, by);
        Version++;
        return true;
    }
}
