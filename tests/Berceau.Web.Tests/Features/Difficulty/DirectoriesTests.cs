using System.Net;
using Berceau.Domain.Access;
using Berceau.Domain.Meetings;
using Berceau.Domain.Resources;
using Berceau.Domain.Careers;
using Berceau.Web.Tests.Features.Offer;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Berceau.Web.Tests.Features.Difficulty.DifficultyTestData;

namespace Berceau.Web.Tests.Features.Difficulty;

/// <summary>
/// The disability resource directory, the training map and the recruitment events of the job board, through the real pages: staff
/// manage entries of their territory, the public finds them with the filters, bad input is refused in French, access is checked.
/// Data in Montreuil (93048), named uniquely.
/// </summary>
[Collection(AppCollection2.Name)]
[Trait("Category", "Database")]
public sealed class DirectoriesTests(BerceauApp app)
{
    private static (string, string)[] ResourceFields(string name, string email = "contact@pole-handicap.test", string website = "https://pole-handicap.test") =>
    [
        ("Input.Version", "0"), ("Input.Name", name), ("Input.Kind", nameof(DisabilityResourceKind.PoleRessources)), ("Input.CommuneCode", Montreuil),
        ("Input.Address", "12 rue de Paris"), ("Input.Phone", "01 48 00 00 00"), ("Input.Email", email), ("Input.Website", website),
        ("Input.Description", "Accompagne les familles vers une crèche qui accueille un enfant porteur d’autisme."),
    ];

    private Task<List<DisabilityResource>> ResourcesNamedAsync(string name) =>
        app.WithDbAsync(db => db.DisabilityResources.AsNoTracking().Where(r => r.Name == name).ToListAsync());

    private Task<List<TrainingOffer>> TrainingsOfAsync(string school) =>
        app.WithDbAsync(db => db.TrainingOffers.AsNoTracking().Where(t => t.School == school).ToListAsync());

    [Fact]
    public async Task AnAgentPublishesAResource_AndAFamilyFindsIt_WithoutAccents_UntilItIsWithdrawn()
    {
        var name = Name("Pôle ressources");
        using var agent = await app.SignedInAsync(Roles.Agent, commune: Montreuil);

        var created = await Forms.PostFormAsync(agent, "/pro/handicap/fiche", ResourceFields(name));
        StaffingAssert.Redirect(created);
        var resource = Assert.Single(await ResourcesNamedAsync(name));

        var search = await Forms.TextAsync(await app.Client().GetAsync($"/handicap?q=creche+autisme&commune={Montreuil}&type=PoleRessources"));
        Assert.Contains(name, search);
        Assert.Contains("mailto:contact@pole-handicap.test", search);
        var otherType = await Forms.TextAsync(await app.Client().GetAsync("/handicap?type=Camsp"));
        Assert.DoesNotContain(name, otherType);

        var path = created.Headers.Location!.OriginalString;
        StaffingAssert.Redirect(await Forms.PostFormToAsync(agent, path, path + "?handler=Withdraw", [new("Input.Version", "1"), new("withdrawn", "true")]));
        Assert.True(Assert.Single(await ResourcesNamedAsync(name)).Withdrawn);
        Assert.DoesNotContain(name, await Forms.TextAsync(await app.Client().GetAsync("/handicap")));
        Assert.Contains("création d’une fiche de l’annuaire handicap", await app.AuditActionsAsync(resource.Id.ToString()));
    }

    [Fact]
    public async Task TheRegistrysInclusiveStructures_AreListed_WithoutADoubleEntry()
    {
        var inclusive = TestData.Creche(Montreuil, Name("Crèche inclusive"), "93100", 48.86, 2.44, ("Tous", 3, 36, 20));
        inclusive.DisabilityInclusion = true;
        await app.SaveAsync(inclusive);
        var other = await app.CrecheAsync(Name("Crèche ordinaire"));

        var page = await Forms.TextAsync(await app.Client().GetAsync($"/handicap?commune={Montreuil}&type=structures"));

        Assert.Contains(inclusive.Name, page);
        Assert.Contains($"/structures/{inclusive.Id}", page);
        Assert.DoesNotContain(other.Name, page);
    }

