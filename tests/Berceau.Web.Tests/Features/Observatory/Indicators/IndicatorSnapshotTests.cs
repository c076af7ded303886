using System.Net.Http.Json;
using System.Text.Json;
using Berceau.Data;
using Berceau.Data.Observatory;
using Berceau.Web.Features.Observatory.Indicators;
using Berceau.Web.Infrastructure;
using Berceau.Web.Tests.Features.Observatory.Dashboard;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Berceau.Web.Tests.Features.Observatory.Indicators;

/// <summary>
/// The observatory's snapshots (issue 8's performance check, docs/observatory.md « Indicateurs pré-calculés »): the report served is
/// the live computation's, a committed change of the data makes it stale (said on the page and in the API, never silently) until
/// the leased job computes it again, one node at a time. Montreuil (93048) with crèches of its own; figures are compared before
/// and after, never as totals of the commune.
/// </summary>
[Collection(AppCollection.Name)]
[Trait("Category", "Database")]
public sealed class IndicatorSnapshotTests(BerceauApp app)
{
    private const string Montreuil = "93048";

    private async Task<T> WithServicesAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    private Task<ServedReport> ServedAsync(string territory, int year) =>
        WithServicesAsync(async s => (await s.GetRequiredService<IndicatorSnapshots>().GetAsync(territory, year, default))!);

    private Task<TerritoryIndicatorReport> LiveAsync(string territory, int year) =>
        WithServicesAsync(async s => (await s.GetRequiredService<TerritoryIndicators>().ForAsync(territory, year, default))!);

    private Task<long> VersionAsync() => app.WithDbAsync(db => IndicatorSnapshots.CurrentVersionAsync(db, default));

    private Task<IndicatorSnapshot?> RowAsync(string territory, int year) =>
        app.WithDbAsync(db => db.IndicatorSnapshots.AsNoTracking().FirstOrDefaultAsync(s => s.TerritoryCode == territory && s.Year == year));

    private static string Json(TerritoryIndicatorReport report) =>
        JsonSerializer.Serialize(report.Indicators.Select(IndicatorItem.Of).ToList());

    private Task<Domain.Offer.Facility> CrecheAsync(int places) =>
        app.SaveAsync(TestData.Creche(Montreuil, $"Crèche instantané {Guid.NewGuid():N}"[..30], "93100", 48.861, 2.443, ("Multi-âges", 2, 36, places)));

    [Theory]
    [InlineData(Montreuil, 2026)]
    [InlineData(Montreuil, 2021)]
    [InlineData("200057875", 2026)]
    [InlineData("93", 2026)]
    public async Task ServedReport_IsExactlyTheLiveComputation(string territory, int year)
    {
        await app.RefreshIndicatorsAsync();

        var served = await ServedAsync(territory, year);
        var live = await LiveAsync(territory, year);

        Assert.False(served.Refreshing);
        Assert.Equal(Json(live), Json(served.Report));
        Assert.Equal((live.Territory, live.Year, live.ReferenceDay), (served.Report.Territory, served.Report.Year, served.Report.ReferenceDay));
        // And through the API, field by field.
        var api = await app.Client().GetFromJsonAsync<JsonElement>($"/api/v1/indicateurs?territoire={territory}&annee={year}");
        Assert.Equal(JsonSerializer.Serialize(JsonSerializer.Deserialize<List<IndicatorItem>>(api.GetProperty("indicateurs").GetRawText())),
            Json(live));
        Assert.False(api.GetProperty("actualisationEnCours").GetBoolean());
    }

