using System.Net;
using Berceau.Domain.Access;
using Berceau.Domain.Childminders;
using Berceau.Domain.Offer;
using Berceau.Web.Features.Childminders;
using Berceau.Web.Tests.Features.Offer;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Berceau.Web.Tests.Features.Childminders.ChildminderTestData;

namespace Berceau.Web.Tests.Features.Childminders;

/// <summary>Families search childminders and write to them through the platform; the childminder chooses what to disclose.</summary>
[Collection(AppCollection.Name)]
[Trait("Category", "Database")]
public sealed class ContactRequestTests(BerceauApp app)
{
    private async Task<Facility> AvailableAsync(string name)
    {
        var facility = Childminder(name);
        facility.AtypicalHours = true;
        facility.Vacancies.Add(new Vacancy
        {
            Places = 1, From = new DateOnly(2026, 11, 23), MinAgeMonths = 6, MaxAgeMonths = 30,
            Days = WeekDays.Monday | WeekDays.Tuesday, DeclaredAt = BerceauApp.Now.AddDays(-1), DeclaredBy = "test",
        });
        return await app.SaveAsync(facility);
    }

    private static (string, string)[] Request(string message = "Bonjour, nous cherchons un accueil pour notre fille.") =>
        [("Input.ChildAgeMonths", "10"), ("Input.Days", "Monday"), ("Input.StartOn", "2027-01-04"), ("Input.Message", message)];