    [Fact]
    public async Task ABadResource_IsRefused_InFrench_AndNothingIsSaved()
    {
        var name = Name("Service mal saisi");
        using var agent = await app.SignedInAsync(Roles.Agent, commune: Montreuil);

        var badContacts = await Forms.PostFormAsync(agent, "/pro/handicap/fiche", ResourceFields(name, email: "pas-un-mail", website: "http://site.test"));
        var noContact = await Forms.PostFormAsync(agent, "/pro/handicap/fiche",
            [.. ResourceFields(name, email: "", website: "").Select(f => f.Item1 == "Input.Phone" ? (f.Item1, "") : f)]);
        var otherCommune = await Forms.PostFormAsync(agent, "/pro/handicap/fiche",
            [.. ResourceFields(name).Select(f => f.Item1 == "Input.CommuneCode" ? (f.Item1, OtherCommune) : f)]);

        var errors = Forms.ErrorSummary(await Forms.TextAsync(badContacts));
        Assert.Contains("Saisissez une adresse e-mail valide, par exemple contact@pole-handicap.fr.", errors);
        Assert.Contains("Saisissez une adresse de site commençant par https://.", errors);
        Assert.Contains("Indiquez au moins un moyen de contact : téléphone, e-mail ou site internet.", Forms.ErrorSummary(await Forms.TextAsync(noContact)));
        Assert.Contains("Choisissez une commune de votre territoire.", Forms.ErrorSummary(await Forms.TextAsync(otherCommune)));
        Assert.Empty(await ResourcesNamedAsync(name));
    }

    [Fact]
    public async Task TheDirectoriesBackOffice_IsTheGuichetsOfTheTerritory()
    {
        var name = Name("Fiche protégée");
        using var agent = await app.SignedInAsync(Roles.Agent, commune: Montreuil);
        StaffingAssert.Redirect(await Forms.PostFormAsync(agent, "/pro/handicap/fiche", ResourceFields(name)));
        var id = Assert.Single(await ResourcesNamedAsync(name)).Id;
        using var stranger = await app.SignedInAsync(Roles.Agent, commune: OtherCommune);
        using var advisor = await app.SignedInAsync(Roles.Advisor, commune: Montreuil);
        var (family, _, _) = await Accounts.SignInAsNewFamilyAsync(app);

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/pro/handicap/fiche/{id}")).StatusCode);
        Assert.DoesNotContain(name, await Forms.TextAsync(await stranger.GetAsync("/pro/handicap")));
        foreach (var client in new[] { advisor, family })
        {
            foreach (var url in new[] { "/pro/handicap", $"/pro/handicap/fiche/{id}", "/pro/formations", "/pro/formations/fiche" })
            {
                OfferTestData.AssertForbidden(await client.GetAsync(url));
            }
        }
        Assert.Equal(HttpStatusCode.OK, (await app.Client().GetAsync("/handicap")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Client().GetAsync("/formations")).StatusCode);
    }

    private static (string, string)[] TrainingFields(string school, string diploma, string route, string start, string end) =>
    [
        ("Input.Version", "0"), ("Input.School", school), ("Input.Diploma", diploma), ("Input.Route", route), ("Input.CommuneCode", Montreuil),
        ("Input.Address", "3 avenue de la Résistance"), ("Input.Latitude", "48,8625"), ("Input.Longitude", "2.4426"), ("Input.Phone", ""),
        ("Input.Email", "scolarite@ifap.test"), ("Input.Website", ""), ("Input.Description", "Formation en 10 mois."),
        ("Input.Sessions[0].StartsOn", start), ("Input.Sessions[0].EndsOn", end), ("Input.Sessions[0].ApplyBy", ""),
        ("Input.Sessions[1].StartsOn", ""), ("Input.Sessions[1].EndsOn", ""), ("Input.Sessions[1].ApplyBy", ""),
    ];

