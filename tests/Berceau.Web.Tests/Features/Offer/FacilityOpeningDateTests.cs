using System.Net;
using Berceau.Domain.Access;
using Berceau.Web.Tests.Features.OpenData;
using Berceau.Web.Tests.Support;
using static Berceau.Web.Tests.Features.Offer.OfferTestData;

namespace Berceau.Web.Tests.Features.Offer;

/// <summary>
/// The opening day of a structure in the staff form (<c>Facility.OpenedOn</c>): saved, audited, shown, counted by the observatory's
/// places created; a wrong day is refused with a French message and nothing saved. Romainville (93063), today 23 November 2026.
/// </summary>
[Collection(AppCollection2.Name)]
[Trait("Category", "Database")]
public sealed class FacilityOpeningDateTests(BerceauApp app)
{
    private const string Romainville = "93063";
    private const string RomainvillePostalCode = "93230";

    private async Task<decimal> PlacesCreatedIn2026Async()
    {
        // Served from a snapshot: refreshed as the observatory's worker would after the change.
        await app.RefreshIndicatorsAsync();
        var json = await app.Client().GetJsonAsync($"/api/v1/indicateurs?territoire={Romainville}&annee=2026");
        var created = json.GetProperty("indicateurs").EnumerateArray().Single(i => i.GetProperty("code").GetString() == "places-creees");
        return created.GetProperty("valeur").ValueKind == System.Text.Json.JsonValueKind.Number ? created.GetProperty("valeur").GetDecimal() : 0m;
    }

    [Fact]
    public async Task OpeningDay_IsSavedAuditedAndShown_AndCountsInThePlacesCreatedOfItsYear()
    {
        using var agent = await app.SignedInAsync(Roles.Agent, commune: Romainville);
        var name = UniqueName("Crèche ouverte");
        var before = await PlacesCreatedIn2026Async();

        using var response = await Forms.PostFormAsync(agent, "/pro/structures/nouvelle",
            CrecheForm(name, Romainville, RomainvillePostalCode, 0, (null, "Bébés", "0", "18", "10"), (null, "Grands", "18", "36", "8"))
                .Set("Input.OpenedOn", "2026-03-02"));

        var created = Assert.Single(await app.StoredByNameAsync(name));
        AssertRedirectTo(response, $"/pro/structures/{created.Id}");
        Assert.Equal(new DateOnly(2026, 3, 2), created.OpenedOn);
        Assert.Contains("\"OpenedOn\":[null,\"2026-03-02\"]", Assert.Single(await app.AuditOfAsync(created.Id)).Details, StringComparison.Ordinal);
        var details = await Forms.TextAsync(await agent.GetAsync($"/pro/structures/{created.Id}"));
        Assert.Contains("Date d’ouverture", details);
        Assert.Contains("02/03/2026", details);
        Assert.Equal(before + 18, await PlacesCreatedIn2026Async());

        // The edit form shows it back; emptied, the structure counts as opened before (no longer created in 2026).
        var edit = await agent.GetStringAsync($"/pro/structures/{created.Id}/modifier");
        Assert.Contains("value=\"2026-03-02\"", edit, StringComparison.Ordinal);
        using var cleared = await Forms.PostFormAsync(agent, $"/pro/structures/{created.Id}/modifier",
            CrecheForm(name, Romainville, RomainvillePostalCode, created.Version,
                (created.Sections.Single(s => s.Name == "Bébés").Id, "Bébés", "0", "18", "10"), (created.Sections.Single(s => s.Name == "Grands").Id, "Grands", "18", "36", "8"))
                .Set("Input.OpenedOn", ""));
        AssertRedirectTo(cleared, $"/pro/structures/{created.Id}");
        Assert.Null((await app.StoredAsync(created.Id))!.OpenedOn);
        Assert.Equal(before, await PlacesCreatedIn2026Async());
    }

    [Theory]
    [InlineData("2028-11-24", "La date d’ouverture peut être prévue 24 mois à l’avance au plus (jusqu’au 23/11/2028).")]
    [InlineData("31/02/2026", "Saisissez une date valide, par exemple 01/09/2026.")]
    [InlineData("hier", "Saisissez une date valide, par exemple 01/09/2026.")]
    public async Task WrongOpeningDay_IsRefused_InFrench_AndNothingIsSaved(string day, string message)
    {
        using var agent = await app.SignedInAsync(Roles.Agent, commune: Romainville);
        var name = UniqueName("Crèche datée");

        using var response = await Forms.PostFormAsync(agent, "/pro/structures/nouvelle",
            CrecheForm(name, Romainville, RomainvillePostalCode, 0, (null, "Bébés", "0", "18", "10")).Set("Input.OpenedOn", day));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await Forms.TextAsync(response);
        Assert.Contains(message, Forms.ErrorSummary(html));
        Assert.Contains("href=\"#Input_OpenedOn\"", html);
        Assert.Empty(await app.StoredByNameAsync(name));
    }

    [Fact]
    public async Task OpeningDay_AfterTheClosingDay_IsRefused_AndNothingChanges()
    {
        var creche = Creche(Romainville, UniqueName("Crèche fermée"), ("Bébés", 0, 18, 10));
        creche.Close(new DateOnly(2026, 6, 30), "Fin du bail");
        var facility = await app.SaveAsync(creche);
        using var agent = await app.SignedInAsync(Roles.Agent, commune: Romainville);

        using var response = await Forms.PostFormAsync(agent, $"/pro/structures/{facility.Id}/modifier",
            CrecheForm(facility.Name, Romainville, RomainvillePostalCode, facility.Version, (facility.Sections[0].Id, "Bébés", "0", "18", "10"))
                .Set("Input.OpenedOn", "2026-07-01"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("La date d’ouverture doit précéder la date de fermeture de la structure (30/06/2026).", await Forms.ErrorSummaryAsync(response));
        var stored = (await app.StoredAsync(facility.Id))!;
        Assert.Equal((null, facility.Version), (stored.OpenedOn, stored.Version));
        Assert.Empty(await app.AuditOfAsync(facility.Id));
    }
}
