using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Berceau.Domain.Access;
using Berceau.Web.Tests.Support;
using static Berceau.Web.Tests.Features.Applications.Api.ApiClients;
using static Berceau.Web.Tests.Features.Applications.ApplicationTestData;

namespace Berceau.Web.Tests.Features.Applications.Api;

/// <summary>Who reads what through /api/v1/demandes: a family its own, staff their territory, anyone else nothing (404).</summary>
[Collection(AppCollection3.Name)]
[Trait("Category", "Database")]
public sealed class ApplicationsApiAccessTests(BerceauApp app)
{
    private async Task<(HttpClient Family, Guid Id)> CreatedInAsync(string commune)
    {
        var creches = await app.CrechesAsync(commune, 1);
        var (family, _) = await FamilyAsync(app);
        using var response = await PostAsync(family, ValidBody(commune, creches[0].Id.ToString()), Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (family, (await JsonAsync(response)).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Family_ReadsItsOwnApplication_InTheListAndById()
    {
        var (family, id) = await CreatedInAsync(Montreuil);

        var list = await family.GetFromJsonAsync<JsonElement>(Demandes);
        var detail = await family.GetFromJsonAsync<JsonElement>($"{Demandes}/{id}");

        Assert.Equal(1, list.GetProperty("total").GetInt32());
        Assert.Equal(id, list.GetProperty("items")[0].GetProperty("id").GetGuid());
        Assert.Equal("Submitted", detail.GetProperty("status").GetString());
        Assert.Equal("Inès", detail.GetProperty("child").GetProperty("firstName").GetString());
    }

    [Fact]
    public async Task FamilyB_ReadingFamilyAsApplication_GetsNotFound_AndDoesNotListIt()
    {
        var (_, id) = await CreatedInAsync(Montreuil);
        var (familyB, _) = await FamilyAsync(app);

        using var response = await familyB.GetAsync($"{Demandes}/{id}");
        var list = await familyB.GetFromJsonAsync<JsonElement>(Demandes);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, list.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task AgentOfSaintDenis_ReadingMontreuilsApplication_GetsNotFound()
    {
        var (_, id) = await CreatedInAsync(Montreuil);
        var (email, password) = await Accounts.CreateStaffAsync(app, Roles.Agent, commune: SaintDenis);
        var agent = await Accounts.SignInAsync(app, email, password);

        using var response = await agent.GetAsync($"{Demandes}/{id}");
        var list = await agent.GetFromJsonAsync<JsonElement>(Demandes + "?parPage=100");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task AgentOfMontreuil_ReadsMontreuilsApplication_AndTheReadIsAudited()
    {
        var (_, id) = await CreatedInAsync(Montreuil);
        var (email, password) = await Accounts.CreateStaffAsync(app, Roles.Agent, commune: Montreuil);
        var agent = await Accounts.SignInAsync(app, email, password);

        var detail = await agent.GetFromJsonAsync<JsonElement>($"{Demandes}/{id}");

        Assert.Equal(id, detail.GetProperty("id").GetGuid());
        var audit = await app.AuditOfAsync(id);
        Assert.Contains(audit, a => a.Action == "lecture" && a.UserName == email);
    }

    [Fact]
    public async Task AdminOfTheDepartement_ReadsIt_AdminOfAnotherDepartement_DoesNot()
    {
        var (_, id) = await CreatedInAsync(Montreuil);
        var (inside, password) = await Accounts.CreateStaffAsync(app, Roles.Admin, departement: "93");
        var (outside, _) = await Accounts.CreateStaffAsync(app, Roles.Admin, departement: "92");

        using var seen = await (await Accounts.SignInAsync(app, inside, password)).GetAsync($"{Demandes}/{id}");
        using var hidden = await (await Accounts.SignInAsync(app, outside, password)).GetAsync($"{Demandes}/{id}");

        Assert.Equal(HttpStatusCode.OK, seen.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
    }

    [Fact]
    public async Task Visitor_GetsUnauthorized_NotTheSignInPage()
    {
        using var response = await app.Client().GetAsync(Demandes);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task StaffWithoutTwoFactor_IsRefused()
    {
        var (email, password) = await Accounts.CreateStaffWithoutTwoFactorAsync(app, Roles.Agent, commune: Montreuil);
        var agent = await Accounts.SignInAsync(app, email, password);

        using var response = await agent.GetAsync(Demandes);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Agent_CannotCreateAnApplication()
    {
        var creches = await app.CrechesAsync(Montreuil, 1);
        var (email, password) = await Accounts.CreateStaffAsync(app, Roles.Agent, commune: Montreuil);
        var agent = await Accounts.SignInAsync(app, email, password);
        await AddAntiforgeryHeaderAsync(agent);

        using var response = await PostAsync(agent, ValidBody(Montreuil, creches[0].Id.ToString()), Guid.NewGuid().ToString());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Post_WithoutTheAntiforgeryHeader_IsRefused_AndNothingIsSaved()
    {
        var creches = await app.CrechesAsync(Montreuil, 1);
        var (family, userId) = await app.SignedInFamilyAsync();

        using var response = await PostAsync(family, ValidBody(Montreuil, creches[0].Id.ToString()), Guid.NewGuid().ToString());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("anti-falsification", await response.Content.ReadAsStringAsync());
        Assert.Empty(await app.ApplicationsOfAsync(userId));
    }

    [Fact]
    public async Task Post_WithTheTokenOfAnotherAccount_IsRefused()
    {
        var creches = await app.CrechesAsync(Montreuil, 1);
        var (familyA, _) = await FamilyAsync(app);
        var (familyB, userB) = await app.SignedInFamilyAsync();
        // A token is bound to the account it was issued to: A's token in B's session is worthless.
        familyB.DefaultRequestHeaders.Add("RequestVerificationToken", familyA.DefaultRequestHeaders.GetValues("RequestVerificationToken"));

        using var response = await PostAsync(familyB, ValidBody(Montreuil, creches[0].Id.ToString()), Guid.NewGuid().ToString());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await app.ApplicationsOfAsync(userB));
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheDemandesRoutes()
    {
        var document = await app.Client().GetStringAsync("/openapi/v1.json");

        Assert.Contains("/api/v1/demandes", document);
        Assert.Contains("Idempotency-Key", document);
    }
}
