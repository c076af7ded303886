using Berceau.Domain.Offer;
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
            var open = new Attendance(Sections.Where(s => s.NotWalking).Sum(s => s.Open), Sections.Where(s => !s.NotWalking).Sum(s => s.Open));
            return StaffAtFullAttendance - Encadrement.Required(Rule, open).Value;
        }
    }

    /// <summary>Professionals needed at the same time when every agreed place is taken (<see cref="Encadrement.Required"/>, the structure's rule).</summary>
    public int StaffAtFullAttendance =>
        Encadrement.Required(Rule, new Attendance(Sections.Where(s => s.NotWalking).Sum(s => s.Agreed), Sections.Where(s => !s.NotWalking).Sum(s => s.Agreed))).Value;

    /// <summary>
    /// The share of a planned structure's places taken by children who do not walk yet, when nothing says more: children from
    /// about 3 months to 3 years spread evenly by age, walking at about one year, so one place in three (rounded up: the
    /// assumption errs towards more staff). Documented in docs/staffing.md.
    /// </summary>
    public const int PlannedNotWalkingShareDivisor = 3;

    /// <summary>
    /// A structure that does not exist yet, as the observatory pictures the places a schéma plans: the default rule (1 for 5 /
    /// 1 for 8, <see cref="EncadrementRule.FiveAndEight"/>) and ⌈places ÷ 3⌉ children who do not walk
    /// (<see cref="PlannedNotWalkingShareDivisor"/>), nothing frozen.
    /// </summary>
    public static CrecheStaffingFact Planned(string key, string name, string communeCode, int places)
    {
        var notWalking = (places + PlannedNotWalkingShareDivisor - 1) / PlannedNotWalkingShareDivisor;
        return new CrecheStaffingFact(key, name, communeCode, EncadrementRule.FiveAndEight,
            [new SectionStaffingFact(notWalking, 0, true), new SectionStaffingFact(places - notWalking, 0, false)], []);
    }
}

/// <summary>
/// A « places prévues » line of a published fiche of the schéma in force (issue 10): where (null: the whole département, without
/// a commune), how many, in which mode.
/// </summary>
public sealed record PlannedPlacesFact(string Key, string SheetNumber, string? CommuneCode, int Places, CareMode Mode, string? Label)
{
    /// <summary>The encadrement rule (RULES §8) is that of collective EAJE; micro-crèches have their own (not modelled), MAM and assistants maternels none.</summary>
    public bool FollowsEncadrementRule => Mode is CareMode.EajeCollectif or CareMode.CrecheParentale or CareMode.CrecheEntreprise;

    /// <summary>Professionals needed at the same time for these places at full attendance, as one new structure; 0 for another mode.</summary>
    public int Staff => FollowsEncadrementRule ? CrecheStaffingFact.Planned(Key, SheetNumber, CommuneCode ?? "", Places).StaffAtFullAttendance : 0;
}

/// <summary>The schéma in force for a year in a département, as the indicator names it.</summary>
public sealed record SchemaInForce(string Title, string Period);

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

    /// <summary>
    /// « Personnel nécessaire pour ouvrir les places prévues par le schéma »: Σ over the planned places of the territory's
    /// communes (and, for a département, of its lines without a commune) of <see cref="PlannedPlacesFact.Staff"/>. Non disponible
    /// without a schéma in force for the year, or when it plans no place there that year.
    /// </summary>
    public static Indicator StaffForPlannedPlaces(SchemaInForce? schema, IReadOnlyCollection<PlannedPlacesFact> planned, IReadOnlyList<CommuneName> communes,
        bool wholeDepartement, int year)
    {
        var definition = IndicatorCatalog.StaffForPlannedPlaces;
        if (schema is null)
            return Indicator.Unavailable(definition, $"Aucun schéma départemental publié dans Berceau ne couvre l’année {year} pour ce territoire.");
        var codes = communes.Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        var here = planned.Where(p => p.CommuneCode is { } c ? codes.Contains(c) : wholeDepartement).ToList();
        var elsewhere = planned.Where(p => p.CommuneCode is null).Sum(p => p.Places);
        var inForce = $"Schéma en vigueur en {year} : « {schema.Title} » ({schema.Period}), fiches publiées seulement.";
        if (here.Count == 0)
            return Indicator.Unavailable(definition, $"{inForce} Il ne prévoit pas de places pour ce territoire en {year}."
                + (!wholeDepartement && elsewhere > 0 ? $" Il prévoit {elsewhere} place(s) pour tout le département, sans commune : elles ne sont comptées qu’au département." : ""));
        var counted = here.Where(p => p.FollowsEncadrementRule).ToList();
        var notes = new List<string> { inForce };
        if (here.Where(p => !p.FollowsEncadrementRule).Sum(p => p.Places) is > 0 and var other)
            notes.Add($"{other} place(s) prévue(s) en micro-crèche, crèche familiale, MAM ou chez des assistants maternels ne sont pas comptées : la règle d’encadrement des EAJE ne s’y applique pas.");
        if (wholeDepartement && here.Where(p => p.CommuneCode is null).Sum(p => p.Places) is > 0 and var departement)
            notes.Add($"Dont {departement} place(s) prévue(s) pour tout le département, sans commune : comptées au département, absentes des lignes par commune.");
        else if (!wholeDepartement && elsewhere > 0)
            notes.Add($"Le schéma prévoit aussi {elsewhere} place(s) pour tout le département, sans commune : elles ne sont comptées qu’au département.");
        var names = communes.ToDictionary(c => c.Code, c => c.Name, StringComparer.Ordinal);
        return new Indicator(definition, IndicatorState.Available, counted.Sum(p => p.Staff), Observations: counted.Sum(p => p.Places), Note: string.Join(" ", notes))
            .With(
                new IndicatorBreakdown("ligne", "Par ligne de places prévues (fiche, lieu, mode, places)",
                    [.. here.Select(p => new IndicatorRow(p.Key,
                        $"Fiche {p.SheetNumber} : {p.Places} place(s), {p.Mode.Label()}, "
                        + (p.CommuneCode is { } c ? names.GetValueOrDefault(c, c) : "tout le département")
                        + (p.Label is null ? "" : $" ({p.Label})") + (p.FollowsEncadrementRule ? "" : " : non comptée"),
                        p.FollowsEncadrementRule ? p.Staff : null))]),
                DemandIndicators.ByCommune(communes, c =>
                    new IndicatorRow(c.Code, c.Name, counted.Where(p => p.CommuneCode == c.Code).Sum(p => p.Staff))));
    }
}