    [Fact]
    public async Task AChange_MakesTheSnapshotStale_SaidByPageAndApi_UntilTheJobRefreshesIt_ThenTheFigureChanges()
    {
        await app.RefreshIndicatorsAsync();
        var before = (await ServedAsync(Montreuil, 2026)).Report["places-par-mode"].Value!.Value;
        var version = await VersionAsync();

        await CrecheAsync(places: 17);

        Assert.True(await VersionAsync() > version);
        var stale = await ServedAsync(Montreuil, 2026);
        Assert.True(stale.Refreshing);
        Assert.Equal(before, stale.Report["places-par-mode"].Value);
        Assert.True((await RowAsync(Montreuil, 2026))!.RefreshRequested);
        var html = await app.Client().GetStringAsync($"/observatoire?departement=93&commune={Montreuil}");
        Assert.Contains("ces indicateurs sont en cours d’actualisation", html, StringComparison.Ordinal);
        var api = await app.Client().GetFromJsonAsync<JsonElement>($"/api/v1/indicateurs?territoire={Montreuil}");
        Assert.True(api.GetProperty("actualisationEnCours").GetBoolean());

        var pass = await app.Services.GetRequiredService<IndicatorSnapshotJob>().RunOnceAsync();

        Assert.True(pass is { Ran: true, Computed: > 0 });
        var fresh = await ServedAsync(Montreuil, 2026);
        Assert.False(fresh.Refreshing);
        Assert.Equal(before + 17, fresh.Report["places-par-mode"].Value);
        Assert.Equal(Json(await LiveAsync(Montreuil, 2026)), Json(fresh.Report));
        html = await app.Client().GetStringAsync($"/observatoire?departement=93&commune={Montreuil}");
        Assert.DoesNotContain("en cours d’actualisation", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_ShowsWhenTheIndicatorsWereComputed_InParisTime()
    {
        await app.RefreshIndicatorsAsync();
        var html = await app.Client().GetStringAsync($"/observatoire?departement=93&commune={Montreuil}");

        var row = (await RowAsync(Montreuil, app.Clock.GetUtcNow().Year))!;
        var paris = ParisTime.Of(row.ComputedAt);
        var french = System.Globalization.CultureInfo.GetCultureInfo("fr-FR");
        Assert.Contains($"calculés le {paris.ToString("d MMMM yyyy", french)} à {paris.Hour} h {paris.Minute:00} (heure de Paris), à jour des dernières données",
            html, StringComparison.Ordinal);
        var api = await app.Client().GetFromJsonAsync<JsonElement>($"/api/v1/indicateurs?territoire={Montreuil}");
        Assert.Equal(row.ComputedAt, api.GetProperty("calculeLe").GetDateTimeOffset());
    }

    [Fact]
    public async Task AMissingSnapshot_IsComputedOnce_AndStored_AsIsOneOfAnotherBuild()
    {
        await app.WithDbAsync(db => db.IndicatorSnapshots.Where(s => s.TerritoryCode == Montreuil && s.Year == 2019).ExecuteDeleteAsync());

        var served = await ServedAsync(Montreuil, 2019);

        Assert.False(served.Refreshing);
        var row = (await RowAsync(Montreuil, 2019))!;
        Assert.Equal((await VersionAsync(), IndicatorSnapshots.CodeVersion), (row.DataVersion, row.CodeVersion));
        Assert.Equal(Json(await LiveAsync(Montreuil, 2019)), Json(IndicatorSnapshots.Deserialize(row.ReportJson)));

        // A snapshot of another build (a new indicator, a changed rule) is not served: computed again, now.
        await app.WithDbAsync(db => db.IndicatorSnapshots.Where(s => s.TerritoryCode == Montreuil && s.Year == 2019)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.CodeVersion, "une-autre-version").SetProperty(x => x.ReportJson, "{}")));
        served = await ServedAsync(Montreuil, 2019);
        Assert.Equal(Json(await LiveAsync(Montreuil, 2019)), Json(served.Report));
        Assert.Equal(IndicatorSnapshots.CodeVersion, (await RowAsync(Montreuil, 2019))!.CodeVersion);
    }

