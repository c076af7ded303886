using System.Net;
using System.Text.Json;
using Berceau.Domain.Access;
using Berceau.Domain.Staffing;
using Berceau.Web.Features.Jobs;
using Berceau.Web.Tests.Features.Offer;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Berceau.Web.Tests.Features.Staffing.StaffingTestData;

namespace Berceau.Web.Tests.Features.Staffing;

/// <summary>The job board: posting, the public list and its filters, expiry by date, closing, the open-data feed.</summary>
[Collection(AppCollection2.Name)]
[Trait("Category", "Database")]
public sealed class JobBoardTests(BerceauApp app)
{
    private static string NewTitle() => $"EJE test {Guid.NewGuid():N}"[..20];

    private async Task<JsonElement> FeedAsync(string query = "")
    {
        var response = await app.Client().GetAsync(JobsFeature.ApiPath + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static IEnumerable<string> Titles(JsonElement feed) => feed.GetProperty("offres").EnumerateArray().Select(o => o.GetProperty("titre").GetString()!);

    [Fact]
    public async Task AnAgent_PostsAnOffer_ThatIsOnTheBoard_OnItsPage_AndInTheFeed_WithAnAuditLine()
    {
        using var agent = await app.SignedInAsync(Roles.Agent, commune: Villepinte);
        var title = NewTitle();

        var response = await Forms.PostFormAsync(agent, "/pro/emplois/nouvelle", [.. JobFields(title)]);

        AssertRedirect(response);
        var job = Assert.Single(await app.JobsTitledAsync(title));
        Assert.Equal((Villepinte, Profession.Eje, ContractType.Titulaire, new DateOnly(2027, 1, 15), (Berceau.Domain.Offer.FacilityId?)null),
            (job.CommuneCode, job.Profession, job.Contract, job.ExpiresOn, job.FacilityId));
        Assert.Contains(title, await Forms.TextAsync(await app.Client().GetAsync("/emplois")));
        var page = await Forms.TextAsync(await app.Client().GetAsync($"/emplois/{job.Id}"));
        Assert.Contains("mailto:recrutement@villepinte.test", page);
        Assert.Contains("dès que possible", page);
        var item = (await FeedAsync($"?commune={Villepinte}")).GetProperty("offres").EnumerateArray().Single(o => o.GetProperty("titre").GetString() == title);
        Assert.Equal(("EJE", "TITULAIRE", "2027-01-15", JsonValueKind.Null), (item.GetProperty("metier").GetString(), item.GetProperty("contrat").GetString(),
            item.GetProperty("finPublication").GetString(), item.GetProperty("debut").ValueKind));
        Assert.EndsWith($"/emplois/{job.Id}", item.GetProperty("url").GetString());
        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityType == JobForms.EntityType && a.EntityId == job.Id.ToString()).ToListAsync());
        Assert.Equal(JobForms.Posted, Assert.Single(audit).Action);
    }

    [Fact]
    public async Task TheBoard_FiltersByProfessionCommuneAndContract_OnThePageAndInTheFeed()
    {
        var nurse = await app.JobAsync(profession: Profession.Infirmier, contract: ContractType.Cdd);
        var noisy = await app.JobAsync(commune: NoisyLeGrand, profession: Profession.Infirmier, contract: ContractType.Cdi);
        var cap = await app.JobAsync(profession: Profession.CapAepe, contract: ContractType.Cdd);

        var page = await Forms.TextAsync(await app.Client().GetAsync($"/emplois?metier=INFIRMIER&commune={Villepinte}&contrat=CDD"));
        var feed = Titles(await FeedAsync($"?metier=infirmier&commune={Villepinte}&contrat=CDD")).ToList();
        var noisyFeed = Titles(await FeedAsync($"?commune={NoisyLeGrand}")).ToList();

        Assert.Contains(nurse.Title, page);
        Assert.DoesNotContain(noisy.Title, page);
        Assert.DoesNotContain(cap.Title, page);
        Assert.Contains(nurse.Title, feed);
        Assert.DoesNotContain(noisy.Title, feed);
        Assert.DoesNotContain(cap.Title, feed);
        Assert.Contains(noisy.Title, noisyFeed);
        Assert.DoesNotContain(nurse.Title, noisyFeed);
    }

