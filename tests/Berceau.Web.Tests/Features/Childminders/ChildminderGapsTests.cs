using System.Net;
using System.Text.Json;
using Berceau.Domain.Access;
using Berceau.Domain.Childminders;
using Berceau.Domain.Offer;
using Berceau.Web.Features.Childminders;
using Berceau.Web.Tests.Features.Offer;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Berceau.Web.Tests.Features.Childminders.ChildminderTestData;

namespace Berceau.Web.Tests.Features.Childminders;

/// <summary>
/// What issue 7's first part left: a family withdraws its request, finds its requests in the navigation, the invitation
/// offers the agrément's name, and the search draws its results on a map. Data in Vaujours (93074).
/// </summary>
[Collection(AppCollection.Name)]
[Trait("Category", "Database")]
public sealed class ChildminderGapsTests(BerceauApp app)
{
    public const string Vaujours = "93074";

    private Task<Facility> InVaujoursAsync(string name)
    {
        var facility = Childminder(name);
        facility.CommuneCode = Vaujours;
        facility.PostalCode = "93410";
        facility.Street = "7 allée des Lilas";
        facility.Latitude = 48.93149;
        facility.Longitude = 2.57123;
        facility.Vacancies.Add(new Vacancy
        {
            Places = 2, From = new DateOnly(2026, 11, 23), MinAgeMonths = 3, MaxAgeMonths = 36,
            Days = WeekDays.Monday, DeclaredAt = BerceauApp.Now.AddDays(-1), DeclaredBy = "test",
        });
        return app.SaveAsync(facility);
    }

    private static (string, string)[] Request() =>
        [("Input.ChildAgeMonths", "10"), ("Input.Days", "Monday"), ("Input.StartOn", "2027-01-04"), ("Input.Message", "Bonjour, nous cherchons une place le lundi.")];

    [Fact]
    public async Task AFamily_WithdrawsItsPendingRequest_TheChildminderIsTold_AndCanNoLongerAnswer()
    {
        var facility = await InVaujoursAsync(UniqueName("AM retrait"));
        var (family, _, _) = await Accounts.SignInAsNewFamilyAsync(app);
        var (other, _, _) = await Accounts.SignInAsNewFamilyAsync(app);
        var (childminder, childminderEmail) = await app.SignedInChildminderAsync(facility.Id);
        using var sent = await Forms.PostFormAsync(family, $"/assistants-maternels/{facility.Id}/contact", Request());
        var id = Guid.Parse(sent.Headers.Location!.OriginalString.Split('/')[^1]);
        var path = $"/famille/contacts/{id}";

        using var byOther = await Forms.PostFormToAsync(other, "/famille/contacts", $"{path}?handler=Withdraw", []);
        using var withdrawn = await Forms.PostFormToAsync(family, path, $"{path}?handler=Withdraw", []);
        var page = await Forms.TextAsync(await family.GetAsync(path));
        using var twice = await Forms.PostFormToAsync(family, "/famille/contacts", $"{path}?handler=Withdraw", []);
        using var answer = await Forms.PostFormAsync(childminder, $"/am/demandes/{id}", ("Input.Version", "1"), ("Input.Choice", "accept"), ("Input.ShareEmail", "true"));

        Assert.Equal(HttpStatusCode.NotFound, byOther.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.Contains("Vous avez retiré cette demande", page);
        Assert.DoesNotContain("Retirer ma demande", page);
        Assert.Equal(["Cette demande ne peut plus être retirée : elle est « Retirée par la famille »."], Forms.ErrorSummary(await Forms.TextAsync(twice)));
        Assert.DoesNotContain("Envoyer ma réponse", await Forms.TextAsync(answer));
        var request = await app.WithDbAsync(db => db.ContactRequests.AsNoTracking().SingleAsync(r => r.Id == id));
        Assert.Equal((ContactRequestStatus.Withdrawn, (string?)null), (request.Status, request.SharedEmail));
        Assert.Contains(await Mail.ReceivedAsync(app, childminderEmail), m => m.Contains("a retiré sa demande", StringComparison.Ordinal));
        Assert.Equal([ChildminderAudit.ContactRequested, ChildminderAudit.ContactWithdrawn],
            (await app.AuditAsync(ChildminderAudit.ContactRequestEntity, id.ToString())).Select(a => a.Action));
    }

    [Fact]
    public async Task TheFamilyNavigation_LinksToItsContactRequests()
    {
        var (family, _, _) = await Accounts.SignInAsNewFamilyAsync(app);
        using var agent = await app.SignedInAsync(Roles.Agent, commune: Vaujours);

        var familyHome = await Forms.TextAsync(await family.GetAsync("/"));
        var agentHome = await Forms.TextAsync(await agent.GetAsync("/"));

        Assert.Contains("href=\"/famille/contacts\"", familyHome);
        Assert.Contains("Mes demandes de contact", familyHome);
        Assert.DoesNotContain("href=\"/famille/contacts\"", agentHome);
    }

    [Fact]
    public async Task TheInvitationLink_OffersTheNameOfTheAgrement()
    {
        var facility = await InVaujoursAsync(UniqueName("Fatou K"));
        using var agent = await app.SignedInAsync(Roles.Agent, commune: Vaujours);
        var email = $"invitee.{Guid.NewGuid():N}@test.berceau.fr";

        using var invited = await Forms.PostFormAsync(agent, $"/pro/assistants-maternels/{facility.Id}/inviter", ("Input.Email", email));
        var link = Mail.LinkTo(await Mail.SingleReceivedAsync(app, email), ChildminderAccounts.InvitationPath);
        var form = await Forms.TextAsync(await app.Client().GetAsync(link));

        Assert.Equal(facility.Name, Forms.HiddenValue(form, "Input.Name"));
    }

    [Fact]
    public async Task TheSearchMap_HasEveryResult_AtAboutAKilometre_AndNoAddress()
    {
        var facility = await InVaujoursAsync(UniqueName("AM carte"));

        var page = await Forms.TextAsync(await app.Client().GetAsync($"/assistants-maternels?Where={Vaujours}&Age=10"));
        using var map = await app.Client().GetAsync($"/assistants-maternels?Where={Vaujours}&Age=10&handler=Map");
        using var bad = await app.Client().GetAsync("/assistants-maternels?Where=Nullepart&handler=Map");
        var json = JsonDocument.Parse(await map.Content.ReadAsStringAsync()).RootElement;

        Assert.Contains("data-geojson-url=\"/assistants-maternels?Where=93074&Age=10&handler=Map\"", page);
        Assert.Contains("Carte des assistants maternels trouvés", page);
        Assert.Equal("application/geo+json", map.Content.Headers.ContentType!.MediaType);
        var feature = json.GetProperty("features").EnumerateArray().Single(f => f.GetProperty("properties").GetProperty("nom").GetString() == facility.Name);
        var coordinates = feature.GetProperty("geometry").GetProperty("coordinates");
        Assert.Equal((2.57, 48.93), (coordinates[0].GetDouble(), coordinates[1].GetDouble()));
        Assert.Equal(2, feature.GetProperty("properties").GetProperty("placesDisponibles").GetInt32());
        Assert.DoesNotContain("Lilas", json.GetRawText());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }
}
