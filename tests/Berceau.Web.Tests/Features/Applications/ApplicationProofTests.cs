using System.Net;
using Berceau.Web.Features.Applications;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Berceau.Web.Tests.Features.Applications.ApplicationTestData;
using ApplicationId = Berceau.Domain.Applications.ApplicationId;

namespace Berceau.Web.Tests.Features.Applications;

/// <summary>Pièces justificatives: PDF, JPEG or PNG up to 5 MB, checked by content, stored in the database, downloaded by the owner only.</summary>
[Collection(AppCollection.Name)]
[Trait("Category", "Database")]
public sealed class ApplicationProofTests(BerceauApp app)
{
    private Task<int> DocumentCountAsync(Guid id) =>
        app.WithDbAsync(db => db.ApplicationDocuments.CountAsync(d => d.ApplicationId == new ApplicationId(id)));

    private async Task<(HttpClient Client, Guid Id)> SubmittedApplicationAsync()
    {
        var creches = await app.CrechesAsync(Montreuil, 1);
        var (client, userId) = await app.SignedInFamilyAsync();
        return (client, await app.SubmittedAsync(userId, creches, Today.AddDays(-5)));
    }

    [Fact]
    public async Task Upload_APdf_StoresIt_ShowsIt_AndTheOwnerDownloadsTheSameBytes()
    {
        var (client, id) = await SubmittedApplicationAsync();
        var pdf = ProofFiles.Pdf();

        using var response = await ProofFiles.UploadAsync(client, id, "Address", pdf, "quittance <loyer>.pdf");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var document = await app.WithDbAsync(db => db.ApplicationDocuments.AsNoTracking().SingleAsync(d => d.ApplicationId == new ApplicationId(id)));
        Assert.Equal("application/pdf", document.ContentType);
        var html = await (await client.GetAsync($"/famille/demandes/{id}")).Content.ReadAsStringAsync();
        Assert.Contains("quittance &lt;loyer&gt;.pdf", html);
        Assert.DoesNotContain("Justificatif de domicile de moins de 3 mois</li>", html);
        using var download = await client.GetAsync($"/famille/demandes/{id}/pieces/{document.Id}");
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal([ApplicationAudit.ProofAdded, ApplicationAudit.ProofDownloaded], (await app.AuditOfAsync(id)).Select(a => a.Action).Where(a => a.Contains("pièce", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Upload_APngNamedPdf_IsStoredAsThePngItIs()
    {
        var (client, id) = await SubmittedApplicationAsync();

        await ProofFiles.UploadAsync(client, id, "Other", ProofFiles.Png(), "scan.pdf");

        var document = await app.WithDbAsync(db => db.ApplicationDocuments.AsNoTracking().SingleAsync(d => d.ApplicationId == new ApplicationId(id)));
        Assert.Equal("image/png", document.ContentType);
    }

    public static TheoryData<string, string, string> BadUploads => new()
    {
        { "exe", "Address", "Le fichier doit être un PDF, un JPEG ou un PNG." },
        { "6mb", "Address", "Le fichier doit faire moins de 5 Mo." },
        { "empty", "Address", "Le fichier choisi est vide." },
        { "pdf", "", "Choisissez le type de pièce justificative." },
        { "pdf", "Passeport", "Choisissez le type de pièce justificative." },
    };

    [Theory]
    [MemberData(nameof(BadUploads))]
    public async Task Upload_OfABadFile_IsRefusedInFrench_AndNothingIsStored(string file, string kind, string message)
    {
        var (client, id) = await SubmittedApplicationAsync();
        var content = file switch
        {
            "exe" => ProofFiles.Executable(),
            "6mb" => ProofFiles.Pdf(6 * 1024 * 1024),
            "empty" => [],
            _ => ProofFiles.Pdf(),
        };

        using var response = await ProofFiles.UploadAsync(client, id, kind, content, "justificatif.pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await Forms.ErrorSummaryAsync(response));
        Assert.Equal(0, await DocumentCountAsync(id));
    }
}