    private async Task<Guid> SentAsync(HttpClient family, Facility facility)
    {
        using var sent = await Forms.PostFormAsync(family, $"/assistants-maternels/{facility.Id}/contact", Request());
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        return Guid.Parse(sent.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    [Fact]
    public async Task Search_FindsChildmindersByCommuneAgeDaysAndAtypicalHours_WithTheirPlaces_AndNoHouseNumber()
    {
        var facility = await AvailableAsync(UniqueName("AM cherchée"));

        var found = await Forms.TextAsync(await app.Client().GetAsync($"/assistants-maternels?Where={SaintOuen}&Age=12&Days=Monday&Atypical=true"));
        var tooOld = await Forms.TextAsync(await app.Client().GetAsync($"/assistants-maternels?Where={SaintOuen}&Age=40&Days=Monday&Atypical=true"));
        var unknown = await app.Client().GetAsync("/assistants-maternels?Where=Nullepart&Age=abc");

        Assert.Contains(facility.Name, found);
        Assert.Contains("1 place dès maintenant, de 6 à 30 mois, lundi, mardi", found);
        Assert.Contains("rue des Rosiers, 93400 Saint-Ouen-sur-Seine", found);
        Assert.DoesNotContain("12 bis rue des Rosiers", found);
        Assert.DoesNotContain("01 02 03 04 05", found);
        Assert.DoesNotContain(facility.Name, tooOld);
        Assert.Equal(2, Forms.ErrorSummary(await Forms.TextAsync(unknown)).Count);
    }

    [Fact]
    public async Task Request_AcceptedByTheChildminder_DisclosesOnlyWhatTheyTicked_AndTheRelaisSeesTheOutcome()
    {
        var facility = await AvailableAsync(UniqueName("AM contactée"));
        var (family, familyEmail, _) = await Accounts.SignInAsNewFamilyAsync(app);
        var (childminder, childminderEmail) = await app.SignedInChildminderAsync(facility.Id);
        using var relais = await app.SignedInAsync(Roles.Agent, commune: SaintOuen);

        var id = await SentAsync(family, facility);
        var waiting = await Forms.TextAsync(await family.GetAsync($"/famille/contacts/{id}"));
        var list = await Forms.TextAsync(await childminder.GetAsync("/am/demandes"));
        var page = await Forms.TextAsync(await childminder.GetAsync($"/am/demandes/{id}"));
        using var answered = await Forms.PostFormAsync(childminder, $"/am/demandes/{id}",
            ("Input.Version", "0"), ("Input.Choice", "accept"), ("Input.ShareEmail", "true"), ("Input.Message", "Appelez-moi le soir."));
        var accepted = await Forms.TextAsync(await family.GetAsync($"/famille/contacts/{id}"));
        var outcomes = await Forms.TextAsync(await relais.GetAsync("/pro/assistants-maternels/demandes-de-contact"));

        Assert.Contains("En attente de réponse", waiting);
        Assert.DoesNotContain(facility.Email!, waiting);
        Assert.Contains($"/am/demandes/{id}", list);
        Assert.Contains("nous cherchons un accueil", page);
        Assert.DoesNotContain(familyEmail, page);
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        Assert.Contains(facility.Email!, accepted);
        Assert.Contains("Appelez-moi le soir.", accepted);
        Assert.DoesNotContain("01 02 03 04 05", accepted);
        Assert.DoesNotContain("rue des Rosiers", accepted);
        Assert.Contains(facility.Name, outcomes);
        Assert.Contains("Acceptée", outcomes);
        Assert.DoesNotContain("nous cherchons un accueil", outcomes);
        Assert.Contains(await Mail.ReceivedAsync(app, childminderEmail), m => m.Contains($"/am/demandes/{id}", StringComparison.Ordinal));
        Assert.Contains(await Mail.ReceivedAsync(app, familyEmail), m => m.Contains($"/famille/contacts/{id}", StringComparison.Ordinal));
        Assert.Equal([ChildminderAudit.ContactRequested, ChildminderAudit.ContactAccepted],
            (await app.AuditAsync(ChildminderAudit.ContactRequestEntity, id.ToString())).Select(a => a.Action));
    }

    [Fact]
    public async Task Request_Declined_TellsTheFamily_AndCannotBeAnsweredTwice()
    {
        var facility = await AvailableAsync(UniqueName("AM complète"));
        var (family, _, _) = await Accounts.SignInAsNewFamilyAsync(app);
        var (childminder, _) = await app.SignedInChildminderAsync(facility.Id);
        var id = await SentAsync(family, facility);

        using var declined = await Forms.PostFormAsync(childminder, $"/am/demandes/{id}", ("Input.Version", "0"), ("Input.Choice", "decline"));
        var again = await Forms.PostFormAsync(childminder, $"/am/demandes/{id}", ("Input.Version", "1"), ("Input.Choice", "accept"), ("Input.ShareEmail", "true"));
        var page = await Forms.TextAsync(await family.GetAsync($"/famille/contacts/{id}"));

        Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);
        Assert.Contains("Vous avez déjà répondu", Assert.Single(Forms.ErrorSummary(await Forms.TextAsync(again))));
        Assert.Contains("ne peut pas donner suite", page);
        Assert.DoesNotContain(facility.Email!, page);
    }

    [Fact]
    public async Task Request_WithBadInput_NamesEachField_AndSendsNothing()
    {
        var facility = await AvailableAsync(UniqueName("AM formulaire"));
        var (family, _, userId) = await Accounts.SignInAsNewFamilyAsync(app);

        using var response = await Forms.PostFormAsync(family, $"/assistants-maternels/{facility.Id}/contact",
            ("Input.ChildAgeMonths", "100"), ("Input.StartOn", "2020-01-01"), ("Input.Message", "Court"));
        var errors = Forms.ErrorSummary(await Forms.TextAsync(response));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(4, errors.Count);
        Assert.False(await app.WithDbAsync(db => db.ContactRequests.AnyAsync(r => r.FamilyUserId == userId)));
    }

    [Fact]
    public async Task Answer_WithoutAChoice_OrSharingNothing_IsRefused()
    {
        var facility = await AvailableAsync(UniqueName("AM hésitante"));
        var (family, _, _) = await Accounts.SignInAsNewFamilyAsync(app);
        var (childminder, _) = await app.SignedInChildminderAsync(facility.Id);
        var id = await SentAsync(family, facility);

        using var noChoice = await Forms.PostFormAsync(childminder, $"/am/demandes/{id}", ("Input.Version", "0"));
        using var nothing = await Forms.PostFormAsync(childminder, $"/am/demandes/{id}", ("Input.Version", "0"), ("Input.Choice", "accept"));

        Assert.Contains("Choisissez « Accepter » ou « Décliner ».", Assert.Single(Forms.ErrorSummary(await Forms.TextAsync(noChoice))));
        Assert.Contains("Choisissez au moins une coordonnée", Assert.Single(Forms.ErrorSummary(await Forms.TextAsync(nothing))));
        Assert.Equal(ContactRequestStatus.Pending, await app.WithDbAsync(db => db.ContactRequests.Where(r => r.Id == id).Select(r => r.Status).SingleAsync()));
    }

    [Fact]
    public async Task Requests_AreSeenOnlyByTheirFamily_TheirChildminder_AndTheRelaisOfTheCommune()
    {
        var facility = await AvailableAsync(UniqueName("AM privée"));
        var other = await AvailableAsync(UniqueName("AM voisine"));
        var (family, _, _) = await Accounts.SignInAsNewFamilyAsync(app);
        var (otherFamily, _, _) = await Accounts.SignInAsNewFamilyAsync(app);
        var (otherChildminder, _) = await app.SignedInChildminderAsync(other.Id);
        using var elsewhere = await app.SignedInAsync(Roles.Agent, commune: Montreuil);
        var id = await SentAsync(family, facility);

        using var byOtherFamily = await otherFamily.GetAsync($"/famille/contacts/{id}");
        var otherFamilyList = await Forms.TextAsync(await otherFamily.GetAsync("/famille/contacts"));
        using var byOtherChildminder = await otherChildminder.GetAsync($"/am/demandes/{id}");
        using var answerByOther = await Forms.PostFormToAsync(otherChildminder, "/am/demandes", $"/am/demandes/{id}",
            [new("Input.Version", "0"), new("Input.Choice", "accept"), new("Input.ShareEmail", "true")]);
        var otherChildminderList = await Forms.TextAsync(await otherChildminder.GetAsync("/am/demandes"));
        var elsewhereList = await Forms.TextAsync(await elsewhere.GetAsync("/pro/assistants-maternels/demandes-de-contact"));
        using var anonymous = await app.Client().GetAsync($"/assistants-maternels/{facility.Id}/contact");

        Assert.Equal(HttpStatusCode.NotFound, byOtherFamily.StatusCode);
        Assert.DoesNotContain(facility.Name, otherFamilyList);
        Assert.Equal(HttpStatusCode.NotFound, byOtherChildminder.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, answerByOther.StatusCode);
        Assert.DoesNotContain(id.ToString(), otherChildminderList);
        Assert.DoesNotContain(facility.Name, elsewhereList);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/compte/connexion", anonymous.Headers.Location?.OriginalString);
        Assert.Equal(ContactRequestStatus.Pending, await app.WithDbAsync(db => db.ContactRequests.Where(r => r.Id == id).Select(r => r.Status).SingleAsync()));
    }
}
