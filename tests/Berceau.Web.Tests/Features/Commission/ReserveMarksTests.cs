using System.Net;
using System.Text.RegularExpressions;
using Berceau.Web.Tests.Support;
using UglyToad.PdfPig;

namespace Berceau.Web.Tests.Features.Commission;

/// <summary>
/// The reserved seats are visible wherever the commission's work is read: the review screen (per section, and a « via une
/// réserve » filter), the procès-verbal (page and PDF) and the public statistics (small cells suppressed). In Stains
/// (<see cref="ReserveMarksScene"/>).
/// </summary>
[Collection(AppCollection.Name)]
[Trait("Category", "Database")]
public partial class ReserveMarksTests(BerceauApp app)
{
    private const string ForPoverty = "aux familles qui touchent un minimum social";
    private const string ForInsertion = "aux parents en insertion ou en recherche d’emploi (crèche AVIP)";

    [Fact]
    public async Task TheReviewScreen_SaysPerSection_HowManySeatsWereReserved_AndHowManyWentThroughAReserve()
    {
        var scene = await ReserveMarksScene.RunAsync(app, validate: false);

        var page = await Forms.TextAsync(await scene.President.GetAsync(scene.Url()));

        Assert.Contains(Squash("7 proposées par le moteur, 0 placées d’office, 2 sans place, sur 9 demandes examinées. Dont 2 placées via une réserve."), Squash(page));
        Assert.Contains($"Dont 2 places réservées : 1 {ForPoverty}, pourvue via la réserve ; 1 {ForInsertion}, pourvue via la réserve.", page);
        Assert.Contains($"Dont 1 place réservée : 1 {ForPoverty}, aucune pourvue via la réserve (rendue à tous).", page);
        Assert.Equal(2, Regex.Count(page, "Via réserve"));
    }

    [Fact]
    public async Task TheViaReserveFilter_ListsOnlyTheChildrenPlacedOnAReservedSeat()
    {
        var scene = await ReserveMarksScene.RunAsync(app, validate: false);

        var page = await Forms.TextAsync(await scene.President.GetAsync(scene.Url("?statut=reserve")));

        Assert.Contains("<option selected=\"selected\" value=\"reserve\">Placées via une réserve</option>", page);
        Assert.Contains(scene.Poor.Reference, page);
        Assert.Contains(scene.Seeker.Reference, page);
        Assert.All(scene.High.Concat(scene.Beta), a => Assert.DoesNotContain(a.Reference + "</a>", page));
        // B's reserve went back to everyone: its section is shown, with nobody placed through a reserve.
        Assert.Contains("Aucun enfant placé via une réserve.", page);
        Assert.DoesNotContain("Demandes sans place (", page);
        // The counts are those of the whole run, whatever the filter.
        Assert.Contains(Squash("7 proposées par le moteur, 0 placées d’office, 2 sans place, sur 9 demandes examinées. Dont 2 placées via une réserve."), Squash(page));

        // The filter form sends its fields by their names (« Statut », empty structure and section): the same list.
        var fromForm = await Forms.TextAsync(await scene.President.GetAsync(scene.Url("?calcul=1&Structure=&Section=&Statut=reserve")));
        Assert.Contains("<option selected=\"selected\" value=\"reserve\">Placées via une réserve</option>", fromForm);
        Assert.DoesNotContain(scene.High[0].Reference + "</a>", fromForm);

        // With a structure too: the filters combine.
        var atB = await Forms.TextAsync(await scene.President.GetAsync(scene.Url($"?statut=reserve&structure={scene.B.Id}")));
        Assert.DoesNotContain(scene.Poor.Reference + "</a>", atB);
        Assert.Contains("Aucun enfant placé via une réserve.", atB);
    }

