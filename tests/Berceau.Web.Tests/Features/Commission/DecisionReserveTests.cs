using System.Net;
using System.Text.RegularExpressions;
using Berceau.Web.Tests.Support;
using static Berceau.Web.Tests.Features.Commission.CommissionTestData;

namespace Berceau.Web.Tests.Features.Commission;

/// <summary>
/// A commission's decision that takes seats out of a section trims its reserves (OverrideTransform: from the last, when they no
/// longer fit), and the review screen shows the reserves the run actually gave the engine, not those of the freeze. The scene of
/// <see cref="ReserveMarksScene"/>, in Romainville (93062), a commune no other test class uses.
/// </summary>
[Collection(AppCollection.Name)]
[Trait("Category", "Database")]
public partial class DecisionReserveTests(BerceauApp app)
{
    private const string Romainville = "93062";
    private const string ForPoverty = "aux familles qui touchent un minimum social";
    private const string ForInsertion = "aux parents en insertion ou en recherche d’emploi (crèche AVIP)";

    [Fact]
    public async Task PlacementsByTheCommission_TrimTheReserves_AndTheReviewScreenShowsTheTrimmedOnes_AlsoOnceValidated()
    {
        var scene = await ReserveMarksScene.RunAsync(app, Romainville, validate: false);
        var before = await Forms.TextAsync(await scene.President.GetAsync(scene.Url()));
        Assert.Contains($"Dont 2 places réservées : 1 {ForPoverty}, pourvue via la réserve ; 1 {ForInsertion}, pourvue via la réserve.", before);

        // A's 5 seats: four placed by the commission leave one, and its two reserves no longer fit: the last (insertion) goes.
        for (var i = 0; i < 4; i++)
        {
            var forced = await PostReviewAsync(scene.President, scene.Session, "Override", ("Override.Application", scene.High[i].Reference),
                ("Override.Kind", "Force"), ("Override.Target", $"{scene.A.Id}:{scene.A.Sections[0].Id}"),
                ("Override.Reason", "Situation d’urgence signalée par la PMI"));
            Assert.True(forced.StatusCode == HttpStatusCode.Redirect, string.Join(" | ", await Forms.ErrorSummaryAsync(forced)));
        }

        var after = await Forms.TextAsync(await scene.President.GetAsync(scene.Url("?calcul=5")));
        Assert.Contains("4 placées d’office", after);
        Assert.Contains($"Dont 1 place réservée : 1 {ForPoverty}, pourvue via la réserve.", after);
        Assert.DoesNotContain(ForInsertion, after);
        Assert.Equal(1, Regex.Count(after, "Via réserve"));
        // B is untouched: its reserve is still there, given back to everyone.
        Assert.Contains($"Dont 1 place réservée : 1 {ForPoverty}, aucune pourvue via la réserve (rendue à tous).", after);

        var validated = await PostReviewAsync(scene.President, scene.Session, "Validate");
        Assert.Equal(HttpStatusCode.Redirect, validated.StatusCode);
        var page = await Forms.TextAsync(await scene.President.GetAsync(scene.Url()));
        Assert.Contains("Proposition du calcul n° 5", page);
        Assert.Contains($"Dont 1 place réservée : 1 {ForPoverty}, pourvue via la réserve.", page);
        Assert.DoesNotContain(ForInsertion, page);
    }
}
