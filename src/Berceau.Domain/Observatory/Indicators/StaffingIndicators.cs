using Berceau.Domain.Staffing;

namespace Berceau.Domain.Observatory.Indicators;

/// <summary>A section of a crèche on the reference day: its places agréées, those frozen for lack of staff, and whether its children walk.</summary>
public sealed record SectionStaffingFact(int Agreed, int Frozen, bool NotWalking)
{
    /// <summary>Never more frozen than agreed places (freezes that overlap are capped, as <c>PlaceFreeze.FrozenOn</c> does).</summary>
    public int FrozenPlaces => Math.Min(Agreed, Frozen);

    public int Open => Agreed - FrozenPlaces;
}

/// <summary>Positions of one profession in a crèche (tableau des effectifs).</summary>
public sealed record PositionFact(Profession Profession, int Filled, int Vacant);

/// <summary>
/// A collective structure open on the reference day (issue 10): its encadrement rule, its sections with their frozen places,
/// and its staffing table (empty when its gestionnaire has not filled it in: <see cref="HasStaffingTable"/> false).
/// </summary>
public sealed record CrecheStaffingFact(
    string Key, string Name, string CommuneCode, EncadrementRule Rule, IReadOnlyList<SectionStaffingFact> Sections, IReadOnlyList<PositionFact> Positions)
{
    public bool HasStaffingTable => Positions.Count > 0;

    public int Agreed => Sections.Sum(s => s.Agreed);

    public int Frozen => Sections.Sum(s => s.FrozenPlaces);

    public int Vacant => Positions.Sum(p => p.Vacant);

    public int PositionsTotal => Positions.Sum(p => p.Filled + p.Vacant);

    /// <summary>
    /// Professionals needed at the same time, in addition, to take the children of the frozen places: the encadrement of every
    /// agreed place taken less that of the open places only (<see cref="Encadrement.Required"/>, the rule of the structure). 0
    /// without a frozen place. Computed for the whole structure, never section by section (the rule applies to the structure).
    /// </summary>
    public int StaffToReopen
    {
        get
        {
            if (Frozen == 0) return 0;
            var all = new Attendance(Sections.Where(s => s.NotWalking).Sum(s => s.Agreed), Sections.Where(s => !s.NotWalking).Sum(s => s.Agreed));
            var open = new Attendance(Sections.Where(s => s.NotWalking).Sum(s => s.Open), Sections.Where(s => !s.NotWalking).Sum(s => s.Open));
            return Encadrement.Required(Rule, all).Value - Encadrement.Required(Rule, open).Value;
        }
    }
}

/// <summary>
/// Issue 10's indicators of the observatory: vacant positions, places frozen for lack of staff, and the professionals needed to
/// reopen them. Every figure is a sum over the structures of the territory (an EPT or a département adds its communes' rows;
/// a ratio is Σ numerators ÷ Σ denominators).
/// </summary>
public static class StaffingIndicators
{
    public static Indicator VacantPositions(IReadOnlyCollection<CrecheStaffingFact> creches, IReadOnlyList<CommuneName> communes)
    {
        var filled = creches.Where(c => c.HasStaffingTable).ToList();
        var positions = filled.SelectMany(c => c.Positions).ToList();
        var note = filled.Count == 0
            ? "Aucune structure collective de ce territoire n’a rempli son tableau des effectifs : 0 poste vacant connu."
            : filled.Count < creches.Count
                ? $"{filled.Count} structure(s) collective(s) sur {creches.Count} ont rempli leur tableau des effectifs ; les autres ne sont pas comptées."
                : null;
        return new Indicator(IndicatorCatalog.VacantPositions, IndicatorState.Available, positions.Sum(p => p.Vacant),
                positions.Sum(p => p.Vacant), positions.Sum(p => p.Filled + p.Vacant), filled.Count, note)
            .With(
                new IndicatorBreakdown("metier", "Par métier",
                    [.. Professions.OfFacility.Select(p => (Profession: p, Rows: positions.Where(x => x.Profession == p).ToList()))
                        .Where(x => x.Rows.Count > 0)
                        .Select(x => new IndicatorRow(x.Profession.Code(), x.Profession.Label(), x.Rows.Sum(r => r.Vacant),
                            x.Rows.Sum(r => r.Vacant), x.Rows.Sum(r => r.Filled + r.Vacant)))]),
                DemandIndicators.ByCommune(communes, c =>
                {
                    var here = filled.Where(f => f.CommuneCode == c.Code).ToList();
                    return new IndicatorRow(c.Code, c.Name, here.Sum(f => f.Vacant), here.Sum(f => f.Vacant), here.Sum(f => f.PositionsTotal));
                }));
    }

    public static Indicator FrozenPlaces(IReadOnlyCollection<CrecheStaffingFact> creches, IReadOnlyList<CommuneName> communes)
    {
        var frozen = creches.Sum(c => c.Frozen);
        var french = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), true);
        var names = communes.ToDictionary(c => c.Code, c => c.Name, StringComparer.Ordinal);
        return new Indicator(IndicatorCatalog.FrozenPlaces, IndicatorState.Available, frozen, frozen, creches.Sum(c => c.Agreed),
                creches.Count(c => c.Frozen > 0),
                creches.Count == 0 ? "Aucune structure collective ouverte dans ce territoire." : null)
            .With(
                new IndicatorBreakdown("structure", "Par structure ayant des places gelées (places gelées sur places agréées)",
                    [.. creches.Where(c => c.Frozen > 0).OrderByDescending(c => c.Frozen).ThenBy(c => c.Name, french)
                        .Select(c => new IndicatorRow(c.Key, $"{c.Name} ({names.GetValueOrDefault(c.CommuneCode, c.CommuneCode)})", c.Frozen, c.Frozen, c.Agreed))]),
                DemandIndicators.ByCommune(communes, c =>
                {
                    var here = creches.Where(f => f.CommuneCode == c.Code).ToList();
                    return new IndicatorRow(c.Code, c.Name, here.Sum(f => f.Frozen), here.Sum(f => f.Frozen), here.Sum(f => f.Agreed));
                }));
    }

    public static Indicator StaffToReopen(IReadOnlyCollection<CrecheStaffingFact> creches, IReadOnlyList<CommuneName> communes)
    {
        var withFrozen = creches.Where(c => c.Frozen > 0).ToList();
        return new Indicator(IndicatorCatalog.StaffToReopen, IndicatorState.Available, withFrozen.Sum(c => c.StaffToReopen),
                Observations: withFrozen.Count,
                Note: withFrozen.Count == 0 ? "Aucune place gelée faute de personnel dans ce territoire au jour de référence." : null)
            .With(DemandIndicators.ByCommune(communes, c =>
                new IndicatorRow(c.Code, c.Name, withFrozen.Where(f => f.CommuneCode == c.Code).Sum(f => f.StaffToReopen))));
    }
}
