using System.Net;
using Berceau.Domain.Access;
using Berceau.Domain.Applications;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Berceau.Web.Tests.Features.Applications.ApplicationTestData;

namespace Berceau.Web.Tests.Features.Applications;

/// <summary>An application is its family's: another family finds nothing (404), staff and visitors do not use the family pages.</summary>
[Collection(AppCollection3.Name)]
[Trait("Category", "Database")]
public sealed class ApplicationAccessTests(BerceauApp app)
{
    public static TheoryData<string> FamilyPages => new()
    {
        "/famille/demandes/{0}",
        "/famille/demandes/{0}/modifier",
        "/famille/demandes/{0}/voeux",
        "/famille/demandes/{0}/retirer",
        "/famille/demandes/{0}/pieces",
        "/famille/demandes/{0}/pieces/{1}",
        "/famille/demandes/{0}?handler=Export",
        "/famille/demandes/{0}?handler=Summary",
    };

    private async Task<(Guid Id, Guid DocumentId)> ApplicationOfFamilyAAsync()
    {
        var creches = await app.CrechesAsync(Montreuil, 1);
        var (client, userId) = await app.SignedInFamilyAsync();
        var id = await app.SubmittedAsync(userId, creches, Today.AddMonths(-4));
        await ProofFiles.UploadAsync(client, id, "Address", ProofFiles.Pdf(), "a.pdf");
        var documentId = await app.WithDbAsync(db => db.ApplicationDocuments.Where(d => d.ApplicationId == new Domain.Applications.ApplicationId(id)).Select(d => d.Id).SingleAsync());
        return (id, documentId);
    }

    [Theory]
    [MemberData(nameof(FamilyPages))]
    public async Task FamilyB_ReadingFamilyAsApplication_GetsNotFound(string page)
    {
        var (id, documentId) = await ApplicationOfFamilyAAsync();
        var (familyB, _) = await app.SignedInFamilyAsync();

        using var response = await familyB.GetAsync(string.Format(page, id, documentId));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task FamilyB_PostingToFamilyAsApplication_GetsNotFound_AndNothingChanges()
    {
        var (id, _) = await ApplicationOfFamilyAAsync();
        var before = await app.StoredAsync(id);
        var (familyB, _) = await app.SignedInFamilyAsync();
        var token = Forms.AntiforgeryToken(await (await familyB.GetAsync("/famille/demandes/nouvelle")).Content.ReadAsStringAsync())!;
        string[] posts = [$"/famille/demandes/{id}/retirer", $"/famille/demandes/{id}?handler=Confirm", $"/famille/demandes/{id}/voeux", $"/famille/demandes/{id}/modifier"];

        foreach (var url in posts)
        {
            using var response = await familyB.PostAsync(url, new FormUrlEncodedContent(
            [
                KeyValuePair.Create(Forms.TokenField, token), KeyValuePair.Create("Version", before.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                KeyValuePair.Create("version", before.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ]));
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url} : {(int)response.StatusCode}");
        }
        using var upload = await familyB.PostAsync($"/famille/demandes/{id}/pieces", new MultipartFormDataContent
        {
            { new StringContent(token), Forms.TokenField },
            { new StringContent("Address"), "Kind" },
            { new ByteArrayContent(ProofFiles.Pdf()), "Upload", "b.pdf" },
        });
        Assert.Equal(HttpStatusCode.NotFound, upload.StatusCode);

        var after = await app.StoredAsync(id);
        Assert.Equal(1, await app.WithDbAsync(db => db.ApplicationDocuments.CountAsync(d => d.ApplicationId == new Domain.Applications.ApplicationId(id))));
        Assert.Equal((before.Status, before.Version, before.LastConfirmedOn), (after.Status, after.Version, after.LastConfirmedOn));
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_IsRefused()
    {
        var creches = await app.CrechesAsync(Montreuil, 1);
        var (client, userId) = await app.SignedInFamilyAsync();
        var id = await app.SubmittedAsync(userId, creches, Today.AddDays(-5));

        using var response = await client.PostAsync($"/famille/demandes/{id}/retirer",
            new FormUrlEncodedContent([KeyValuePair.Create("Version", "2")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ApplicationStatus.Submitted, (await app.StoredAsync(id)).Status);
    }

    [Fact]
    public async Task Staff_CannotUseTheFamilyPages()
    {
        var (email, password) = await Accounts.CreateStaffAsync(app, Roles.Agent, commune: Montreuil);
        using var agent = await Accounts.SignInAsync(app, email, password);

        using var list = await agent.GetAsync("/famille/demandes");
        using var form = await agent.GetAsync(NewPath());

        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, form.StatusCode);
    }

    [Fact]
    public async Task Visitor_IsAskedToSignIn()
    {
        using var response = await app.Client().GetAsync("/famille/demandes");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/compte/connexion", response.Headers.Location!.AbsolutePath);
    }
}
