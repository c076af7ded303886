using System.Net;
using Berceau.Domain.Access;
using Berceau.Web.Features.Staffing;
using Berceau.Web.Tests.Features.Commission;
using Berceau.Web.Tests.Features.Offer;
using Berceau.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Berceau.Web.Tests.Features.Staffing.StaffingTestData;

namespace Berceau.Web.Tests.Features.Staffing;

/// <summary>
/// Places gelées faute de personnel: recorded with a reason and dates, they lower the places open wherever capacity is used —
/// the portal's list and page, the seats a director offers the commission, the free places declared, the observatory's query.
/// </summary>
[Collection(AppCollection2.Name)]
[Trait("Category", "Database")]
public sealed class FrozenPlacesTests(BerceauApp app)
{
    private const string Nbsp = "\u00a0";

    [Fact]
    public async Task ADirector_FreezesPlaces_WithReasonAndDates_AndTheHistorySaysSo()
    {
        var creche = await app.CrecheAsync();
        using var director = await app.SignedInAsync(Roles.Director, facility: creche.Id.Value);
        var today = Today(app);

        var response = await PostFreezeAsync(director, creche, creche.Sections[0].Id.ToString(), "4", Iso(today), Iso(today.AddDays(30)));
        var page = await Forms.TextAsync(await director.GetAsync($"/pro/structures/{creche.Id}/personnel"));

        AssertRedirect(response);
        var freeze = Assert.Single(await app.FreezesAsync(creche));
        Assert.Equal((4, today, today.AddDays(30), "Deux postes d’auxiliaire vacants"), (freeze.Places, freeze.From, freeze.To, freeze.Reason));
        Assert.Matches(@"Places ouvertes\s*</dt>\s*<dd[^>]*>\s*26\s*</dd>", page);
        var audit = Assert.Single(await app.AuditOfAsync(creche.Id), a => a.Action == StaffingActions.PlacesFrozen);
        Assert.Contains("\"places\":4", audit.Details);
    }

    [Fact]
    public async Task BadFreezes_AreRefusedFieldByField_AndNothingIsFrozen()
    {
        var creche = await app.CrecheAsync();
        using var director = await app.SignedInAsync(Roles.Director, facility: creche.Id.Value);
        var today = Today(app);

        var blank = await PostFreezeAsync(director, creche, "", "", "", "", "");
        var wrong = await PostFreezeAsync(director, creche, creche.Sections[0].Id.ToString(), "11", Iso(today.AddDays(-1)), Iso(today.AddDays(-5)), "ok");
        var unknownSection = await PostFreezeAsync(director, creche, Guid.NewGuid().ToString(), "1", Iso(today));
        await app.FreezeAsync(creche, 0, 8, today);
        var overCapacity = await PostFreezeAsync(director, creche, creche.Sections[0].Id.ToString(), "3", Iso(today));

        Assert.Equal(
            ["Choisissez la section où des places sont gelées.", "Ce champ est obligatoire.", "Ce champ est obligatoire.", "Écrivez pourquoi les places sont gelées (au moins 5 caractères), par exemple « poste d’auxiliaire de puériculture vacant »."],
            await Forms.ErrorSummaryAsync(blank));
        Assert.Equal(4, (await Forms.ErrorSummaryAsync(wrong)).Count);
        Assert.Contains("Choisissez la section où des places sont gelées.", await Forms.ErrorSummaryAsync(unknownSection));
        Assert.Contains("vous pouvez en geler 2 de plus au maximum", Assert.Single(await Forms.ErrorSummaryAsync(overCapacity)));
        Assert.Single(await app.FreezesAsync(creche));
    }

    [Fact]
    public async Task FrozenPlaces_LowerTheOpenPlaces_OnThePortalListAndPage_OnlyWhileTheFreezeLasts()
    {
        var creche = await app.CrecheAsync();
        var today = Today(app);
        await app.FreezeAsync(creche, 0, 4, today, today.AddDays(9));
        await app.FreezeAsync(creche, 1, 3, today);

        var list = await Forms.TextAsync(await app.Client().GetAsync($"/?Where={Villepinte}"));
        var page = await Forms.TextAsync(await app.Client().GetAsync($"/structures/{creche.Id}"));
        var later = await Forms.TextAsync(await app.Client().GetAsync($"/?Where={Villepinte}&StartDate={Iso(today.AddDays(20))}"));

        Assert.Contains($"23{Nbsp}places ouvertes sur 30{Nbsp}places agréées (manque de personnel)", list);
        Assert.Contains($"23{Nbsp}places ouvertes sur 30{Nbsp}places agréées : 7{Nbsp}places sont fermées faute de personnel", page);
        Assert.Contains($"10{Nbsp}places, dont 4{Nbsp}fermées faute de personnel", page);
        Assert.Contains(creche.Name, later);
        Assert.Contains($"27{Nbsp}places ouvertes sur 30{Nbsp}places agréées", later);
    }