    [Fact]
    public async Task AnExpiredOffer_Disappears_TheDayAfterItsExpiryDate_WithoutAnyJobRunning()
    {
        var lastDay = await app.JobAsync(daysOnline: 0);
        var expired = await app.JobAsync(daysOnline: -1);

        var board = await Forms.TextAsync(await app.Client().GetAsync("/emplois"));
        var feed = Titles(await FeedAsync()).ToList();
        using var agent = await app.SignedInAsync(Roles.Agent, commune: Villepinte);
        var staffList = await Forms.TextAsync(await agent.GetAsync("/pro/emplois"));

        Assert.Contains(lastDay.Title, board);
        Assert.Contains(lastDay.Title, feed);
        Assert.DoesNotContain(expired.Title, board);
        Assert.DoesNotContain(expired.Title, feed);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client().GetAsync($"/emplois/{expired.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Client().GetAsync($"/emplois/{lastDay.Id}")).StatusCode);
        // The gestionnaire still finds it, marked expired, and may put it back online with a new date.
        Assert.Contains(expired.Title, staffList);
        Assert.Contains("Expirée", staffList);
    }

    [Fact]
    public async Task ClosingAnOffer_TakesItOffTheBoard_AndItCanNoLongerBeEdited()
    {
        var job = await app.JobAsync();
        using var agent = await app.SignedInAsync(Roles.Agent, commune: Villepinte);

        var closed = await Forms.PostFormToAsync(agent, $"/pro/emplois/{job.Id}", $"/pro/emplois/{job.Id}?handler=Close", [KeyValuePair.Create("version", "0")]);
        var edit = await Forms.PostFormAsync(agent, $"/pro/emplois/{job.Id}", [("Input.Version", "1"), .. JobFields("Remise en ligne")]);

        AssertRedirect(closed);
        Assert.True((await app.ReloadJobAsync(job.Id)).IsClosed);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client().GetAsync($"/emplois/{job.Id}")).StatusCode);
        Assert.DoesNotContain(job.Title, Titles(await FeedAsync()));
        Assert.Contains("Cette offre d’emploi est close : elle ne peut plus être modifiée.", await Forms.ErrorSummaryAsync(edit));
        Assert.Equal(job.Title, (await app.ReloadJobAsync(job.Id)).Title);
    }

    [Fact]
    public async Task AnAgent_CorrectsAnOffer_AndAStaleFormIsRefused()
    {
        var job = await app.JobAsync();
        using var agent = await app.SignedInAsync(Roles.Agent, commune: Villepinte);
        var title = NewTitle();

        var saved = await Forms.PostFormAsync(agent, $"/pro/emplois/{job.Id}", [("Input.Version", "0"), .. JobFields(title)]);
        var stale = await Forms.PostFormAsync(agent, $"/pro/emplois/{job.Id}", [("Input.Version", "0"), .. JobFields("Version périmée")]);

        AssertRedirect(saved);
        Assert.Contains(await Forms.ErrorSummaryAsync(stale), e => e.Contains("modifié par quelqu’un d’autre"));
        Assert.Equal(title, (await app.ReloadJobAsync(job.Id)).Title);
    }

    [Fact]
    public async Task BadInput_GetsAFrenchMessageOnEveryField_AndPostsNothing()
    {
        using var agent = await app.SignedInAsync(Roles.Agent, commune: Villepinte);
        var title = NewTitle();

        var response = await Forms.PostFormAsync(agent, "/pro/emplois/nouvelle",
            ("Input.Title", title), ("Input.CommuneCode", NoisyLeGrand), ("Input.Employer", ""), ("Input.Profession", "Pilote"),
            ("Input.Contract", "99"), ("Input.FullTime", "peut-être"), ("Input.StartDate", "2020-01-01"), ("Input.ExpiresOn", "2030-01-01"),
            ("Input.Description", ""), ("Input.HowToApply", new string('x', 501)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var errors = await Forms.ErrorSummaryAsync(response);
        Assert.Equal(9, errors.Count);
        Assert.Contains("Choisissez une commune de votre territoire.", errors);
        Assert.Contains("Choisissez le métier recherché.", errors);
        Assert.Contains("Choisissez le type de contrat.", errors);
        Assert.Contains(errors, e => e.StartsWith("La date de fin de publication doit être entre aujourd’hui"));
        Assert.Contains(errors, e => e.StartsWith("La date de prise de poste doit être entre aujourd’hui"));
        Assert.Contains("Le texte ne doit pas dépasser 500 caractères.", errors);
        Assert.Empty(await app.JobsTitledAsync(title));
    }

    [Fact]
    public async Task TheFeed_RejectsBadParameters_WithProblemJsonNamingEachOne()
    {
        var response = await app.Client().GetAsync($"{JobsFeature.ApiPath}?metier=PILOTE&contrat=CDX&commune=9305&page=0");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Equal(["commune", "contrat", "metier", "page"], errors.EnumerateObject().Select(p => p.Name).Order());
        Assert.StartsWith("Métier inconnu. Valeurs possibles : EJE", errors.GetProperty("metier")[0].GetString());
    }

    [Fact]
    public async Task TheFeed_IsDescribedInTheOpenApiDocument()
    {
        var document = await app.Client().GetStringAsync("/openapi/v1.json");

        Assert.Contains("\"/api/v1/offres-emploi\"", document);
        Assert.Contains("ListerOffresEmploi", document);
        Assert.Contains("finPublication", document);
    }
}
