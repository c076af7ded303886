using Berceau.Domain.Observatory.Indicators;
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
}
