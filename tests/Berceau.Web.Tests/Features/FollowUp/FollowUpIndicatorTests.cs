using System.Net;
using Berceau.Domain.Access;
using Berceau.Domain.FollowUp;
using Berceau.Web.Features.FollowUp;
using Berceau.Web.Tests.Features.Offer;
using Berceau.Web.Tests.Support;
using static Berceau.Web.Tests.Features.FollowUp.FollowUpTestData;

namespace Berceau.Web.Tests.Features.FollowUp;

/// <summary>
/// The « zéro sans solution » indicator on hand-built cases. Five cases on 23 November 2026 (figures checked by hand):
/// A opened 1 March, solution 21 March (20 days); B opened 15 April, solution 14 July (90 days); C opened 10 May, no solution;
/// D opened 1 October, solution 11 October (10 days); E opened 10 November, no solution.
/// At 1 month: A, B, C, D are old enough (E is not): A and D had a solution within a month → 2 of 4 = 50 %.
/// At 3 months: A, B, C (D and E too young): A and B (14 July ≤ 15 July) → 2 of 3 = 66.7 %. At 6 months: A, B, C → 2 of 3.
/// Median time to solution: 10, 20, 90 → 20 days.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class FollowUpIndicatorTests(BerceauApp app)
{
    private static readonly CaseTimes[] Cases =
    [
        new("A", new(2026, 3, 1), new(2026, 3, 21)), new("A", new(2026, 4, 15), new(2026, 7, 14)), new("A", new(2026, 5, 10), null),
        new("A", new(2026, 10, 1), new(2026, 10, 11)), new("A", new(2026, 11, 10), null),
    ];

    [Fact]
    public void Rates_LeaveCasesYoungerThanTheHorizonOut_AndTakeTheMedianOfTheSolvedOnes()
    {
        var rate = SolutionRates.Of(Cases, Today);

        Assert.Equal((5, 3), (rate.Cases, rate.Solved));
        Assert.Equal([(1, 4, 2, 50m), (3, 3, 2, 66.7m), (6, 3, 2, 66.7m)], rate.Horizons.Select(h => (h.Months, h.Counted, h.Solved, h.Percent!.Value)));
        Assert.Equal(20m, rate.MedianDaysToSolution);
    }

    [Fact]
    public void Rates_WithAnEvenCount_TakeTheMeanOfTheTwoMiddleValues_AndWithoutCases_HaveNoPercentage()
    {
        Assert.Equal(15m, SolutionRates.Of(Cases[..1].Concat(Cases[3..4]), Today).MedianDaysToSolution);
        var none = SolutionRates.Of([], Today);
        Assert.All(none.Horizons, h => Assert.Null(h.Percent));
        Assert.Null(none.MedianDaysToSolution);
    }

    [Fact]
    [Trait("Category", "Database")]
    public async Task Page_AndQuery_ShowTheCommunesFigures_AndTheDepartement_ToTheGuichetAndTheObservatory()
    {
        // The only cases of Neuilly-sur-Marne (93050) in the whole suite: built here, through the case's verbs.
        foreach (var c in Cases)
        {
            var application = await app.ApplicationAsync(null, commune: Neuilly);
            var opened = new DateTimeOffset(c.OpenedOn.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
            await app.CaseAsync(application, commune: Neuilly, openedAt: opened, then: x =>
            {
                if (c.SolutionOn is { } on) Assert.True(x.Record(FollowUpActionKind.SolutionFound, on, "Assistante maternelle", Today, BerceauApp.Now, "test").IsSuccess);
            });
        }
        using var agent = await app.SignedInAsync(Roles.Agent, commune: Neuilly);
        using var observatory = await app.SignedInAsync(Roles.Observatory, departement: "93");

        var rows = await app.WithDbAsync(db => new FollowUpIndicators(db).ForCommunesAsync([Neuilly], Today, default));
        var page = await Forms.TextAsync(await agent.GetAsync(FollowUpFeature.IndicatorsPath));
        var wide = await Forms.TextAsync(await observatory.GetAsync(FollowUpFeature.IndicatorsPath));

        var commune = Assert.Single(rows, r => !r.IsAggregate);
        Assert.Equal((Neuilly, 5, 3, 20m), (commune.Code, commune.Rate.Cases, commune.Rate.Solved, commune.Rate.MedianDaysToSolution));
        Assert.Equal([50m, 66.7m, 66.7m], commune.Rate.Horizons.Select(h => h.Percent!.Value));
        Assert.Contains(rows, r => r.IsAggregate && r.Code == "93");
        Assert.Contains("50 % <span class=\"govuk-body-s\">(2 sur 4)</span>", page);
        Assert.Contains("66,7 % <span class=\"govuk-body-s\">(2 sur 3)</span>", page);
        Assert.Contains("20 jours", page);
        Assert.Contains("compté pour cet horizon", page);
        Assert.Contains($"data-commune=\"{Neuilly}\"", wide);
        Assert.Contains("data-commune=\"93\"", wide);
        OfferTestData.AssertForbidden(await (await app.SignedInAsync(Roles.Committee, departement: "93")).GetAsync(FollowUpFeature.IndicatorsPath));
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignedInAsync(Roles.Steering, departement: "93")).GetAsync(FollowUpFeature.IndicatorsPath)).StatusCode);
    }
}