    [Fact]
    public async Task ReopeningFrozenPlaces_GivesThemBackToThePortal_FromTheDayChosen()
    {
        var creche = await app.CrecheAsync();
        using var agent = await app.SignedInAsync(Roles.Agent, commune: Villepinte);
        var today = Today(app);
        var freeze = await app.FreezeAsync(creche, 0, 5, today);

        var past = await Forms.PostFormAsync(agent, $"/pro/structures/{creche.Id}/personnel/gel/{freeze.Id}/fin", ("ReopenOn", Iso(today.AddDays(-1))));
        var reopened = await Forms.PostFormAsync(agent, $"/pro/structures/{creche.Id}/personnel/gel/{freeze.Id}/fin", ("ReopenOn", Iso(today)));
        var page = await Forms.TextAsync(await app.Client().GetAsync($"/structures/{creche.Id}"));

        Assert.Contains("Les places ne peuvent pas rouvrir avant aujourd’hui", Assert.Single(await Forms.ErrorSummaryAsync(past)));
        AssertRedirect(reopened);
        Assert.Equal(today.AddDays(-1), Assert.Single(await app.FreezesAsync(creche)).To);
        Assert.DoesNotContain("faute de personnel", page);
        Assert.Contains(await app.AuditOfAsync(creche.Id), a => a.Action == StaffingActions.FreezeEnded);
        // An ended freeze has no reopening page any more.
        Assert.Equal(HttpStatusCode.NotFound, (await agent.GetAsync($"/pro/structures/{creche.Id}/personnel/gel/{freeze.Id}/fin")).StatusCode);
    }

    [Fact]
    public async Task ADirector_CannotOfferTheCommissionMoreSeatsThanThePlacesOpen()
    {
        await app.EnsureGridAsync(NoisyLeGrand);
        var creche = await app.CrecheAsync(NoisyLeGrand);
        var (agent, _) = await app.StaffAsync(Roles.Agent, NoisyLeGrand);
        var (_, president) = await app.StaffAsync(Roles.Committee, NoisyLeGrand);
        var session = await app.CreateSessionAsync(agent, president, [], creche);
        var (director, _) = await app.StaffAsync(Roles.Director, commune: null, facility: creche.Id.Value);
        await app.FreezeAsync(creche, 0, 4, Today(app));
        (string, string)[] Row(string seats) =>
        [
            ("Seats[0].FacilityId", creche.Id.Value.ToString()), ("Seats[0].SectionId", creche.Sections[0].Id.ToString()),
            ("Seats[0].Seats", seats), ("Seats[0].AvailableOn", Iso(CommissionTestData.SeatsFrom)),
            // The form has a row per section: the « Grands » one is left empty, as a browser sends it.
            ("Seats[1].FacilityId", creche.Id.Value.ToString()), ("Seats[1].SectionId", creche.Sections[1].Id.ToString()),
            ("Seats[1].Seats", ""), ("Seats[1].AvailableOn", ""),
        ];

        var form = await Forms.TextAsync(await director.GetAsync($"/pro/commissions/{session}/places"));
        var tooMany = await Forms.PostFormAsync(director, $"/pro/commissions/{session}/places", Row("7"));
        var open = await Forms.PostFormAsync(director, $"/pro/commissions/{session}/places", Row("6"));

        Assert.Contains("De 0 à 6 (places ouvertes).", form);
        Assert.Contains("dont 4 gelée(s) faute de personnel", form);
        Assert.True(tooMany.StatusCode == HttpStatusCode.OK, $"{(int)tooMany.StatusCode} {tooMany.Headers.Location}");
        Assert.Equal($"La section Bébés a 6 place(s) ouverte(s) le {CommissionTestData.SeatsFrom:dd/MM/yyyy} (4 gelée(s) faute de personnel) : indiquez un nombre entre 0 et 6.",
            Assert.Single(await Forms.ErrorSummaryAsync(tooMany)));
        AssertRedirect(open);
    }

    [Fact]
    public async Task FreePlacesDeclared_CannotExceedThePlacesOpenThatDay()
    {
        var creche = await app.CrecheAsync();
        using var director = await app.SignedInAsync(Roles.Director, facility: creche.Id.Value);
        await app.FreezeAsync(creche, 0, 8, Today(app));

        var response = await Forms.PostFormAsync(director, $"/pro/structures/{creche.Id}/places-disponibles",
            ("Input.Sections[0].SectionId", creche.Sections[0].Id.ToString()), ("Input.Sections[0].Places", "3"), ("Input.Sections[0].From", ""));

        Assert.Equal("La section Bébés a 2 place(s) ouverte(s) à cette date (8 gelée(s) faute de personnel) : indiquez un nombre entre 0 et 2.",
            Assert.Single(await Forms.ErrorSummaryAsync(response)));
    }

    [Fact]
    public async Task TheObservatoryQuery_GivesAgreedFrozenAndOpenPlaces_ByCommune()
    {
        var first = await app.CrecheAsync();
        var today = Today(app);
        CapacityOnDay? before = null, after = null, later = null;
        await app.WithScopeAsync(async s => before = (await s.GetRequiredService<OpenCapacity>().ByCommuneAsync(today, [Villepinte], default)).Single());
        await app.FreezeAsync(first, 1, 6, today, today.AddDays(3));
        await app.WithScopeAsync(async s =>
        {
            var capacity = s.GetRequiredService<OpenCapacity>();
            after = (await capacity.ByCommuneAsync(today, [Villepinte], default)).Single();
            later = (await capacity.ByCommuneAsync(today.AddDays(4), [Villepinte], default)).Single();
        });

        Assert.Equal(before!.Agreed, after!.Agreed);
        Assert.Equal(before.Frozen + 6, after.Frozen);
        Assert.Equal(after.Agreed - after.Frozen, after.Open);
        Assert.Equal(before.Frozen, later!.Frozen);
    }
}
