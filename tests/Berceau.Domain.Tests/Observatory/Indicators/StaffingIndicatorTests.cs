using Berceau.Domain.Observatory.Indicators;
using Berceau.Domain.Offer;
using Berceau.Domain.Staffing;

namespace Berceau.Domain.Tests.Observatory.Indicators;

/// <summary>Issue 10's observatory indicators on hand-checked structures (figures worked out in the comments).</summary>
public class StaffingIndicatorTests
{
    private static readonly CommuneName A = new("93063", "Romainville");
    private static readonly CommuneName B = new("93013", "Le Bourget");

    private static CrecheStaffingFact Creche(string commune, EncadrementRule rule, SectionStaffingFact[] sections, params PositionFact[] positions) =>
        new(Guid.NewGuid().ToString(), "Crèche " + commune, commune, rule, sections, positions);

    [Fact]
    public void StaffToReopen_IsTheEncadrementOfEveryAgreedPlace_LessThatOfTheOpenOnes_ForTheWholeStructure()
    {
        // 1 for 5 / 1 for 8: 10 babies and 16 walkers → ⌈(8 × 10 + 5 × 16) ÷ 40⌉ = 4; 5 and 8 open → ⌈(40 + 40) ÷ 40⌉ = 2: 2 more.
        var fiveEight = Creche("93063", EncadrementRule.FiveAndEight, [new(10, 5, NotWalking: true), new(16, 8, NotWalking: false)]);
        Assert.Equal(2, fiveEight.StaffToReopen);
        // 1 for 6: 12 places → 2; 2 open → ⌈2 ÷ 6⌉ = 1 (3 children or fewer: no minimum of 2): 1 more.
        Assert.Equal(1, Creche("93063", EncadrementRule.OneForSix, [new(12, 10, false)]).StaffToReopen);
        // 8 of 12 frozen: 4 open children already need 2 adults (more than 3 children): reopening needs nobody more.
        Assert.Equal(0, Creche("93063", EncadrementRule.OneForSix, [new(12, 8, false)]).StaffToReopen);
        // 6 babies and 9 walkers → ⌈(48 + 45) ÷ 40⌉ = 3; one of each frozen → ⌈(40 + 40) ÷ 40⌉ = 2: 1 more (the shares are summed
        // over the structure before rounding, never rounded section by section).
        Assert.Equal(1, Creche("93063", EncadrementRule.FiveAndEight, [new(6, 1, true), new(9, 1, false)]).StaffToReopen);
        // Overlapping freezes beyond the agreed places count the agreed places only.
        Assert.Equal((12, 0), (Creche("93063", EncadrementRule.OneForSix, [new(12, 30, false)]).Frozen, Creche("93063", EncadrementRule.OneForSix, [new(12, 30, false)]).Sections[0].Open));
    }

    [Fact]
    public void Indicators_AreSumsOverTheStructures_AndTheCommunesAddUpToTheTerritory()
    {
        var a1 = Creche("93063", EncadrementRule.FiveAndEight, [new(10, 5, true), new(16, 8, false)],
            new PositionFact(Profession.Eje, 2, 1), new PositionFact(Profession.AuxiliairePuericulture, 4, 2), new PositionFact(Profession.Direction, 1, 0));
        var a2 = Creche("93063", EncadrementRule.OneForSix, [new(12, 10, false)]);
        var b1 = Creche("93013", EncadrementRule.OneForSix, [new(20, 0, false)], new PositionFact(Profession.CapAepe, 3, 1));
        var communes = new[] { A, B };

        var vacant = StaffingIndicators.VacantPositions([a1, a2, b1], communes);
        // 1 + 2 + 0 + 1 = 4 vacant of 3 + 6 + 1 + 4 = 14 positions; two structures have a table (a2 has none).
        Assert.Equal((4m, 4m, 14m, 2), (vacant.Value!.Value, vacant.Numerator!.Value, vacant.Denominator!.Value, vacant.Observations!.Value));
        Assert.Equal([("93063", 3m, 10m), ("93013", 1m, 4m)], vacant.Breakdown("commune")!.Rows.Select(r => (r.Key, r.Numerator!.Value, r.Denominator!.Value)));
        Assert.Equal(["EJE", "AUXILIAIRE_PUERICULTURE", "CAP_AEPE", "DIRECTION"], vacant.Breakdown("metier")!.Rows.Select(r => r.Key));
        Assert.Contains("2 structure(s) collective(s) sur 3", vacant.Note);

        var frozen = StaffingIndicators.FrozenPlaces([a1, a2, b1], communes);
        // 5 + 8 + 10 = 23 frozen of 26 + 12 + 20 = 58 agreed.
        Assert.Equal((23m, 23m, 58m, 2), (frozen.Value!.Value, frozen.Numerator!.Value, frozen.Denominator!.Value, frozen.Observations!.Value));
        Assert.Equal([13m, 10m], frozen.Breakdown("structure")!.Rows.Select(r => r.Value!.Value));

        var staff = StaffingIndicators.StaffToReopen([a1, a2, b1], communes);
        Assert.Equal((3m, 2), (staff.Value!.Value, staff.Observations!.Value));
        Assert.Equal([3m, 0m], staff.Breakdown("commune")!.Rows.Select(r => r.Value!.Value));
    }

