using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Berceau.Domain.Access;
using Berceau.Domain.Obligations;
using Berceau.Web.Tests.Features.Applications;
using Berceau.Web.Tests.Features.Offer;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Tests.Features.Obligations;

/// <summary>
/// The communes' obligations through the real pages: an agent records its commune's, the département's secretariat sees who is
/// compliant and exports it; bad input is refused in French and changes nothing; documents are type-checked; only the commune's
/// staff and the département's secretariat record, the others of the territory read, anyone else finds nothing. Only this class
/// writes obligations, each test on its own commune, so that the figures asserted are its own.
/// </summary>
[Collection(AppCollection.Name)]
[Trait("Category", "Database")]
public sealed class CommuneObligationsTests(BerceauApp app)
{
    private const string Path = "/pro/obligations";

    private static string Today(BerceauApp app) => DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd");

    private Task<List<CommuneObligationRecord>> RecordsAsync(string commune) =>
        app.WithDbAsync(db => db.CommuneObligations.AsNoTracking().Where(r => r.CommuneCode == commune).OrderBy(r => r.Kind).ToListAsync());

    private static Task<HttpResponseMessage> AssessAsync(HttpClient client, string commune, string slug, int version, string status, string asOf,
        string? since = null, IEnumerable<string>? contents = null, string? comment = null)
    {
        var fields = new List<(string, string)> { ("Input.Version", version.ToString()), ("Input.Status", status), ("Input.AsOf", asOf) };
        if (since is not null) fields.Add(("Input.Since", since));
        fields.AddRange((contents ?? []).Select(c => ("Input.Contents", c)));
        if (comment is not null) fields.Add(("Input.Comment", comment));
        return Forms.PostFormAsync(client, $"{Path}/{commune}/{slug}", [.. fields]);
    }

    private static readonly string[] AllContents = [.. CommuneObligations.PlanItems.Select(i => i.ToString())];