    [Fact]
    public async Task AnUnknownStatus_IsIgnored_AndTheWholeProposalShows()
    {
        var scene = await ReserveMarksScene.RunAsync(app, validate: false);

        using var response = await scene.President.GetAsync(scene.Url("?statut=%3Cscript%3E"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Forms.TextAsync(response);
        Assert.All(scene.High.Concat(scene.Beta).Append(scene.Poor), a => Assert.Contains(a.Reference, page));
        Assert.DoesNotContain("<script>", page);
    }

    [Fact]
    public async Task TheFilter_IsForTheCommissionOnly_LikeTheScreen()
    {
        var scene = await ReserveMarksScene.RunAsync(app, validate: false);
        var (otherAgent, _) = await app.StaffAsync(Berceau.Domain.Access.Roles.Agent, ReserveMarksScene.Commune);
        var (elsewhere, _) = await app.StaffAsync(Berceau.Domain.Access.Roles.Committee, "93061");

        Assert.Equal(HttpStatusCode.Forbidden, (await otherAgent.GetAsync(scene.Url("?statut=reserve"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await elsewhere.GetAsync(scene.Url("?statut=reserve"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await scene.President.GetAsync($"/pro/commissions/{Guid.NewGuid()}?statut=reserve")).StatusCode);
    }

    [Fact]
    public async Task TheMinutes_PageAndPdf_GiveTheReservedSeats_AndThoseFilledThroughThem()
    {
        var scene = await ReserveMarksScene.RunAsync(app, validate: true);

        var page = Squash(await Forms.TextAsync(await scene.Agent.GetAsync(scene.Url("/proces-verbal"))));

        Assert.Contains(Squash("Places réservées"), page);
        Assert.Contains(Squash("3 places réservées, dont 2 via une réserve"), page);
        Assert.Contains(Squash($"2 {ForPoverty} : 1 pourvue via la réserve"), page);
        Assert.Contains(Squash($"1 {ForInsertion} : 1 pourvue via la réserve"), page);
        Assert.Contains(Squash("2 (1 minimum social, 1 insertion (AVIP))"), page);

        using var pdfResponse = await scene.Agent.GetAsync(scene.Url("/proces-verbal?handler=Pdf"));
        using var pdf = PdfDocument.Open(await pdfResponse.Content.ReadAsByteArrayAsync());
        var text = Squash(string.Join("", pdf.GetPages().Select(p => p.Text)));
        Assert.Contains(Squash("Places réservées 3 places réservées, dont 2 via une réserve"), text);
        Assert.Contains(Squash($"2 {ForPoverty} : 1 pourvue via la réserve"), text);
        Assert.Contains(Squash($"{scene.A.Name} – Bébés : 5 attribuées sur 5, dont 0 d’office ; places réservées : 1 minimum social, 1 insertion (AVIP), pourvues via une réserve : 2"), text);
        Assert.Contains(Squash($"{scene.B.Name} – Bébés : 2 attribuées sur 2, dont 0 d’office ; places réservées : 1 minimum social, pourvues via une réserve : 0"), text);
    }

    [Fact]
    public async Task ThePublicStatistics_GiveTheReservedSeats_AndSuppressTheSmallCountsOfFamilies()
    {
        var scene = await ReserveMarksScene.RunAsync(app, validate: true);

        using var response = await app.Client().GetAsync($"/commissions/{scene.Session}/statistiques");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Squash(await Forms.TextAsync(response));
        Assert.Contains(Squash("Places réservées par la loi (minimum social, insertion)</th><td class=\"govuk-table__cell govuk-table__cell--numeric\">3</td>"), page);
        // One family each: « moins de 5 », never the number.
        Assert.Contains(Squash($"Familles admises sur une place réservée {ForPoverty} (2 places réservées)</th><td class=\"govuk-table__cell govuk-table__cell--numeric\">moins de 5</td>"), page);
        Assert.Contains(Squash($"Familles admises sur une place réservée {ForInsertion} (1 place réservée)</th><td class=\"govuk-table__cell govuk-table__cell--numeric\">moins de 5</td>"), page);
        // Per crèche: A's 2 seats reserved, its 2 families via a reserve suppressed (its 5 admitted too: B's 2 would be found by
        // subtraction; its last admitted, on a reserved seat, had 2 points); B's reserve went back to everyone.
        Assert.Contains(Squash($"{scene.A.Name}</th><td class=\"govuk-table__cell govuk-table__cell--numeric\">5</td><td class=\"govuk-table__cell govuk-table__cell--numeric\">moins de 5</td>"
            + "<td class=\"govuk-table__cell govuk-table__cell--numeric\">2</td><td class=\"govuk-table__cell govuk-table__cell--numeric\">2</td>"
            + "<td class=\"govuk-table__cell govuk-table__cell--numeric\">moins de 5</td>"), page);
        Assert.Contains(Squash($"{scene.B.Name}</th><td class=\"govuk-table__cell govuk-table__cell--numeric\">2</td><td class=\"govuk-table__cell govuk-table__cell--numeric\">moins de 5</td>"
            + "<td class=\"govuk-table__cell govuk-table__cell--numeric\">non publié</td><td class=\"govuk-table__cell govuk-table__cell--numeric\">1</td>"
            + "<td class=\"govuk-table__cell govuk-table__cell--numeric\">0</td>"), page);
        Assert.DoesNotContain(scene.Poor.Reference, page);
        Assert.DoesNotContain("Minima", page);
    }

    private static string Squash(string text) => Whitespace().Replace(text, "");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