    [Fact]
    public void PlannedPlaces_AreStaffedAsANewStructure_OneInThreeNotWalking_UnderTheDefaultRule()
    {
        // 12 places: ⌈12 ÷ 3⌉ = 4 who do not walk, 8 who walk → ⌈(8 × 4 + 5 × 8) ÷ 40⌉ = ⌈72 ÷ 40⌉ = 2 (and 2 adults above 3 children).
        Assert.Equal(2, Planned("93063", 12).Staff);
        // 30 places: 10 and 20 → ⌈(80 + 100) ÷ 40⌉ = ⌈4.5⌉ = 5.
        Assert.Equal(5, Planned(null, 30).Staff);
        // 60 places: 20 and 40 → (160 + 200) ÷ 40 = 9.
        Assert.Equal(9, Planned("93063", 60).Staff);
        // 3 places: 1 and 2 → ⌈(8 + 10) ÷ 40⌉ = 1; three children or fewer need no second adult.
        Assert.Equal(1, Planned("93063", 3).Staff);
        // The rule of the EAJE is not that of micro-crèches, MAM or assistants maternels: not counted.
        Assert.Equal(0, Planned("93063", 12, CareMode.MicroCreche).Staff);
        Assert.Equal(0, Planned("93063", 12, CareMode.Mam).Staff);
    }

    [Fact]
    public void StaffForPlannedPlaces_AddsUpTheLinesOfTheTerritory_DepartementWideLinesAtTheDepartementOnly()
    {
        var communes = new[] { A, B };
        var schema = new SchemaInForce("SDSF de test", "2024-2026");
        PlannedPlacesFact[] planned = [Planned("93063", 12), Planned("93063", 60), Planned("93013", 8, CareMode.Mam), Planned(null, 30)];

        // Département: 2 + 9 (Romainville) + 5 (the whole département) = 16; the MAM's 8 places are not counted.
        var departement = StaffingIndicators.StaffForPlannedPlaces(schema, planned, communes, wholeDepartement: true, 2026);
        Assert.Equal((IndicatorState.Available, 16m, 102), (departement.State, departement.Value!.Value, departement.Observations!.Value));
        Assert.Equal([11m, 0m], departement.Breakdown("commune")!.Rows.Select(r => r.Value!.Value));
        Assert.Equal([2m, 9m, null, 5m], departement.Breakdown("ligne")!.Rows.Select(r => r.Value));
        Assert.Contains("8 place(s) prévue(s) en micro-crèche, crèche familiale, MAM", departement.Note);
        Assert.Contains("Dont 30 place(s) prévue(s) pour tout le département", departement.Note);

        // A commune: its own lines only; the département-wide line is named in the note.
        var romainville = StaffingIndicators.StaffForPlannedPlaces(schema, planned, [A], wholeDepartement: false, 2026);
        Assert.Equal((11m, 72), (romainville.Value!.Value, romainville.Observations!.Value));
        Assert.Contains("30 place(s) pour tout le département, sans commune", romainville.Note);

        // Non disponible: no schéma in force, or no planned place in the territory that year.
        Assert.Equal(IndicatorState.Unavailable, StaffingIndicators.StaffForPlannedPlaces(null, [], communes, true, 2019).State);
        var none = StaffingIndicators.StaffForPlannedPlaces(schema, [Planned("93063", 12)], [B], false, 2026);
        Assert.Equal((IndicatorState.Unavailable, (decimal?)null), (none.State, none.Value));
        Assert.Contains("ne prévoit pas de places pour ce territoire en 2026", none.Note);
    }

    private static PlannedPlacesFact Planned(string? commune, int places, CareMode mode = CareMode.EajeCollectif) =>
        new(Guid.NewGuid().ToString(), "1.1", commune, places, mode, null);
}
