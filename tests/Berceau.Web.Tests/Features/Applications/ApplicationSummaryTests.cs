using System.Net;
using Berceau.Domain.Applications;
using Berceau.Web.Features.Applications;
using Berceau.Web.Features.Applications.Family;
using Berceau.Web.Tests.Features.Applications.BackOffice;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;
using static Berceau.Web.Tests.Features.Applications.ApplicationTestData;
using ApplicationId = Berceau.Domain.Applications.ApplicationId;

namespace Berceau.Web.Tests.Features.Applications;

/// <summary>
/// The PDF summary of an application: the family downloads it from its page, the guichet from the file; the text is read
/// back from the PDF, so accents that the font could not draw would show here.
/// </summary>
[Collection(AppCollection2.Name)]
[Trait("Category", "Database")]
public sealed class ApplicationSummaryTests(BerceauApp app)
{
    private static string Url(Guid id) => $"/famille/demandes/{id}?handler=Summary";

    /// <summary>The text of each page, as a reader (or a screen reader) gets it.</summary>
    private static async Task<IReadOnlyList<string>> PagesAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        foreach (var page in pdf.GetPages())
        {
            // A4 portrait, in points.
            Assert.Equal(595, page.Width, 0);
            Assert.Equal(842, page.Height, 0);
        }
        return [.. pdf.GetPages().Select(p => p.Text)];
    }

    [Fact]
    public async Task Family_DownloadsItsSummary_InFrenchWithAccents_AndItIsAudited()
    {
        var creches = await app.CrechesAsync(Montreuil, 2);
        var (client, userId) = await app.SignedInFamilyAsync();
        var id = await app.SubmittedAsync(userId, creches, Today.AddDays(-10));
        await ProofFiles.UploadAsync(client, id, "Address", ProofFiles.Pdf(), "domicile-été.pdf");
        var reference = (await app.StoredAsync(id)).Reference;

        using var response = await client.GetAsync(Url(id));

        var text = string.Join("\n", await PagesAsync(response));
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal($"{reference}.pdf", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Contains("Résumé de votre demande de place en crèche", text);
        Assert.Contains(reference, text);
        Assert.Contains("Déposée", text);
        Assert.Contains("Le guichet va vérifier votre demande", text);
        Assert.Contains("Noé Bernard", text);
        Assert.Contains("Léa Bernard – En recherche d’emploi", text);
        Assert.Contains("Date d’entrée", text);
        Assert.Contains("Vos choix de crèches, par ordre de préférence", text);
        Assert.True(text.IndexOf(creches[0].Name, StringComparison.Ordinal) < text.IndexOf(creches[1].Name, StringComparison.Ordinal), "wishes in order");
        Assert.Contains("Justificatif de domicile de moins de 3 mois : domicile-été.pdf", text);
        Assert.Contains("pas encore vérifiée", text);
        Assert.Contains("Pièces à fournir", text);
        Assert.Contains("Acte de naissance ou livret de famille", text);
        Assert.Contains("Demande déposée (Vous)", text);
        Assert.Contains("Pièce justificative ajoutée", text);
        Assert.Contains("Vos données personnelles", text);
        Assert.Contains("dpo@berceau.example", text);
        Assert.Contains("Page 1 sur", text);
        var audit = await app.AuditOfAsync(id);
        Assert.Contains(audit, a => a.Action == ApplicationAudit.Exported && a.Details == ApplicationAudit.SummaryFormat);
    }

    [Fact]
    public async Task ALongHistory_ContinuesOnNumberedPages()
    {
        var creches = await app.CrechesAsync(Montreuil, 1);
        var (client, userId) = await app.SignedInFamilyAsync();
        var id = await app.SubmittedAsync(userId, creches, Today.AddMonths(-6));
        await app.WithDbAsync(async db =>
        {
            var application = await db.Applications.Include(a => a.Events).SingleAsync(a => a.Id == new ApplicationId(id));
            for (var i = 0; i < 120; i++)
                application.Events.Add(new ApplicationEvent { At = BerceauApp.Now.AddDays(-150 + i), By = userId, Kind = ApplicationEventKind.Confirmed });
            return await db.SaveChangesAsync();
        });

        using var response = await client.GetAsync(Url(id));

        var pages = await PagesAsync(response);
        Assert.True(pages.Count >= 3, $"{pages.Count} page(s)");
        for (var i = 0; i < pages.Count; i++) Assert.Contains($"Page {i + 1} sur {pages.Count}", pages[i]);
        Assert.Equal(121, string.Join("\n", pages).Split("Demande confirmée").Length);
        Assert.Contains("Vos données personnelles", pages[^1]);
    }

    [Fact]
    public async Task AnotherFamily_GetsNotFound_AndAVisitorIsAskedToSignIn()
    {
        var creches = await app.CrechesAsync(Montreuil, 1);
        var (_, userId) = await app.SignedInFamilyAsync();
        var id = await app.SubmittedAsync(userId, creches, Today.AddDays(-10));
        var (familyB, _) = await app.SignedInFamilyAsync();

        using var other = await familyB.GetAsync(Url(id));
        using var visitor = await app.Client().GetAsync(Url(id));

        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, visitor.StatusCode);
        Assert.StartsWith("/compte/connexion", visitor.Headers.Location!.AbsolutePath);
        Assert.DoesNotContain(await app.AuditOfAsync(id), a => a.Action == ApplicationAudit.Exported);
    }

    [Fact]
    public async Task Agent_DownloadsTheSummaryFromTheFile_AndTheFamilySeesTheAccess()
    {
        var application = await app.FamilyApplicationAsync();
        using var agent = await app.SignedInAgentAsync();

        using var response = await agent.GetAsync($"/pro/demandes/{application.Id}?handler=Summary");

        var text = string.Join("\n", await PagesAsync(response));
        Assert.Contains(application.Reference, text);
        Assert.Contains($"Noé {application.ChildLastName}", text);
        var log = await app.WithDbAsync(db => db.ApplicationAccesses.Where(a => a.ApplicationId == new ApplicationId(application.Id)).ToListAsync());
        Assert.Contains(log, a => a.Kind == ApplicationAccessKind.SummaryDownloaded);
        Assert.Contains(await app.AuditOfAsync(application.Id), a => a.Action == ApplicationAudit.Exported && a.Details == ApplicationAudit.SummaryFormat);
        var familyPage = await Forms.TextAsync(await application.Family.GetAsync(DetailsModel.PathOf(application.Id)));
        Assert.Contains("Téléchargement du résumé de la demande (PDF)", familyPage);
    }

    [Fact]
    public async Task AgentOfAnotherCommune_GetsNotFound_AndNothingIsLogged()
    {
        var application = await app.FamilyApplicationAsync();
        using var agent = await app.SignedInAgentAsync(SaintDenis);

        using var response = await agent.GetAsync($"/pro/demandes/{application.Id}?handler=Summary");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.ApplicationAccesses.CountAsync(a => a.ApplicationId == new ApplicationId(application.Id))));
    }
}
