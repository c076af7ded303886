using Berceau.Domain.Applications;
using Berceau.Domain.Observatory.Indicators;
using Berceau.Domain.Offer;
using Berceau.Web.Features.Observatory.Indicators;
using Berceau.Web.Tests.Features.Decisions;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Berceau.Web.Tests.Features.Observatory.Indicators.IndicatorsTestData;
using S = Berceau.Domain.Applications.ApplicationStatus;

namespace Berceau.Web.Tests.Features.Observatory.Indicators;

/// <summary>
/// Hand-checked indicators of L’Île-Saint-Denis (93039) and Le Bourget (93013), built once for the class (figures below by hand).
/// <para>Families of 93039, all wishing crèche C first (C opened 1 March 2018, 5 + 7 places):</para>
/// <list type="bullet">
/// <item>P1 submitted 10 Jan 2025, accepted 20 Mar 2025 (69 days; a disabled member), offered a better wish and accepted again in July (still one family);</item>
/// <item>P2 submitted 1 Feb 2025, accepted 2 May 2025 (90 days; a minimum social benefit);</item>
/// <item>P3 submitted 1 Sep 2024, accepted 15 Jan 2025 (136 days; minimum social benefit and a job seeker);</item>
/// <item>P4 submitted 1 Jun 2025, accepted 11 Jun 2025 (10 days); P5 submitted 5 Jan 2024, accepted 5 Apr 2024 (91 days, leap year);</item>
/// <item>W1 born 10 Jan 2025, waitlisted since 1 Dec 2025; W2 born 1 Dec 2023, submitted 1 May 2025, cancelled 1 Feb 2026;
/// W3 expected 1 Mar 2026, submitted 15 Dec 2025 (no birth date recorded).</item>
/// </list>
/// 2025: waits 10, 69, 90, 136 → median 79.5, 90th percentile (rank 4 of 4) 136; access: handicap 1/4 = 25 %, minima sociaux 2/4 = 50 %,
/// insertion 1/4 = 25 %. Waiting on 31 Dec 2025: W1 (11 months → « moins d’un an »), W2 (24 months → « 2 ans »), W3 (« à naître »).
/// Today (23 Nov 2026): W1 (22 months → « 1 an ») and W3 → 2, both first wishes on C: pressure 2 ÷ 12 = 0.17.
/// Cases opened in 2025: on 1 Mar (solved 21 Mar, 20 days), 15 Oct (none), 20 Nov (solved 10 Jan 2026, after the reference day):
/// on 31 Dec 2025, 2 of 3 without solution; at 3 months only the March case counts, solved → 100 %; median 20 days.
/// Structures: C (12 places) and an AM (agrément 4) opened in 2018, crèche Z (10 places) closed on 30 Sep 2018.
/// Le Bourget: one published commission (<see cref="Scene"/>), 4 applications examined, 2 offered a seat → 50 %.
/// </summary>
[Collection(AppCollection3.Name)]
[Trait("Category", "Database")]
public sealed class IndicatorFixtureTests(BerceauApp app)
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static bool built;

    private async Task<TerritoryIndicatorReport> ReportAsync(string territory, int year)
    {
        await BuildAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<TerritoryIndicators>().ForAsync(territory, year, default);
        Assert.NotNull(report);
        return report;
    }

    private async Task BuildAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (built) return;
            var c = TestData.Creche(IleSaintDenis, UniqueName("Crèche C"), IleSaintDenisPostalCode, 48.935, 2.341, ("Bébés", 2, 18, 5), ("Grands", 18, 36, 7));
            c.OpenedOn = new DateOnly(2018, 3, 1);
            await app.SaveAsync(c);
            var am = TestData.Childminder(IleSaintDenis, UniqueName("AM"), IleSaintDenisPostalCode, 48.936, 2.342, new Agrement(4, 0, 36, null, null));
            am.OpenedOn = new DateOnly(2018, 6, 1);
            await app.SaveAsync(am);
            var z = TestData.Creche(IleSaintDenis, UniqueName("Crèche Z"), IleSaintDenisPostalCode, 48.937, 2.343, ("Multi-âges", 2, 36, 10));
            z.Close(new DateOnly(2018, 9, 30), "Fin du bail");
            await app.SaveAsync(z);

            var p1 = await app.ApplicationAsync(c, new(At(2025, 1, 10), new(2024, 8, 1), null,
                [(S.Complete, At(2025, 2, 1)), (S.InCommittee, At(2025, 3, 1)), (S.Offered, At(2025, 3, 15)), (S.Accepted, At(2025, 3, 20)),
                 (S.Offered, At(2025, 7, 1)), (S.Accepted, At(2025, 7, 5))], Disability: true));
            await app.ApplicationAsync(c, new(At(2025, 2, 1), new(2024, 10, 1), null,
                [(S.Complete, At(2025, 2, 15)), (S.InCommittee, At(2025, 4, 1)), (S.Offered, At(2025, 4, 20)), (S.Accepted, At(2025, 5, 2))], SocialMinimum: true));
            await app.ApplicationAsync(c, new(At(2024, 9, 1), new(2024, 5, 1), null,
                [(S.Complete, At(2024, 9, 15)), (S.InCommittee, At(2024, 12, 1)), (S.Offered, At(2025, 1, 5)), (S.Accepted, At(2025, 1, 15))],
                SocialMinimum: true, Situation: GuardianSituation.JobSeeker));
            var p4 = await app.ApplicationAsync(c, new(At(2025, 6, 1), new(2025, 1, 1), null,
                [(S.Complete, At(2025, 6, 5)), (S.InCommittee, At(2025, 6, 8)), (S.Offered, At(2025, 6, 9)), (S.Accepted, At(2025, 6, 11))]));
            await app.ApplicationAsync(c, new(At(2024, 1, 5), new(2023, 10, 1), null,
                [(S.Complete, At(2024, 2, 1)), (S.InCommittee, At(2024, 3, 1)), (S.Offered, At(2024, 4, 1)), (S.Accepted, At(2024, 4, 5))]));
            await app.ApplicationAsync(c, new(At(2025, 11, 1), new(2025, 1, 10), null,
                [(S.Complete, At(2025, 11, 5)), (S.InCommittee, At(2025, 11, 20)), (S.Waitlisted, At(2025, 12, 1))]));
            var w2 = await app.ApplicationAsync(c, new(At(2025, 5, 1), new(2023, 12, 1), null, [(S.Cancelled, At(2026, 2, 1))]));
            await app.ApplicationAsync(c, new(At(2025, 12, 15), null, new(2026, 3, 1), []));

            await app.CaseAsync(p4, At(2025, 3, 1), new DateOnly(2025, 3, 21));
            await app.CaseAsync(w2, At(2025, 10, 15), null);
            await app.CaseAsync(p1, At(2025, 11, 20), new DateOnly(2026, 1, 10));

            await Scene.PublishedAsync(app, commune: LeBourget);
            built = true;
        }
        finally
        {
            Gate.Release();
        }
    }

    [Fact]
    public async Task PendingApplications_OfAPastYear_AreReadFromTheHistory_ByAgeOnThe31stOfDecember()
    {
        var report = await ReportAsync(IleSaintDenis, 2025);

        Assert.Equal(new DateOnly(2025, 12, 31), report.ReferenceDay);
        var pending = report["demandes-en-attente"];
        Assert.Equal(3m, pending.Value);
        Assert.Equal([("0", 1m), ("1", 0m), ("2", 1m), ("3+", 0m), ("a-naitre", 1m)], pending.Breakdown("age")!.Rows.Select(r => (r.Key, r.Value!.Value)));
    }

    [Fact]
    public async Task PendingApplications_AndPressure_OfTheCurrentYear_AreToday()
    {
        var report = await ReportAsync(IleSaintDenis, 2026);

        var pending = report["demandes-en-attente"];
        Assert.Equal(2m, pending.Value);
        Assert.Equal([("0", 0m), ("1", 1m), ("2", 0m), ("3+", 0m), ("a-naitre", 1m)], pending.Breakdown("age")!.Rows.Select(r => (r.Key, r.Value!.Value)));
        var pressure = report["pression-premiers-voeux"];
        var c = Assert.Single(pressure.Breakdown("structure")!.Rows, r => r.Numerator > 0);
        Assert.Equal((0.17m, 2m, 12m), (c.Value!.Value, c.Numerator!.Value, c.Denominator!.Value));
        // The commune's denominator is every place of its open collective structures (the demo ones too).
        var places = await app.WithDbAsync(db => db.Facilities.Where(f => f.CommuneCode == IleSaintDenis && f.ClosedOn == null
            && (f.Mode == CareMode.EajeCollectif || f.Mode == CareMode.MicroCreche || f.Mode == CareMode.CrecheFamiliale || f.Mode == CareMode.CrecheParentale || f.Mode == CareMode.CrecheEntreprise))
            .SelectMany(f => f.Sections).SumAsync(s => s.Places));
        Assert.Equal((2m, (decimal)places), (pressure.Numerator!.Value, pressure.Denominator!.Value));
    }

    [Fact]
    public async Task Waits_AreMedianAnd90thPercentile_OfTheFirstAcceptances_OfTheYear()
    {
        var y2025 = await ReportAsync(IleSaintDenis, 2025);
        var y2024 = await ReportAsync(IleSaintDenis, 2024);

        Assert.Equal((79.5m, 4), (y2025["delai-median-attribution"].Value!.Value, y2025["delai-median-attribution"].Observations!.Value));
        Assert.Equal(136m, y2025["delai-90e-centile-attribution"].Value);
        Assert.Equal((91m, 1), (y2024["delai-median-attribution"].Value!.Value, y2024["delai-median-attribution"].Observations!.Value));
        var none = (await ReportAsync(IleSaintDenis, 2023))["delai-median-attribution"];
        Assert.Equal((IndicatorState.Available, null), (none.State, none.Value));
        Assert.Contains("Aucune famille", none.Note);
    }

    [Fact]
    public async Task AccessShares_OfD2142_AreOverTheFamiliesPlacedInTheYear()
    {
        var report = await ReportAsync(IleSaintDenis, 2025);

        Assert.Equal((25m, 1m, 4m), Figures(report["accueil-enfants-handicap"]));
        Assert.Equal((50m, 2m, 4m), Figures(report["accueil-familles-minima-sociaux"]));
        Assert.Equal((25m, 1m, 4m), Figures(report["accueil-familles-insertion"]));
    }

    [Fact]
    public async Task FamiliesWithoutSolution_AreTheCasesOfTheYear_AsTheyStoodOnTheReferenceDay()
    {
        var report = await ReportAsync(IleSaintDenis, 2025);

        Assert.Equal((2m, 2m, 3m), Figures(report["familles-sans-solution"]));
        Assert.Equal((100m, 1m, 1m), Figures(report["taux-solution-3-mois"]));
        Assert.Equal(20m, report["delai-median-solution"].Value);
        var now = await ReportAsync(IleSaintDenis, 2026);
        Assert.Equal(0m, now["familles-sans-solution"].Value);
        Assert.Null(now["taux-solution-3-mois"].Value);
    }

    [Fact]
    public async Task PlacesCreatedAndClosed_ComeFromOpeningAndClosingDays()
    {
        var report = await ReportAsync(IleSaintDenis, 2018);

        var created = report["places-creees"];
        Assert.Equal((16m, 2), (created.Value!.Value, created.Observations!.Value));
        Assert.Equal([("AM", 4m), ("EAJE_COLLECTIF", 12m)], created.Breakdown("mode")!.Rows.Select(r => (r.Key, r.Value!.Value)));
        Assert.Equal((10m, 1), (report["places-fermees"].Value!.Value, report["places-fermees"].Observations!.Value));
    }

    [Fact]
    public async Task WithoutData_IndicatorsAreNonDisponible_WithTheReason()
    {
        var report = await ReportAsync(IleSaintDenis, 2021);

        Assert.Equal(IndicatorCatalog.All.Select(d => d.Code), report.Indicators.Select(i => i.Code));
        // No Cnaf row for a commune under 10,000 inhabitants: no places for a past year.
        foreach (var code in new[] { "places-par-mode", "taux-couverture", "enfants-moins-3-ans" })
        {
            Assert.Equal(IndicatorState.Unavailable, report[code].State);
            Assert.Contains("Pas de données de places pour 2021", report[code].Note);
        }
        foreach (var code in new[] { "pression-premiers-voeux", "places-vacantes", "disponibilites-am", "part-am-disponibles" })
            Assert.Contains("année en cours seulement (2026)", report[code].Note);
        Assert.Contains("heures facturées", report["taux-occupation-eaje"].Note);
        Assert.Equal(IndicatorState.Unavailable, report["soutien-parentalite"].State);
        Assert.All(report.Indicators.Where(i => !i.IsAvailable), i => Assert.Null(i.Value));
    }

    [Fact]
    public async Task Supply_OfTheCurrentYear_CountsTheFreshDeclarations_AndTheRegistryCoverage()
    {
        var report = await ReportAsync(IleSaintDenis, 2026);
        var freshSince = BerceauApp.Now.AddMonths(-2);
        var (collective, childminders, amOpen, amDeclaring) = await app.WithDbAsync(async db =>
        {
            var open = db.Facilities.Where(f => f.CommuneCode == IleSaintDenis && f.ClosedOn == null);
            var vacancies = open.SelectMany(f => f.Vacancies.Where(v => v.Places > 0 && v.DeclaredAt >= freshSince), (f, v) => new { f.Mode, v.Places });
            var list = await vacancies.ToListAsync();
            var ams = await open.Where(f => f.Mode == CareMode.AssistantMaternel || f.Mode == CareMode.Mam)
                .Select(f => f.Vacancies.Any(v => v.Places > 0 && v.DeclaredAt >= freshSince)).ToListAsync();
            return (list.Where(v => v.Mode.IsCollective()).Sum(v => v.Places), list.Where(v => v.Mode is CareMode.AssistantMaternel or CareMode.Mam).Sum(v => v.Places),
                ams.Count, ams.Count(x => x));
        });

        Assert.Equal(collective, report["places-vacantes"].Value);
        Assert.Equal(childminders, report["disponibilites-am"].Value);
        Assert.Equal(((decimal)amDeclaring, (decimal)amOpen), (report["part-am-disponibles"].Numerator!.Value, report["part-am-disponibles"].Denominator!.Value));
        // The current year: the registry and 3 × births, an estimate, never a published rate.
        var rate = report["taux-couverture"];
        Assert.True(rate.IsAvailable && rate.Estimate);
        Assert.Equal(Math.Round(rate.Numerator!.Value * 100 / rate.Denominator!.Value, 1, MidpointRounding.AwayFromZero), rate.Value);
    }

    [Fact]
    public async Task Commission_OfLeBourget_PlacedHalfOfTheApplicationsItExamined()
    {
        var report = await ReportAsync(LeBourget, 2026);

        var placed = report["taux-placement-commission"];
        Assert.Equal((50m, 2m, 4m), Figures(placed));
        var session = Assert.Single(placed.Breakdown("commission")!.Rows);
        Assert.Contains("Commission d’hiver", session.Label);
        Assert.Equal(4m, report["demandes-en-attente"].Value);   // 2 offered (no answer yet) and 2 on the waiting list
    }

    [Fact]
    public async Task Ept_AddsItsCommunes_NumeratorsAndDenominators()
    {
        var ept = await ReportAsync(PlaineCommune, 2025);
        var commune = await ReportAsync(IleSaintDenis, 2025);

        Assert.StartsWith("Plaine Commune", ept.Territory.Name, StringComparison.Ordinal);
        foreach (var code in new[] { "accueil-familles-minima-sociaux", "familles-sans-solution", "demandes-en-attente" })
        {
            var row = Assert.Single(ept[code].Breakdown("commune")!.Rows, r => r.Key == IleSaintDenis);
            Assert.Equal(commune[code].Value, row.Value);
            Assert.Equal(ept[code].Breakdown("commune")!.Rows.Sum(r => r.Numerator ?? r.Value ?? 0), ept[code].Numerator ?? ept[code].Value);
        }
    }

    private static (decimal, decimal, decimal) Figures(Indicator i) => (i.Value!.Value, i.Numerator!.Value, i.Denominator!.Value);
}
