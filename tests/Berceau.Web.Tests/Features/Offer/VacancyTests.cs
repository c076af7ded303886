using System.Net;
using Berceau.Domain.Access;
using Berceau.Domain.Offer;
using Berceau.Web.Features.Portal;
using Berceau.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Berceau.Web.Tests.Features.Offer.OfferTestData;

namespace Berceau.Web.Tests.Features.Offer;

/// <summary>Declaring free places: per section or within the agrément, replacing the previous declaration, seen by families.</summary>
[Collection(AppCollection.Name)]
[Trait("Category", "Database")]
public sealed class VacancyTests(BerceauApp app)
{
    [Fact]
    public async Task Declare_WhenNewDeclarationForASection_ReplacesThePreviousAndShowsInPublicSearch()
    {
        var facility = await app.SaveAsync(Creche(Montreuil, UniqueName("Crèche qui recrute"), ("Bébés", 0, 18, 10), ("Grands", 18, 36, 12)));
        var babies = facility.Sections[0].Id;
        var older = facility.Sections[1].Id;
        using var director = await app.SignedInAsync(Roles.Director, facility: facility.Id.Value);
        var url = $"/pro/structures/{facility.Id}/places-disponibles";

        using var first = await Forms.PostFormAsync(director, url,
            ("Input.Sections[0].SectionId", babies.ToString()), ("Input.Sections[0].Places", "2"), ("Input.Sections[0].From", ""),
            ("Input.Sections[1].SectionId", older.ToString()), ("Input.Sections[1].Places", "1"), ("Input.Sections[1].From", "2026-12-01"));
        using var second = await Forms.PostFormAsync(director, url,
            ("Input.Sections[0].SectionId", babies.ToString()), ("Input.Sections[0].Places", "3"), ("Input.Sections[0].From", ""),
            ("Input.Sections[1].SectionId", older.ToString()), ("Input.Sections[1].Places", ""), ("Input.Sections[1].From", ""));

        AssertRedirectTo(first, $"/pro/structures/{facility.Id}");
        AssertRedirectTo(second, $"/pro/structures/{facility.Id}");
        var stored = (await app.StoredAsync(facility.Id))!;
        var forBabies = Assert.Single(stored.Vacancies, v => v.SectionId == babies);
        Assert.Equal((3, new DateOnly(2026, 11, 23), BerceauApp.Now, 0, 18), (forBabies.Places, forBabies.From, forBabies.DeclaredAt, forBabies.MinAgeMonths, forBabies.MaxAgeMonths));
        Assert.StartsWith("direction.", forBabies.DeclaredBy);
        var forOlder = Assert.Single(stored.Vacancies, v => v.SectionId == older);
        Assert.Equal((1, new DateOnly(2026, 12, 1)), (forOlder.Places, forOlder.From));
        Assert.Equal(["déclaration de places disponibles", "déclaration de places disponibles"], (await app.AuditOfAsync(facility.Id)).Select(a => a.Action));

        var found = await SearchWithVacanciesAsync(facility.Id.Value);
        Assert.NotNull(found);
        Assert.Equal(3, found.FreePlaces);
        var list = await Forms.TextAsync(await director.GetAsync("/pro/structures"));
        Assert.Contains("22 places dont 3 disponibles", list);
    }

    [Fact]
    public async Task Declare_WhenAboveTheSectionsPlaces_IsRefusedAndKeepsThePreviousDeclaration()
    {
        var facility = Creche(Montreuil, UniqueName("Crèche pleine"), ("Bébés", 0, 18, 10));
        var babies = facility.Sections[0].Id;
        facility.Vacancies.Add(new Vacancy { SectionId = babies, Places = 1, From = new DateOnly(2026, 11, 1), DeclaredAt = BerceauApp.Now.AddDays(-3) });
        await app.SaveAsync(facility);
        using var agent = await app.SignedInAsync(Roles.Agent, commune: Montreuil);

        using var response = await Forms.PostFormAsync(agent, $"/pro/structures/{facility.Id}/places-disponibles",
            ("Input.Sections[0].SectionId", babies.ToString()), ("Input.Sections[0].Places", "11"), ("Input.Sections[0].From", ""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await Forms.TextAsync(response);
        Assert.Contains("La section « Bébés » compte 10 places : indiquez un nombre de places disponibles entre 0 et 10.", Forms.ErrorSummary(html));
        Assert.Contains("id=\"Input_Sections_0__Places-error\"", html);
        var vacancy = Assert.Single((await app.StoredAsync(facility.Id))!.Vacancies);
        Assert.Equal(1, vacancy.Places);
        Assert.Empty(await app.AuditOfAsync(facility.Id));
    }

    [Fact]
    public async Task Declare_WhenChildminder_StaysWithinTheAgrementAndCanWithdraw()
    {
        var childminder = await app.SaveAsync(Childminder(Montreuil, UniqueName("AM disponible")));
        using var agent = await app.SignedInAsync(Roles.Agent, commune: Montreuil);
        var url = $"/pro/structures/{childminder.Id}/places-disponibles";

        using var tooMany = await Forms.PostFormAsync(agent, url, ("Input.Places", "4"), ("Input.MinAgeMonths", "0"), ("Input.MaxAgeMonths", "48"), ("Input.From", ""));
        using var accepted = await Forms.PostFormAsync(agent, url, ("Input.Places", "2"), ("Input.MinAgeMonths", "12"), ("Input.MaxAgeMonths", "36"), ("Input.From", ""));
        var declared = Assert.Single((await app.StoredAsync(childminder.Id))!.Vacancies);
        var found = await SearchWithVacanciesAsync(childminder.Id.Value);
        using var withdrawn = await Forms.PostFormToAsync(agent, url, url + "?handler=Withdraw", []);

        Assert.Equal(HttpStatusCode.OK, tooMany.StatusCode);
        var errors = await Forms.ErrorSummaryAsync(tooMany);
        Assert.Contains("La valeur doit être comprise entre 1 et 3.", errors);
        Assert.Contains("La valeur doit être comprise entre 0 et 36.", errors);
        AssertRedirectTo(accepted, $"/pro/structures/{childminder.Id}");
        Assert.Equal((2, 12, 36, (Guid?)null), (declared.Places, declared.MinAgeMonths, declared.MaxAgeMonths, declared.SectionId));
        Assert.Equal(2, found?.FreePlaces);
        AssertRedirectTo(withdrawn, $"/pro/structures/{childminder.Id}");
        Assert.Empty((await app.StoredAsync(childminder.Id))!.Vacancies);
        Assert.Null(await SearchWithVacanciesAsync(childminder.Id.Value));
        Assert.Equal(["déclaration de places disponibles", "retrait des places disponibles"], (await app.AuditOfAsync(childminder.Id)).Select(a => a.Action));
    }

    /// <summary>The facility as the public search shows it when a family asks for vacancies in Montreuil, or null.</summary>
    private async Task<FacilitySummary?> SearchWithVacanciesAsync(Guid id)
    {
        FacilitySummary? found = null;
        await app.WithScopeAsync(async services =>
        {
            var search = services.GetRequiredService<FacilitySearch>();
            for (var page = 1; found is null; page++)
            {
                var result = await search.SearchAsync(new FacilitySearchCriteria
                {
                    Where = Montreuil,
                    VacanciesOnly = true,
                    Page = page,
                    PageSize = FacilitySearch.MaxPageSize,
                });
                found = result.Items.FirstOrDefault(f => f.Id == id);
                if (page >= result.PageCount) break;
            }
        });
        return found;
    }
}