    [Fact]
    public async Task TwoWorkersAtOnce_DoNotBothCompute_AndAHeldLeaseStopsTheOther()
    {
        await app.RefreshIndicatorsAsync();
        await ServedAsync(Montreuil, 2026);
        await CrecheAsync(places: 3);
        var job = app.Services.GetRequiredService<IndicatorSnapshotJob>();

        // Another node holds the job: this one computes nothing, the snapshot stays stale.
        var lease = await app.WithDbAsync(db => JobLeases.ClaimAsync(db, IndicatorSnapshotJob.LeaseName, app.Clock.GetUtcNow(), app.Clock.GetUtcNow().AddMinutes(30), default));
        Assert.NotNull(lease);
        Assert.Equal(new IndicatorSnapshotPass(false, 0), await job.RunOnceAsync());
        Assert.True((await ServedAsync(Montreuil, 2026)).Refreshing);
        await app.WithDbAsync(async db => { await JobLeases.ReleaseAsync(db, IndicatorSnapshotJob.LeaseName, lease.Value, app.Clock.GetUtcNow()); return 0; });

        // Two passes at once: each stale report is computed by one of them only.
        var due = await app.WithDbAsync(async db =>
        {
            var version = await IndicatorSnapshots.CurrentVersionAsync(db, default);
            return await db.IndicatorSnapshots.CountAsync(s => s.Year == 2026 && s.DataVersion != version);
        });
        var passes = await Task.WhenAll(job.RunOnceAsync(), job.RunOnceAsync());
        Assert.Contains(passes, p => p.Ran);
        Assert.Equal(due, passes.Sum(p => p.Computed));
        Assert.False((await ServedAsync(Montreuil, 2026)).Refreshing);
    }

    [Fact]
    public async Task AChangeInsideATransaction_MarksTheDataOnlyWhenCommitted()
    {
        var creche = await CrecheAsync(places: 5);
        var version = await VersionAsync();

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BerceauDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var tracked = await db.Facilities.SingleAsync(f => f.Id == creche.Id);
            tracked.Phone = "01 48 70 00 00";
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }
        Assert.Equal(version, await VersionAsync());

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BerceauDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var tracked = await db.Facilities.SingleAsync(f => f.Id == creche.Id);
            tracked.Phone = "01 48 70 00 01";
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }
        Assert.Equal(version + 1, await VersionAsync());

        // A table the indicators do not read (the audit) moves nothing.
        await app.WithDbAsync(db =>
        {
            db.AuditEntries.Add(new Domain.Audit.AuditEntry { At = app.Clock.GetUtcNow(), UserName = "test", Action = "lecture", EntityType = "Test" });
            return db.SaveChangesAsync();
        });
        Assert.Equal(version + 1, await VersionAsync());
    }

    [Fact]
    public async Task LongBreakdowns_ShowTheirFirstLines_AndTheDownloadHasThemAll()
    {
        await app.RefreshIndicatorsAsync();
        var report = (await ServedAsync("93", 2026)).Report;
        var structures = report["pression-premiers-voeux"].Breakdown("structure")!.Rows;
        Assert.True(structures.Count > 20, $"{structures.Count} structures");
        var html = await app.Client().GetStringAsync("/observatoire?departement=93");

        var page = DashboardPage.Table(html, "indicateur-pression-premiers-voeux");
        var kind = DashboardPage.Column(page, "Ventilation");
        Assert.Equal(structures.Take(20).Select(r => r.Label), page.Skip(1).Where(r => r[kind] != "Par commune").Select(r => r[0]));
        Assert.Matches(@"les 20 premières lignes « Par structure[^»]*» sur \d", html);
        Assert.Contains("Télécharger tout « Pression", html, StringComparison.Ordinal);
        var csv = DashboardPage.Csv(await app.Client().GetByteArrayAsync("/observatoire/export?tableau=indicateur-pression-premiers-voeux&format=csv&departement=93"));
        Assert.Equal(structures.Count, csv.Skip(1).Count(r => r[kind] != "Par commune"));
    }
}
