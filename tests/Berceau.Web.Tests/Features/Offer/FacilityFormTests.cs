using System.Net;
using Berceau.Domain.Access;
using Berceau.Domain.Offer;
using Berceau.Web.Features.Offer;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Berceau.Web.Tests.Features.Offer.OfferTestData;

namespace Berceau.Web.Tests.Features.Offer;

/// <summary>Creating and editing facilities: French errors beside the fields, nothing saved on error, concurrency, audit.</summary>
[Collection(AppCollection.Name)]
[Trait("Category", "Database")]
public sealed class FacilityFormTests(BerceauApp app)
{
    [Fact]
    public async Task Create_WhenValidWithoutPosition_PlacesItAtTheCommuneCentroidAndAudits()
    {
        using var agent = await app.SignedInAsync(Roles.Agent, commune: Montreuil);
        var name = UniqueName("Nouvelle crèche");

        using var response = await Forms.PostFormAsync(agent, "/pro/structures/nouvelle",
            CrecheForm(name, Montreuil, MontreuilPostalCode, 0, (null, "Bébés", "0", "18", "10"), (null, "Grands", "18", "36", "15")));

        var created = Assert.Single(await app.StoredByNameAsync(name));
        AssertRedirectTo(response, $"/pro/structures/{created.Id}");
        Assert.Equal(25, created.Sections.Sum(s => s.Places));
        Assert.Equal(WeekDays.Weekdays, created.OpeningDays);
        Assert.Equal(ReceptionTypes.Regular | ReceptionTypes.Occasional, created.ReceptionTypes);
        Assert.True(created.DisabilityInclusion);
        var boundary = await app.WithDbAsync(db => db.Communes.Where(c => c.Code == Montreuil).Select(c => c.BoundaryGeoJson).SingleAsync());
        var centroid = CommuneCentroid.Of(boundary)!.Value;
        Assert.Equal(Math.Round(centroid.Latitude, 6), created.Latitude);
        Assert.Equal(Math.Round(centroid.Longitude, 6), created.Longitude);
        Assert.InRange(created.Latitude, 48.84, 48.88);
        Assert.InRange(created.Longitude, 2.42, 2.49);
        var line = Assert.Single(await app.AuditOfAsync(created.Id));
        Assert.Equal("création", line.Action);
        Assert.Contains(name, line.Details);

        var details = await Forms.TextAsync(await agent.GetAsync($"/pro/structures/{created.Id}"));
        Assert.Contains("La structure a été créée.", details);
        Assert.Contains("création", details);
    }

