using System.Text.Json;
using Berceau.Domain.Offer;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Tests.Features.OpenData;

/// <summary>
/// The public search keeps recent answers in memory; a parent must still see a change as soon as it is saved.
/// Each test asks a question no other test asks (its own commune and filters), then changes the offer and asks again.
/// </summary>
[Collection(AppCollection3.Name)]
[Trait("Category", "Database")]
public sealed class SearchCacheTests(BerceauApp app)
{
    private static IEnumerable<string?> Names(JsonElement page) =>
        page.GetProperty("resultats").EnumerateArray().Select(s => s.GetProperty("nom").GetString());

    [Fact]
    public async Task Search_AfterAFacilityIsAdded_ListsItAtOnce()
    {
        const string url = "/api/v1/structures?commune=93001&horairesAtypiques=true&handicap=true&parPage=100";
        var client = app.Client();
        var before = await client.GetJsonAsync(url);
        var name = OpenDataTestData.UniqueName("Crèche nouvelle");
        var creche = OpenDataTestData.Creche("93001", name, ("Tous", 3, 36, 20));
        creche.AtypicalHours = true;
        creche.DisabilityInclusion = true;
        await app.SaveAsync(creche);

        var after = await client.GetJsonAsync(url);

        Assert.DoesNotContain(name, Names(before));
        Assert.Contains(name, Names(after));
        Assert.Equal(before.GetProperty("total").GetInt32() + 1, after.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Search_AfterAVacancyIsDeclared_CountsItAtOnce()
    {
        var name = OpenDataTestData.UniqueName("Crèche libérée");
        var creche = await app.SaveAsync(OpenDataTestData.Creche("93005", name, ("Bébés", 3, 18, 10)));
        var url = $"/api/v1/structures?commune=93005&age=7&placesDisponibles=true&parPage=100&mode=EAJE_COLLECTIF";
        var client = app.Client();
        var before = await client.GetJsonAsync(url);

        await app.WithDbAsync(async db =>
        {
            var facility = await db.Facilities.Include(f => f.Vacancies).SingleAsync(f => f.Id == creche.Id);
            var vacancy = new Vacancy
            {
                Places = 2, From = new DateOnly(2026, 11, 1), MinAgeMonths = 3, MaxAgeMonths = 18, DeclaredAt = app.Clock.GetUtcNow(),
            };
            facility.Vacancies.Add(vacancy);
            // The id is set by the entity itself, so EF must be told this row is new.
            db.Entry(vacancy).State = EntityState.Added;
            return await db.SaveChangesAsync();
        });
        var after = await client.GetJsonAsync(url);

        Assert.DoesNotContain(name, Names(before));
        var listed = after.GetProperty("resultats").EnumerateArray().Single(s => s.GetProperty("nom").GetString() == name);
        Assert.Equal(2, listed.GetProperty("placesDisponibles").GetInt32());
    }

    [Fact]
    public async Task Search_AfterAFacilityCloses_DropsItAtOnce()
    {
        var name = OpenDataTestData.UniqueName("Crèche fermée");
        var creche = await app.SaveAsync(OpenDataTestData.Creche("93006", name, ("Tous", 3, 36, 12)));
        const string url = "/api/v1/structures?commune=93006&mode=EAJE_COLLECTIF,MICRO_CRECHE&parPage=100";
        var client = app.Client();
        var before = await client.GetJsonAsync(url);

        await app.WithDbAsync(async db =>
        {
            var facility = await db.Facilities.SingleAsync(f => f.Id == creche.Id);
            facility.Close(DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime), "Fin d’activité");
            return await db.SaveChangesAsync();
        });
        var after = await client.GetJsonAsync(url);

        Assert.Contains(name, Names(before));
        Assert.DoesNotContain(name, Names(after));
    }
}