    [Fact]
    public async Task AnAgent_RecordsEveryObligationOfItsCommune_AndTheSecretariatSeesItCompliant_OnThePageAndInTheExports()
    {
        const string commune = "93048"; // Montreuil, 110,000 inhabitants: the four obligations.
        using var agent = await app.SignedInAsync(Roles.Agent, commune: commune);
        var today = Today(app);

        OfferTestData.AssertRedirectTo(await AssessAsync(agent, commune, "recensement", 0, "Met", today, comment: "Questionnaire aux familles avec la Caf"), $"{Path}/{commune}");
        OfferTestData.AssertRedirectTo(await AssessAsync(agent, commune, "information-des-familles", 0, "Met", today), $"{Path}/{commune}");
        OfferTestData.AssertRedirectTo(await AssessAsync(agent, commune, "relais-petite-enfance", 0, "Met", today, since: "2019-09-02"), $"{Path}/{commune}");
        var communePage = await Forms.TextAsync(await agent.GetAsync($"{Path}/{commune}"));
        Assert.Contains("3 sur 4 remplies.", communePage);
        OfferTestData.AssertRedirectTo(await AssessAsync(agent, commune, "schema-pluriannuel", 0, "Met", today, since: "2025-06-30", contents: AllContents), $"{Path}/{commune}");

        communePage = await Forms.TextAsync(await agent.GetAsync($"{Path}/{commune}"));
        Assert.Contains("La commune remplit toutes ses obligations.", communePage);
        Assert.Contains("Questionnaire aux familles avec la Caf", communePage);
        Assert.Contains("02/09/2019", communePage);
        var records = await RecordsAsync(commune);
        Assert.Equal(4, records.Count);
        Assert.All(records, r => Assert.Equal(ObligationStatus.Met, r.Status));
        Assert.Equal(4, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "situation d’une obligation" && a.EntityId!.StartsWith(commune + "/"))));

        using var secretariat = await app.SignedInAsync(Roles.Steering, departement: "93");
        var index = await Forms.TextAsync(await secretariat.GetAsync(Path));
        Assert.Matches($"data-commune=\"{commune}\"[\\s\\S]*?Conforme</td>", index);
        Assert.DoesNotContain($"data-commune=\"{commune}\"", await Forms.TextAsync(await secretariat.GetAsync(Path + "?filtre=non-conformes")));
        // Coubron, 5,175 inhabitants, has recorded nothing: non compliant, and the relay does not apply to it.
        Assert.Matches("data-commune=\"93015\"[\\s\\S]*?Ne s’applique pas[\\s\\S]*?Non conforme</td>", index);

        var csv = await secretariat.GetAsync(Path + "?handler=Export&departement=93&format=csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());
        Assert.Contains("Commune;Code INSEE;Population;Recensement;Information des familles;Relais petite enfance;Schéma pluriannuel;Conformité", text);
        Assert.Contains($"Montreuil;{commune};", text);
        Assert.Matches($"Montreuil;{commune};\\d+;Remplie;Remplie;Remplie;Remplie;Conforme", text);
        Assert.Contains("Coubron;93015;5175;Non renseignée;Non renseignée;Ne s’applique pas;Ne s’applique pas;Non conforme", text);
        var xlsx = await secretariat.GetAsync(Path + "?handler=Export&departement=93&format=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        // The export of a département outside the territory is not found.
        Assert.Equal(HttpStatusCode.NotFound, (await secretariat.GetAsync(Path + "?handler=Export&departement=92&format=csv")).StatusCode);
    }

    [Fact]
    public async Task BadInput_IsRefusedInFrench_AndChangesNothing()
    {
        const string commune = "93010"; // Bondy
        using var agent = await app.SignedInAsync(Roles.Agent, commune: commune);
        var today = Today(app);
        OfferTestData.AssertRedirectTo(await AssessAsync(agent, commune, "schema-pluriannuel", 0, "InProgress", today, contents: ["Diagnostic"]), $"{Path}/{commune}");
        var before = Assert.Single(await RecordsAsync(commune));

        async Task<IReadOnlyList<string>> Refused(HttpResponseMessage response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return Forms.ErrorSummary(await Forms.TextAsync(response));
        }

        var incomplete = await Refused(await AssessAsync(agent, commune, "schema-pluriannuel", 1, "Met", today, since: today, contents: AllContents[..7]));
        Assert.Contains("Il manque : modalités d’évaluation.", Assert.Single(incomplete));
        Assert.Contains("Choisissez où en est cette obligation", Assert.Single(await Refused(await AssessAsync(agent, commune, "schema-pluriannuel", 1, "NotAssessed", today))));
        Assert.Contains("Choisissez où en est cette obligation", Assert.Single(await Refused(await AssessAsync(agent, commune, "schema-pluriannuel", 1, "Whatever", today))));
        Assert.Contains("ne peut pas être après aujourd’hui", Assert.Single(await Refused(await AssessAsync(agent, commune, "schema-pluriannuel", 1, "InProgress", "2099-01-01"))));
        Assert.NotEmpty(await Refused(await AssessAsync(agent, commune, "schema-pluriannuel", 1, "InProgress", "32/13/2025")));
        Assert.Contains("Indiquez la date d’adoption par le conseil municipal", Assert.Single(await Refused(await AssessAsync(agent, commune, "schema-pluriannuel", 1, "Met", today, contents: AllContents))));
        Assert.Contains("Le commentaire fait au plus", Assert.Single(await Refused(await AssessAsync(agent, commune, "schema-pluriannuel", 1, "InProgress", today, comment: new string('é', 1001)))));
        // A form read before someone else's change (version 0 while the row is at 1) is refused.
        Assert.Contains("modifiée par quelqu’un d’autre", Assert.Single(await Refused(await AssessAsync(agent, commune, "schema-pluriannuel", 0, "InProgress", today, contents: AllContents))));

        var after = Assert.Single(await RecordsAsync(commune));
        Assert.Equal((before.Status, before.Contents, before.Version, before.Comment), (after.Status, after.Contents, after.Version, after.Comment));
        Assert.Equal(HttpStatusCode.NotFound, (await agent.GetAsync($"{Path}/{commune}/inconnue")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await agent.GetAsync($"{Path}/99999")).StatusCode);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string url, string title, byte[] bytes, string name)
    {
        var token = await Forms.AntiforgeryTokenAsync(client, url);
        using var form = new MultipartFormDataContent { { new StringContent(token), Forms.TokenField }, { new StringContent(title), "Title" } };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "Upload", name);
        return await client.PostAsync(url + "?handler=Upload", form);
    }

    [Fact]
    public async Task Documents_AreKeptWithTheObligation_TypeChecked_ReadByTheTerritory_AndRemoved()
    {
        const string commune = "93029"; // Drancy
        var url = $"{Path}/{commune}/schema-pluriannuel";
        using var agent = await app.SignedInAsync(Roles.Agent, commune: commune);

        var executable = await UploadAsync(agent, url, "Délibération", ProofFiles.Executable(), "deliberation.pdf");
        Assert.Contains("Le fichier doit être un PDF, un JPEG ou un PNG.", Forms.ErrorSummary(await Forms.TextAsync(executable)));
        var untitled = await UploadAsync(agent, url, " ", ProofFiles.Pdf(), "deliberation.pdf");
        Assert.Contains("Donnez un titre au document", Assert.Single(Forms.ErrorSummary(await Forms.TextAsync(untitled))));
        Assert.Equal(0, await app.WithDbAsync(db => db.CommuneObligationDocuments.CountAsync(d => db.CommuneObligations.Any(r => r.Id == d.RecordId && r.CommuneCode == commune))));

        OfferTestData.AssertRedirectTo(await UploadAsync(agent, url, "Délibération du 30 juin 2025", ProofFiles.Pdf(), "C:\\Mairie\\deliberation.pdf"), $"{Path}/{commune}");
        var document = await app.WithDbAsync(db => db.CommuneObligationDocuments.AsNoTracking().SingleAsync(d => db.CommuneObligations.Any(r => r.Id == d.RecordId && r.CommuneCode == commune)));
        Assert.Equal("deliberation.pdf", document.FileName);
        // Uploading a document gives the obligation its row, still « non renseignée ».
        Assert.Equal(ObligationStatus.NotAssessed, Assert.Single(await RecordsAsync(commune)).Status);

        using var observatory = await app.SignedInAsync(Roles.Observatory, departement: "93");
        var download = await observatory.GetAsync($"{url}?handler=Document&id={document.Id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(ProofFiles.Pdf(), await download.Content.ReadAsByteArrayAsync());
        // The document of Drancy asked through another commune's address is not found.
        Assert.Equal(HttpStatusCode.NotFound, (await observatory.GetAsync($"{Path}/93048/schema-pluriannuel?handler=Document&id={document.Id}")).StatusCode);

        OfferTestData.AssertRedirectTo(await Forms.PostFormToAsync(agent, url, $"{url}?handler=Remove&id={document.Id}", []), url);
        Assert.Equal(0, await app.WithDbAsync(db => db.CommuneObligationDocuments.CountAsync(d => d.Id == document.Id)));
        Assert.Equal(["document d’une obligation ajouté", "document d’une obligation retiré"],
            await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityId == $"{commune}/MultiYearPlan").OrderBy(a => a.Id).Select(a => a.Action).ToListAsync()));
    }

    [Fact]
    public async Task TheCommunesStaffAndTheSecretariatRecord_TheObservatoryReads_AnotherCommuneOrDepartementFindsNothing_FamiliesAreRefused()
    {
        const string commune = "93031"; // Épinay-sur-Seine
        var url = $"{Path}/{commune}/recensement";
        var today = Today(app);
        using var secretariat = await app.SignedInAsync(Roles.Steering, departement: "93");
        OfferTestData.AssertRedirectTo(await AssessAsync(secretariat, commune, "recensement", 0, "InProgress", today), $"{Path}/{commune}");

        using var observatory = await app.SignedInAsync(Roles.Observatory, departement: "93");
        var read = await Forms.TextAsync(await observatory.GetAsync($"{Path}/{commune}"));
        Assert.Contains("En cours", read);
        Assert.DoesNotContain("Mettre à jour", read);
        Assert.Equal(HttpStatusCode.NotFound, (await observatory.GetAsync(url)).StatusCode);

        using var otherCommune = await app.SignedInAsync(Roles.Agent, commune: "93048");
        using var otherDepartement = await app.SignedInAsync(Roles.Steering, departement: "92");
        using var commissionOfTheCommune = await app.SignedInAsync(Roles.Committee, commune: commune);
        foreach (var client in new[] { otherCommune, otherDepartement })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{Path}/{commune}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
        }
        OfferTestData.AssertForbidden(await commissionOfTheCommune.GetAsync($"{Path}/{commune}"));
        var (family, _, _) = await Accounts.SignInAsNewFamilyAsync(app);
        OfferTestData.AssertForbidden(await family.GetAsync(Path));

        // A POST from another commune's agent, with a valid token of its own pages, changes nothing.
        var token = await Forms.AntiforgeryTokenAsync(otherCommune, Path);
        using var body = new FormUrlEncodedContent([new("Input.Version", "1"), new("Input.Status", "Met"), new("Input.AsOf", today), new(Forms.TokenField, token)]);
        Assert.Equal(HttpStatusCode.NotFound, (await otherCommune.PostAsync(url, body)).StatusCode);
        Assert.Equal(ObligationStatus.InProgress, Assert.Single(await RecordsAsync(commune)).Status);

        // The commune's own agent records.
        using var agent = await app.SignedInAsync(Roles.Agent, commune: commune);
        OfferTestData.AssertRedirectTo(await AssessAsync(agent, commune, "recensement", 1, "Met", today), $"{Path}/{commune}");
        Assert.Equal(ObligationStatus.Met, Assert.Single(await RecordsAsync(commune)).Status);
    }
}