    [Fact]
    public async Task Create_WhenInputIsWrong_ShowsFrenchErrorsAndSavesNothing()
    {
        using var agent = await app.SignedInAsync(Roles.Agent, commune: Montreuil);
        var before = await app.CountInCommuneAsync(Montreuil);
        var form = CrecheForm("", Montreuil, SaintDenisPostalCode, 0,
                (null, "Bébés", "0", "18", "10"), (null, "Moyens", "12", "30", "10"), (null, "Grands", "40", "30", "5"))
            .Set("Input.Email", "pas-une-adresse")
            .Set("Input.ClosesAt", "06:00");

        using var response = await Forms.PostFormAsync(agent, "/pro/structures/nouvelle", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await Forms.TextAsync(response);
        var errors = Forms.ErrorSummary(html);
        Assert.Contains("Ce champ est obligatoire.", errors);
        Assert.Contains(errors, e => e.StartsWith("Ce code postal n’est pas celui de Montreuil", StringComparison.Ordinal));
        Assert.Contains("Les âges de cette section chevauchent ceux de la section « Bébés ».", errors);
        Assert.Contains("L’âge maximum doit être supérieur à l’âge minimum.", errors);
        Assert.Contains(errors, e => e.StartsWith("Saisissez une adresse e-mail valide", StringComparison.Ordinal));
        Assert.Contains("L’heure de fermeture doit être après l’heure d’ouverture.", errors);
        // Each message also sits beside its field, and the summary links to it.
        Assert.Contains("href=\"#Input_Name\"", html);
        Assert.Contains("id=\"Input_Sections_1__MinAgeMonths-error\"", html);
        Assert.Contains("id=\"Input_PostalCode-error\"", html);
        Assert.Equal(before, await app.CountInCommuneAsync(Montreuil));
    }

    [Fact]
    public async Task Create_WhenMicroCrecheHasMoreThan12Places_IsRefused()
    {
        using var agent = await app.SignedInAsync(Roles.Agent, commune: Montreuil);
        var name = UniqueName("Micro-crèche");
        var form = CrecheForm(name, Montreuil, MontreuilPostalCode, 0, (null, "Petits", "3", "18", "6"), (null, "Grands", "18", "36", "7"))
            .Set("Input.Mode", "MICRO_CRECHE");

        using var response = await Forms.PostFormAsync(agent, "/pro/structures/nouvelle", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Une micro-crèche accueille au plus 12 enfants : les sections totalisent 13 places.", await Forms.ErrorSummaryAsync(response));
        Assert.Empty(await app.StoredByNameAsync(name));
    }

    [Fact]
    public async Task Create_WhenCommuneIsOutsideTheAgentsTerritory_IsRefused()
    {
        using var agent = await app.SignedInAsync(Roles.Agent, commune: Montreuil);
        var name = UniqueName("Hors territoire");

        using var response = await Forms.PostFormAsync(agent, "/pro/structures/nouvelle",
            CrecheForm(name, SaintDenis, SaintDenisPostalCode, 0, (null, "Bébés", "0", "18", "10")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Choisissez une commune de votre territoire.", await Forms.ErrorSummaryAsync(response));
        Assert.Empty(await app.StoredByNameAsync(name));
    }

    [Fact]
    public async Task Edit_WhenInputIsWrong_ShowsErrorsAndChangesNothing()
    {
        var facility = await app.SaveAsync(Creche(Montreuil, UniqueName("Crèche stable"), ("Bébés", 0, 18, 10)));
        using var agent = await app.SignedInAsync(Roles.Agent, commune: Montreuil);
        var form = CrecheForm("", Montreuil, "75001", facility.Version, (facility.Sections[0].Id, "Bébés", "0", "18", "-1"));

        using var response = await Forms.PostFormAsync(agent, $"/pro/structures/{facility.Id}/modifier", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var errors = await Forms.ErrorSummaryAsync(response);
        Assert.Contains("Ce champ est obligatoire.", errors);
        Assert.Contains("La valeur doit être comprise entre 0 et 200.", errors);
        Assert.Contains(errors, e => e.StartsWith("Ce code postal n’est pas celui de Montreuil", StringComparison.Ordinal));
        var stored = (await app.StoredAsync(facility.Id))!;
        Assert.Equal((facility.Name, facility.PostalCode, 0), (stored.Name, stored.PostalCode, stored.Version));
        Assert.Equal(10, Assert.Single(stored.Sections).Places);
        Assert.Empty(await app.AuditOfAsync(facility.Id));
    }

    [Fact]
    public async Task Edit_WhenSomeoneSavedMeanwhile_ShowsConflictAndOverwritesNothing()
    {
        var facility = await app.SaveAsync(Creche(Montreuil, UniqueName("Crèche disputée"), ("Bébés", 0, 18, 10)));
        using var agent = await app.SignedInAsync(Roles.Agent, commune: Montreuil);
        var page = await Forms.TextAsync(await agent.GetAsync($"/pro/structures/{facility.Id}/modifier"));
        var version = Forms.HiddenValue(page, "Input.Version")!;
        // Another person saves first.
        await app.WithDbAsync(async db =>
        {
            var stored = await db.Facilities.SingleAsync(f => f.Id == facility.Id);
            stored.Name = "Nom choisi par l’autre personne";
            stored.Version++;
            return await db.SaveChangesAsync();
        });

        using var response = await Forms.PostFormAsync(agent, $"/pro/structures/{facility.Id}/modifier",
            CrecheForm("Mon nom à moi", Montreuil, MontreuilPostalCode, int.Parse(version, System.Globalization.CultureInfo.InvariantCulture),
                (facility.Sections[0].Id, "Bébés", "0", "18", "10")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(await Forms.ErrorSummaryAsync(response), e => e.Contains("modifiée par quelqu’un d’autre", StringComparison.Ordinal));
        Assert.Equal("Nom choisi par l’autre personne", (await app.StoredAsync(facility.Id))!.Name);
        Assert.Empty(await app.AuditOfAsync(facility.Id));
    }

    [Fact]
    public async Task Edit_WhenSectionIsEmptiedAndAnotherAdded_ReplacesThemAndTheirVacancies()
    {
        var facility = Creche(Montreuil, UniqueName("Crèche réorganisée"), ("Bébés", 0, 18, 10), ("Grands", 18, 36, 10));
        facility.Vacancies.Add(new Vacancy { SectionId = facility.Sections[0].Id, Places = 2, From = new DateOnly(2026, 11, 1), DeclaredAt = BerceauApp.Now });
        await app.SaveAsync(facility);
        using var agent = await app.SignedInAsync(Roles.Agent, departement: "93");

        using var response = await Forms.PostFormAsync(agent, $"/pro/structures/{facility.Id}/modifier",
            CrecheForm(facility.Name, Montreuil, MontreuilPostalCode, 0,
                (facility.Sections[0].Id, "", "", "", ""), (facility.Sections[1].Id, "Grands", "18", "36", "10"), (null, "Moyens", "6", "18", "8")));

        AssertRedirectTo(response, $"/pro/structures/{facility.Id}");
        var stored = (await app.StoredAsync(facility.Id))!;
        Assert.Equal(["Grands", "Moyens"], stored.Sections.Select(s => s.Name).Order());
        Assert.Empty(stored.Vacancies);
    }

    [Fact]
    public async Task Edit_WhenChildminderAgrementIsAboveSixChildren_IsRefused()
    {
        var childminder = await app.SaveAsync(Childminder(Montreuil, UniqueName("AM Test")));
        using var agent = await app.SignedInAsync(Roles.Agent, commune: Montreuil);
        var form = CrecheForm(childminder.Name, Montreuil, MontreuilPostalCode, 0)
            .Set("Input.Mode", "AM").Set("Input.ManagerType", "Private").Set("Input.Street", "")
            .Set("Input.AgrementChildren", "7").Set("Input.AgrementMinAgeMonths", "0").Set("Input.AgrementMaxAgeMonths", "36");

        using var refused = await Forms.PostFormAsync(agent, $"/pro/structures/{childminder.Id}/modifier", form);
        using var accepted = await Forms.PostFormAsync(agent, $"/pro/structures/{childminder.Id}/modifier",
            form.Set("Input.AgrementChildren", "4").Set("Input.AgrementValidUntil", "2030-06-30"));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("La valeur doit être comprise entre 1 et 6.", await Forms.ErrorSummaryAsync(refused));
        AssertRedirectTo(accepted, $"/pro/structures/{childminder.Id}");
        var stored = (await app.StoredAsync(childminder.Id))!;
        Assert.Equal(new Agrement(4, 0, 36, new DateOnly(2030, 6, 30), null), stored.Agrement);
        Assert.Contains("\"Agrement\"", Assert.Single(await app.AuditOfAsync(childminder.Id)).Details);
    }

    [Fact]
    public async Task Close_WhenAgent_ClosesWithReasonThenReopensWithAudit()
    {
        var facility = await app.SaveAsync(Creche(Montreuil, UniqueName("Crèche en travaux"), ("Bébés", 0, 18, 10)));
        using var agent = await app.SignedInAsync(Roles.Agent, commune: Montreuil);
        var url = $"/pro/structures/{facility.Id}/fermer";

        using var noReason = await Forms.PostFormAsync(agent, url, ("Input.Version", "0"), ("Input.ClosedOn", "2026-11-23"), ("Input.Reason", " "));
        using var closed = await Forms.PostFormAsync(agent, url, ("Input.Version", "0"), ("Input.ClosedOn", "2026-11-23"), ("Input.Reason", "Travaux de mise aux normes"));
        var afterClose = (await app.StoredAsync(facility.Id))!;
        using var reopened = await Forms.PostFormToAsync(agent, url, url + "?handler=Reopen", [new("Input.Version", "1")]);

        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains("Ce champ est obligatoire.", await Forms.ErrorSummaryAsync(noReason));
        AssertRedirectTo(closed, $"/pro/structures/{facility.Id}");
        Assert.Equal((new DateOnly(2026, 11, 23), "Travaux de mise aux normes"), (afterClose.ClosedOn, afterClose.ClosureReason));
        AssertRedirectTo(reopened, $"/pro/structures/{facility.Id}");
        Assert.Null((await app.StoredAsync(facility.Id))!.ClosedOn);
        Assert.Equal(["fermeture", "réouverture"], (await app.AuditOfAsync(facility.Id)).Select(a => a.Action));
    }
}
