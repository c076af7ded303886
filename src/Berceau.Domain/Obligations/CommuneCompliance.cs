namespace Berceau.Domain.Obligations;

/// <summary>One obligation as a table shows it: whether it applies to the commune, and where it stands.</summary>
public sealed record ObligationState(CommuneObligationKind Kind, bool Applies, ObligationStatus Status, DateOnly? AsOf);

/// <summary>
/// A commune against its obligations: those its population brings, each with its recorded status (« non renseignée » when nothing
/// was recorded). A commune is compliant when every obligation that applies is « remplie ». A record kept for an obligation that
/// does not apply (a commune of 8,000 inhabitants with a relay) is shown but does not count.
/// </summary>
public sealed record CommuneCompliance(string CommuneCode, string CommuneName, int Population, IReadOnlyList<ObligationState> Obligations)
{
    public IEnumerable<ObligationState> Applicable => Obligations.Where(o => o.Applies);

    public bool IsCompliant => Applicable.All(o => o.Status == ObligationStatus.Met);

    public int MetCount => Applicable.Count(o => o.Status == ObligationStatus.Met);

    public int ApplicableCount => Applicable.Count();

    public ObligationState this[CommuneObligationKind kind] => Obligations.First(o => o.Kind == kind);

    public static CommuneCompliance Of(string code, string name, int population, IEnumerable<CommuneObligationRecord> records)
    {
        var byKind = records.Where(r => r.CommuneCode == code).ToDictionary(r => r.Kind);
        return new CommuneCompliance(code, name, population, [.. CommuneObligations.All.Select(kind =>
        {
            var record = byKind.GetValueOrDefault(kind);
            return new ObligationState(kind, kind.AppliesTo(population), record?.Status ?? ObligationStatus.NotAssessed, record?.AsOf);
        })]);
    }
}
