using System.Net;
using Berceau.Domain.Offer;
using Berceau.Web.Features.Childminders;
using Berceau.Web.Tests.Features.Offer;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Berceau.Web.Tests.Features.Childminders.ChildminderTestData;

namespace Berceau.Web.Tests.Features.Childminders;

/// <summary>A childminder's profile and availability declarations (days, places later), staleness and its reminder.</summary>
[Collection(AppCollection3.Name)]
[Trait("Category", "Database")]
public sealed class ChildminderProfileTests(BerceauApp app)
{
    private static (string, string)[] Profile(string version, params (string, string)[] overrides)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Version"] = version,
            ["Input.OpeningDays"] = "Monday",
            ["Input.OpensAt"] = "06:30",
            ["Input.ClosesAt"] = "19:00",
            ["Input.AtypicalHours"] = "true",
            ["Input.AtypicalHoursDetail"] = "Dès 6 h 30",
            ["Input.DisabilityInclusion"] = "true",
            ["Input.DisabilityExperience"] = "Formée à l’accueil d’enfants autistes",
            ["Input.Languages"] = "Arabe, anglais",
            ["Input.Description"] = "Maison avec jardin près du parc.",
            ["Input.Phone"] = "06 11 22 33 44",
            ["Input.Email"] = "contact.am@test.berceau.fr",
            ["Input.ShowFullAddress"] = "false",
        };
        foreach (var (k, v) in overrides) fields[k] = v;
        return [.. fields.Select(f => (f.Key, f.Value))];
    }

    [Fact]
    public async Task Profile_SavedByTheChildminder_ChangesTheirFacility_AndIsAudited()
    {
        var facility = await app.SaveAsync(Childminder(UniqueName("AM profil")));
        var (client, _) = await app.SignedInChildminderAsync(facility.Id);

        var form = await Forms.TextAsync(await client.GetAsync("/am/profil"));
        using var saved = await Forms.PostFormAsync(client, $"/am/profil/{facility.Id}", Profile("0"));

        Assert.Contains("« rue des Rosiers »", form);
        OfferTestData.AssertRedirectTo(saved, $"/am/profil/{facility.Id}");
        var stored = (await app.StoredAsync(facility.Id))!;
        Assert.True(stored.AtypicalHours);
        Assert.Equal(new TimeOnly(6, 30), stored.OpensAt);
        Assert.Equal(WeekDays.Monday, stored.OpeningDays);
        Assert.Equal("Arabe, anglais", stored.Languages);
        Assert.Equal(1, stored.Version);
        var profile = await app.WithDbAsync(db => db.ChildminderProfiles.AsNoTracking().SingleAsync(p => p.FacilityId == facility.Id));
        Assert.Equal("Dès 6 h 30", profile.AtypicalHoursDetail);
        Assert.False(profile.ShowFullAddress);
        var audit = Assert.Single(await app.AuditOfAsync(facility.Id));
        Assert.Equal(ChildminderAudit.ProfileUpdated, audit.Action);
        Assert.Contains("Languages", audit.Details);
    }

    [Fact]
    public async Task Profile_WithBadInput_NamesEachField_AndSavesNothing()
    {
        var facility = await app.SaveAsync(Childminder(UniqueName("AM erreurs")));
        var (client, _) = await app.SignedInChildminderAsync(facility.Id);

        using var response = await Forms.PostFormAsync(client, $"/am/profil/{facility.Id}", Profile("0",
            ("Input.OpeningDays", ""), ("Input.OpensAt", "18:00"), ("Input.ClosesAt", "08:00"), ("Input.Phone", "pas un numéro"),
            ("Input.Email", "pas-une-adresse"), ("Input.Description", new string('a', 2001))));
        var errors = Forms.ErrorSummary(await Forms.TextAsync(response));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(5, errors.Count);
        Assert.Contains("L’heure de fin doit être après l’heure de début.", errors);
        Assert.Equal(0, (await app.StoredAsync(facility.Id))!.Version);
        Assert.Empty(await app.AuditOfAsync(facility.Id));
    }

    [Fact]
    public async Task Profile_OfAnotherChildminder_IsForbidden_AndUnchanged()
    {
        var mine = await app.SaveAsync(Childminder(UniqueName("AM moi")));
        var theirs = await app.SaveAsync(Childminder(UniqueName("AM autre")));
        var (client, _) = await app.SignedInChildminderAsync(mine.Id);

        using var read = await client.GetAsync($"/am/profil/{theirs.Id}");
        using var write = await Forms.PostFormToAsync(client, "/am/profil", $"/am/profil/{theirs.Id}",
            [.. Profile("0").Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2))]);

        OfferTestData.AssertForbidden(read);
        OfferTestData.AssertForbidden(write);
        Assert.Equal(0, (await app.StoredAsync(theirs.Id))!.Version);
    }

    [Fact]
    public async Task Declare_WithDaysAndMorePlacesLater_StoresBoth_AndFamiliesSeeTheDays()
    {
        var facility = await app.SaveAsync(Childminder(UniqueName("AM jours")));
        var (client, _) = await app.SignedInChildminderAsync(facility.Id);

        using var declared = await Forms.PostFormAsync(client, $"/am/disponibilites/{facility.Id}",
            ("Input.Places", "1"), ("Input.MinAgeMonths", "3"), ("Input.MaxAgeMonths", "36"), ("Input.From", ""),
            ("Input.Days", "Monday"), ("Input.Days", "Tuesday"), ("Input.LaterPlaces", "2"), ("Input.LaterFrom", "2027-03-01"));
        var page = await Forms.TextAsync(await client.GetAsync($"/am/disponibilites/{facility.Id}"));

        OfferTestData.AssertRedirectTo(declared, $"/am/disponibilites/{facility.Id}");
        var vacancies = (await app.StoredAsync(facility.Id))!.Vacancies.OrderBy(v => v.From).ToList();
        Assert.Equal([(1, BerceauApp.Now.ToDateOnly()), (2, new DateOnly(2027, 3, 1))], vacancies.Select(v => (v.Places, v.From)));
        Assert.All(vacancies, v => Assert.Equal(WeekDays.Monday | WeekDays.Tuesday, v.Days));
        Assert.Contains("(lundi, mardi)", page);
    }

    [Theory]
    [InlineData("2", "", "Indiquez à la fois le nombre de places et la date")]
    [InlineData("", "2027-03-01", "Indiquez à la fois le nombre de places et la date")]
    [InlineData("4", "2027-03-01", "La valeur doit être comprise entre 1 et 3.")]
    [InlineData("1", "2026-11-01", "La date doit être après la date des places disponibles tout de suite.")]
    public async Task Declare_WithBadLaterPlaces_IsRefused_AndKeepsThePreviousDeclaration(string places, string from, string message)
    {
        var facility = await app.SaveAsync(Childminder(UniqueName("AM plus tard")));
        var (client, _) = await app.SignedInChildminderAsync(facility.Id);

        using var response = await Forms.PostFormAsync(client, $"/am/disponibilites/{facility.Id}",
            ("Input.Places", "1"), ("Input.MinAgeMonths", "0"), ("Input.MaxAgeMonths", "36"), ("Input.From", ""),
            ("Input.LaterPlaces", places), ("Input.LaterFrom", from));

        Assert.Contains(message, Assert.Single(Forms.ErrorSummary(await Forms.TextAsync(response))));
        Assert.Empty((await app.StoredAsync(facility.Id))!.Vacancies);
    }

    [Fact]
    public async Task StaleDeclaration_IsFlaggedToTheChildminder_AndRemindedOnce_ByTheJob()
    {
        var facility = await app.SaveAsync(Childminder(UniqueName("AM oubliée")));
        var (client, email) = await app.SignedInChildminderAsync(facility.Id);
        var fresh = await app.SaveAsync(Childminder(UniqueName("AM à jour")));
        var (_, freshEmail) = await app.SignedInChildminderAsync(fresh.Id);
        await app.WithDbAsync(async db =>
        {
            db.Vacancies.Add(Declared(BerceauApp.Now.AddMonths(-3))).Property("FacilityId").CurrentValue = facility.Id;
            db.Vacancies.Add(Declared(BerceauApp.Now.AddDays(-10))).Property("FacilityId").CurrentValue = fresh.Id;
            return await db.SaveChangesAsync();
        });
        var job = app.Services.GetRequiredService<AvailabilityReminderJob>();

        var page = await Forms.TextAsync(await client.GetAsync($"/am/disponibilites/{facility.Id}"));
        var first = await job.RunOnceAsync();
        var second = await job.RunOnceAsync();

        Assert.True(page.Contains("Votre déclaration date de plus de 2 mois", StringComparison.Ordinal), page[page.IndexOf("<main", StringComparison.Ordinal)..]);
        Assert.True(first.Ran);
        Assert.True(first.Reminded >= 1);
        Assert.Equal(0, second.Reminded);
        var reminder = await Mail.SingleReceivedAsync(app, email);
        Assert.Contains("Après 2 mois, les familles ne la voient plus", reminder);
        Assert.Contains("/am/disponibilites", reminder);
        Assert.Empty(await Mail.ReceivedAsync(app, freshEmail));
    }

    private static Vacancy Declared(DateTimeOffset at) =>
        new() { Places = 1, From = at.ToDateOnly(), MinAgeMonths = 0, MaxAgeMonths = 36, DeclaredAt = at, DeclaredBy = "test" };
}

internal static class DateExtensions
{
    public static DateOnly ToDateOnly(this DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);
}