    [Fact]
    public async Task AnAgentPublishesTrainings_TheMapAndTheListShowThem_AndTheFiltersKeepTheRightOnes()
    {
        var school = Name("IFAP Montreuil");
        var start = Iso(Today(app).AddMonths(3));
        var end = Iso(Today(app).AddMonths(13));
        using var agent = await app.SignedInAsync(Roles.Agent, commune: Montreuil);

        StaffingAssert.Redirect(await Forms.PostFormAsync(agent, "/pro/formations/fiche", TrainingFields(school, "AuxiliairePuericulture", "Apprenticeship", start, end)));
        StaffingAssert.Redirect(await Forms.PostFormAsync(agent, "/pro/formations/fiche", TrainingFields(school, "CapAepe", "Vae", start, "")));
        var offers = await TrainingsOfAsync(school);
        Assert.Equal(2, offers.Count);
        var ap = offers.Single(o => o.Diploma == Diploma.AuxiliairePuericulture);
        Assert.Equal(48.8625, ap.Latitude);
        Assert.Equal(Today(app).AddMonths(3), Assert.Single(ap.Sessions).StartsOn);

        var filtered = await Forms.TextAsync(await app.Client().GetAsync($"/formations?diplome=AuxiliairePuericulture&voie=Apprenticeship&commune={Montreuil}"));
        Assert.Contains($"id=\"formation-{ap.Id}\"", filtered);
        Assert.Contains($"\"id\":\"{ap.Id}\"", filtered);
        Assert.DoesNotContain(offers.Single(o => o.Diploma == Diploma.CapAepe).Id.ToString(), filtered);
        Assert.Contains("training-map.mjs", filtered);
    }

    [Fact]
    public async Task ABadTraining_IsRefused_InFrench_AndNothingIsSaved()
    {
        var school = Name("École mal saisie");
        using var agent = await app.SignedInAsync(Roles.Agent, commune: Montreuil);

        var endBeforeStart = await Forms.PostFormAsync(agent, "/pro/formations/fiche",
            TrainingFields(school, "Eje", "Initial", Iso(Today(app).AddMonths(3)), Iso(Today(app).AddMonths(2))));
        var noPlace = await Forms.PostFormAsync(agent, "/pro/formations/fiche",
            [.. TrainingFields(school, "Eje", "Erasmus", "", "").Select(f => f.Item1 is "Input.Latitude" ? (f.Item1, "") : f)]);

        Assert.Contains("La fin de la session doit être le jour de son début ou après.", Forms.ErrorSummary(await Forms.TextAsync(endBeforeStart)));
        var errors = Forms.ErrorSummary(await Forms.TextAsync(noPlace));
        Assert.Contains("Choisissez la voie : formation initiale, apprentissage, VAE ou formation continue.", errors);
        Assert.Contains("Indiquez la position de l’école : latitude et longitude, par exemple 48,9362 et 2,3574.", errors);
        Assert.Empty(await TrainingsOfAsync(school));
    }

    [Fact]
    public async Task TheJobBoard_ListsTheUpcomingRecruitmentEvents_OnlyThem()
    {
        var forum = Name("Forum des métiers");
        var workshop = Name("Atelier parents");
        await app.WithDbAsync(async db =>
        {
            foreach (var (title, kind) in new[] { (forum, MeetingKind.Recruitment), (workshop, MeetingKind.Workshop) })
            {
                var meeting = new InfoMeeting
                {
                    CommuneCode = Montreuil, Kind = kind, Audience = MeetingAudience.Professionals, Title = title, Organiser = "Ville de Montreuil",
                    Date = Today(app).AddDays(20), StartsAt = new TimeOnly(9, 30), EndsAt = new TimeOnly(12, 0), Place = "Hôtel de ville", Capacity = 80,
                    Languages = "français", CreatedBy = "test", CreatedAt = BerceauApp.Now,
                };
                meeting.Publish(BerceauApp.Now);
                db.InfoMeetings.Add(meeting);
            }
            return await db.SaveChangesAsync();
        });

        var board = await Forms.TextAsync(await app.Client().GetAsync("/emplois"));

        Assert.Contains(forum, board);
        Assert.DoesNotContain(workshop, board);
        Assert.Contains("Recrutement / métiers", await Forms.TextAsync(await app.Client().GetAsync("/reunions")));
    }
}
