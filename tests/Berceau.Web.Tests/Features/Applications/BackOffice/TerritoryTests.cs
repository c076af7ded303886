using System.Net;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Berceau.Web.Tests.Features.Applications.ApplicationTestData;
using static Berceau.Web.Tests.Features.Applications.BackOffice.BackOfficeTestData;
using ApplicationId = Berceau.Domain.Applications.ApplicationId;

namespace Berceau.Web.Tests.Features.Applications.BackOffice;

/// <summary>An agent of Saint-Denis cannot read or act on a Montreuil file by guessing its id: 404 everywhere, nothing written.</summary>
[Collection(AppCollection2.Name)]
[Trait("Category", "Database")]
public sealed class TerritoryTests(BerceauApp app)
{
    public static TheoryData<string> Pages => new()
    {
        "/pro/demandes/{0}",
        "/pro/demandes/{0}/statut",
        "/pro/demandes/{0}/pieces/{1}",
        "/pro/demandes/{0}/pieces/{1}?handler=Download",
        "/pro/demandes/{0}/code-famille",
    };

    public static TheoryData<string> Posts => new()
    {
        "/pro/demandes/{0}?handler=Note",
        "/pro/demandes/{0}?handler=Contact",
        "/pro/demandes/{0}/statut",
        "/pro/demandes/{0}/pieces/{1}?handler=Validate",
        "/pro/demandes/{0}/pieces/{1}?handler=Reject",
        "/pro/demandes/{0}/code-famille",
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task AgentOfAnotherCommune_ReadingAFile_GetsNotFound_AndNoAccessIsLogged(string page)
    {
        var application = await app.FamilyApplicationAsync(Montreuil);
        var documentId = await app.DocumentAsync(application);
        using var agent = await app.SignedInAgentAsync(SaintDenis);

        using var response = await agent.GetAsync(string.Format(page, application.Id, documentId));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.ApplicationAccesses.CountAsync(a => a.ApplicationId == new ApplicationId(application.Id))));
    }

    [Theory]
    [MemberData(nameof(Posts))]
    public async Task AgentOfAnotherCommune_PostingToAFile_GetsNotFound_AndNothingChanges(string post)
    {
        var application = await app.FamilyApplicationAsync(Montreuil);
        var documentId = await app.DocumentAsync(application);
        var before = await app.StoredAsync(application.Id);
        using var agent = await app.SignedInAgentAsync(SaintDenis);
        var token = await Forms.AntiforgeryTokenAsync(agent, "/pro/demandes");

        using var response = await agent.PostAsync(string.Format(post, application.Id, documentId), new FormUrlEncodedContent(
        [
            new(Forms.TokenField, token), new("Move.Version", V(before.Version)), new("Move.To", "Complete"), new("Review.Version", V(before.Version)),
            new("Review.Reason", "x"), new("Note.Text", "intrus"), new("Contact.On", "2026-11-20"), new("Contact.Kind", "PhoneCall"),
            new("Contact.Outcome", "Reached"), new("Email", ""),
        ]));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var after = await app.StoredAsync(application.Id);
        Assert.Equal((before.Status, before.Version), (after.Status, after.Version));
        Assert.Equal(0, await app.WithDbAsync(db => db.ApplicationNotes.CountAsync(n => n.ApplicationId == new ApplicationId(application.Id))));
        Assert.Equal(0, await app.WithDbAsync(db => db.AttachCodes.CountAsync(n => n.ApplicationId == new ApplicationId(application.Id))));
    }

    [Fact]
    public async Task ADocumentOfAnotherApplication_IsNotFound_ThroughAnApplicationOfTheAgent()
    {
        var mine = await app.FamilyApplicationAsync(Montreuil);
        var theirs = await app.FamilyApplicationAsync(SaintDenis);
        var theirDocument = await app.DocumentAsync(theirs);
        using var agent = await app.SignedInAgentAsync(Montreuil);

        using var response = await agent.GetAsync($"/pro/demandes/{mine.Id}/pieces/{theirDocument}?handler=Download");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
