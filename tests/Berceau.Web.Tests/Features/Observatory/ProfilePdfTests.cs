using System.Net;
using Berceau.Web.Tests.Features.Observatory.Dashboard;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;

namespace Berceau.Web.Tests.Features.Observatory;

/// <summary>The commune profile beside its EPT, département and France, on the page and as PDF.</summary>
[Collection(AppCollection.Name)]
[Trait("Category", "Database")]
public sealed class ProfilePdfTests(BerceauApp app)
{
    [Fact]
    public async Task Clichy_Profile_HasItsPublishedRate_AndTheThreeComparisons()
    {
        var published = await app.WithDbAsync(db => db.CnafCoverages.AsNoTracking().Where(c => c.CommuneCode == "93014" && c.Year == 2022).Select(c => c.GlobalRate).SingleAsync());

        var html = await Forms.TextAsync(await app.Client().GetAsync("/observatoire/communes/93014"));

        var byYear = DashboardPage.Table(html, "couverture-par-annee");
        var row = DashboardPage.RowOf(byYear, "2022");
        var rate = published!.Value.ToString("0.0", System.Globalization.CultureInfo.GetCultureInfo("fr-FR"));
        Assert.Equal(rate, row[DashboardPage.Column(byYear, "Global")]);
        Assert.Equal(rate, row[DashboardPage.Column(byYear, "Global publié par la Cnaf")]);
        Assert.True(DashboardPage.Column(byYear, "Seine-Saint-Denis") > 0);
        Assert.True(DashboardPage.Column(byYear, "France*") > 0);
        Assert.Equal(4, DashboardPage.Table(html, "comparaison").Count - 1);  // the commune, its EPT, the département, France
    }

    [Fact]
    public async Task Clichy_Pdf_HoldsTheSameTables()
    {
        var response = await app.Client().GetAsync("/observatoire/communes/93014?handler=pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var text = string.Join(" ", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
        Assert.Contains("Clichy-sous-Bois", text);
        Assert.Contains("France*", text);
        Assert.Contains("Seine-Saint-Denis", text);
    }

    [Fact]
    public async Task FormerCommune_KeepsItsPublishedYears_AndHasNoPdf()
    {
        Assert.Equal(HttpStatusCode.OK, (await app.Client().GetAsync("/observatoire/communes/93059")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client().GetAsync("/observatoire/communes/93059?handler=pdf")).StatusCode);
    }
}
