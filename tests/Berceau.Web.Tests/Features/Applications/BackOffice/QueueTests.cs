using System.Net;
using Berceau.Domain.Access;
using Berceau.Domain.Applications;
using Berceau.Web.Tests.Support;
using static Berceau.Web.Tests.Features.Applications.ApplicationTestData;
using static Berceau.Web.Tests.Features.Applications.BackOffice.BackOfficeTestData;

namespace Berceau.Web.Tests.Features.Applications.BackOffice;

/// <summary>The guichet's work queues and search, within the agent's territory only.</summary>
[Collection(AppCollection3.Name)]
[Trait("Category", "Database")]
public sealed class QueueTests(BerceauApp app)
{
    private static string Link(Guid id) => $"href=\"/pro/demandes/{id}\"";

    private async Task<string> QueueAsync(HttpClient agent, string file, string q)
    {
        using var response = await agent.GetAsync($"/pro/demandes?file={file}&q={Uri.EscapeDataString(q)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Forms.TextAsync(response);
    }

    [Fact]
    public async Task ANewApplication_IsToCheck_NotIncomplete()
    {
        var application = await app.FamilyApplicationAsync();
        using var agent = await app.SignedInAgentAsync();

        Assert.Contains(application.Reference, await QueueAsync(agent, "a-verifier", application.ChildLastName));
        Assert.DoesNotContain(application.Reference, await QueueAsync(agent, "incompletes", application.ChildLastName));
    }

    [Fact]
    public async Task AnApplicationConfirmedMoreThanThreeMonthsAgo_IsToConfirm_ThenLapsingSoonAfterFifteenDays()
    {
        var due = await app.FamilyApplicationAsync(submittedOn: Today.AddMonths(-3).AddDays(-2));
        var warned = await app.FamilyApplicationAsync(submittedOn: Today.AddMonths(-3).AddDays(-20));
        var fresh = await app.FamilyApplicationAsync(submittedOn: Today.AddMonths(-1));
        using var agent = await app.SignedInAgentAsync();

        var toConfirm = await QueueAsync(agent, "a-confirmer", "");
        var lapsing = await QueueAsync(agent, "bientot-caduques", "");

        Assert.Contains(due.Reference, toConfirm);
        Assert.DoesNotContain(warned.Reference, toConfirm);
        Assert.Contains(warned.Reference, lapsing);
        Assert.DoesNotContain(fresh.Reference, toConfirm + lapsing);
    }

    [Theory]
    [InlineData("child")]
    [InlineData("reference")]
    public async Task Search_FindsByNameOrReference_InEveryQueue(string by)
    {
        var application = await app.FamilyApplicationAsync();
        var other = await app.FamilyApplicationAsync();
        using var agent = await app.SignedInAgentAsync();
        var q = by == "child" ? application.ChildLastName.ToUpperInvariant() : application.Reference;

        using var response = await agent.GetAsync($"/pro/demandes?q={Uri.EscapeDataString(q)}");
        var page = await Forms.TextAsync(response);

        Assert.Contains(application.Reference, page);
        Assert.DoesNotContain(other.Reference, page);
    }

    [Fact]
    public async Task Search_ByStatus_ListsOnlyThatStatus()
    {
        var application = await app.FamilyApplicationAsync();
        using var agent = await app.SignedInAgentAsync();

        var submitted = await Forms.TextAsync(await agent.GetAsync($"/pro/demandes?statut=Submitted&q={application.ChildLastName}"));
        var complete = await Forms.TextAsync(await agent.GetAsync($"/pro/demandes?statut=Complete&q={application.ChildLastName}"));

        Assert.Contains(application.Reference, submitted);
        Assert.DoesNotContain(application.Reference, complete);
    }

    [Fact]
    public async Task AgentOfAnotherCommune_DoesNotSeeTheApplication_InAnyQueue()
    {
        var application = await app.FamilyApplicationAsync(Montreuil);
        using var agent = await app.SignedInAgentAsync(SaintDenis);

        // The link to the file, not the reference: a search term is echoed in the page's own links.
        foreach (var file in new[] { "a-verifier", "incompletes", "a-confirmer", "bientot-caduques", "toutes" })
            Assert.DoesNotContain(Link(application.Id), await QueueAsync(agent, file, ""));
        Assert.DoesNotContain(Link(application.Id), await QueueAsync(agent, "toutes", application.Reference));
    }

    [Fact]
    public async Task Drafts_AreNotShownToTheGuichet()
    {
        var creches = await app.CrechesAsync(Montreuil, 1);
        var (family, _) = await app.SignedInFamilyAsync();
        var name = UniqueFamilyName();
        var form = ValidForm(Montreuil, creches[0].Id.ToString());
        form["Input.Child.LastName"] = name;
        form["action"] = "brouillon";
        var id = IdFrom(await PostAsync(family, NewPath(), form));
        using var agent = await app.SignedInAgentAsync();

        Assert.DoesNotContain(Link(id), await QueueAsync(agent, "toutes", name));
        Assert.Equal(HttpStatusCode.NotFound, (await agent.GetAsync($"/pro/demandes/{id}")).StatusCode);
    }

    [Theory]
    [InlineData(Roles.Director)]
    [InlineData(Roles.Committee)]
    [InlineData(Roles.Family)]
    public async Task OtherRoles_CannotOpenTheBackOffice(string role)
    {
        using var client = role == Roles.Family ? (await app.SignedInFamilyAsync()).Client : await app.SignedInAgentAsync(role: role);

        using var response = await client.GetAsync("/pro/demandes");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Admin_OfTheDepartement_SeesTheApplication()
    {
        var application = await app.FamilyApplicationAsync();
        var (email, password) = await Accounts.CreateStaffAsync(app, Roles.Admin, departement: "93");
        using var admin = await Accounts.SignInAsync(app, email, password);

        Assert.Contains(application.Reference, await QueueAsync(admin, "a-verifier", application.ChildLastName));
    }
}
