using Berceau.Domain.Offer;
using Berceau.Domain.Schema;

namespace Berceau.Domain.Tests.Schema;

/// <summary>The « places prévues » of a fiche action: where, when, how many, which mode; nothing changes when a line is wrong.</summary>
public sealed class PlannedPlacesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly PlanningScope Scope = new("93", 2024, 2026, new HashSet<string> { "93048", "93063" });

    private static ActionSheet Sheet() =>
        ActionSheet.Create(SdsfId.New(), Guid.NewGuid(), "1.1", [], new ActionSheetContent("Intitulé", null, null, null, null, null, []), Now).Value;

    [Fact]
    public void ValidLines_ReplaceThePreviousOnes_InOrder_BlankLinesIgnored_AndBumpTheVersion()
    {
        var sheet = Sheet();
        Assert.True(sheet.PlanPlaces([new("93048", 2026, 12, CareMode.EajeCollectif, " Crèche de la gare "), new(null, null, null, null, " ")], Scope).IsSuccess);
        Assert.True(sheet.PlanPlaces([new("93048", 2025, 12, CareMode.EajeCollectif, null), new(" ", 2026, 30, CareMode.Mam, null)], Scope).IsSuccess);

        Assert.Equal([("93048", 2025, 12, CareMode.EajeCollectif, 1), (null, 2026, 30, CareMode.Mam, 2)],
            sheet.PlannedPlaces.Select(p => (p.CommuneCode, p.Year, p.Places, p.Mode, p.Position)));
        Assert.Equal(2, sheet.Version);
    }

    [Fact]
    public void WrongLines_AreRefused_WithAFrenchMessagePerField_AndNothingChanges()
    {
        var sheet = Sheet();
        Assert.True(sheet.PlanPlaces([new("93048", 2026, 12, CareMode.EajeCollectif, null)], Scope).IsSuccess);

        var refused = sheet.PlanPlaces(
        [
            new("75056", 2026, 12, CareMode.EajeCollectif, null),     // a commune of another département
            new("93063", 2027, 12, CareMode.EajeCollectif, null),     // after the period
            new("93063", 2025, 0, CareMode.EajeCollectif, null),      // no place
            new("93063", 2025, 5001, CareMode.MicroCreche, null),     // absurd
            new("93063", 2024, 10, CareMode.Rpe, null),               // a service has no places
            new("93063", 2024, 10, null, new string('x', 201)),       // no mode, label too long
            new("93048", 2026, 5, CareMode.EajeCollectif, null),      // ok alone…
            new("93048", 2026, 7, CareMode.EajeCollectif, null),      // …but twice the same commune, year and mode
            new("93063", null, 5, CareMode.Mam, null),                // no year
        ], Scope);

        Assert.False(refused.IsSuccess);
        var messages = refused.Problems.ToDictionary(p => p.Field, p => p.Message);
        Assert.Equal("« 75056 » n’est pas le code INSEE d’une commune du département 93 : corrigez-le, ou laissez-le vide pour des places prévues dans tout le département.", messages["PlannedPlaces[0].CommuneCode"]);
        Assert.Equal("L’année 2027 est hors de la période du schéma (2024-2026).", messages["PlannedPlaces[1].Year"]);
        Assert.Equal("Indiquez un nombre de places prévues entre 1 et 5000.", messages["PlannedPlaces[2].Places"]);
        Assert.True(messages.ContainsKey("PlannedPlaces[3].Places"));
        Assert.Equal("Choisissez le mode d’accueil des places prévues.", messages["PlannedPlaces[4].Mode"]);
        Assert.True(messages.ContainsKey("PlannedPlaces[5].Mode") && messages.ContainsKey("PlannedPlaces[5].Label"));
        Assert.False(messages.ContainsKey("PlannedPlaces[6].CommuneCode"));
        Assert.Equal("Une autre ligne prévoit déjà des places pour 93048 en 2026 en « Crèche collective / multi-accueil » : additionnez-les sur une seule ligne.", messages["PlannedPlaces[7].CommuneCode"]);
        Assert.Equal("Indiquez l’année d’ouverture prévue, de 2024 à 2026 (période du schéma).", messages["PlannedPlaces[8].Year"]);
        Assert.Equal([("93048", 2026, 12)], sheet.PlannedPlaces.Select(p => (p.CommuneCode, p.Year, p.Places)));
        Assert.Equal(1, sheet.Version);
    }

    [Fact]
    public void AtMost_MaxLines()
    {
        var lines = Enumerable.Range(0, PlannedPlaces.MaxLines + 1).Select(i => new PlannedPlacesLine(null, 2024 + i % 3, 1 + i, CareMode.EajeCollectif, null)).ToList();
        Assert.Contains(Sheet().PlanPlaces(lines, Scope).Problems, p => p.Field == "PlannedPlaces");
    }
}
