using System.Text.Json;
using Berceau.Data;
using Berceau.Data.Observatory;
using Berceau.Domain.Observatory.Indicators;
using Berceau.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Observatory.Indicators;

/// <summary>
/// A report as served: its figures, when they were computed, and whether the data have changed since (then the job is computing
/// them again and the page says so: never silently stale).
/// </summary>
public sealed record ServedReport(TerritoryIndicatorReport Report, DateTimeOffset ComputedAt, bool Refreshing);

/// <summary>
/// The observatory's reports served from their snapshots (<see cref="IndicatorSnapshot"/>): the dashboard, its exports and
/// <c>GET /api/v1/indicateurs</c> read them here rather than computing every indicator on each request.
/// <code>
/// var served = await snapshots.GetAsync("93", 2026, ct);   // null for an unknown territory
/// served.Report                                            // exactly what TerritoryIndicators.ForAsync gave when it was computed
/// served.ComputedAt, served.Refreshing                     // « calculé le … » ; the data changed since, a refresh is under way
/// </code>
/// A snapshot that does not exist yet, or that another build or another regime of year computed (the year was the current one
/// then), is computed here once and stored. A stale one (the data changed, or a current-year report of an earlier day, or older
/// than <see cref="IndicatorSnapshotOptions.RefreshMinutes"/>) is served as it is, flagged, and its refresh is asked of
/// <see cref="IndicatorSnapshotJob"/>.
/// </summary>
public sealed class IndicatorSnapshots(BerceauDbContext db, TerritoryIndicators indicators, TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<IndicatorSnapshotOptions> options, IndicatorSnapshotSignal signal)
{
    /// <summary>The build of the indicators (web and domain assemblies): a snapshot of another build is computed again.</summary>
    public static string CodeVersion { get; } =
        $"{typeof(TerritoryIndicators).Assembly.ManifestModule.ModuleVersionId:N}/{typeof(IndicatorCatalog).Assembly.ManifestModule.ModuleVersionId:N}";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    public static string Serialize(TerritoryIndicatorReport report) => JsonSerializer.Serialize(report, Json);

    public static TerritoryIndicatorReport Deserialize(string json) =>
        JsonSerializer.Deserialize<TerritoryIndicatorReport>(json, Json) ?? throw new JsonException("Rapport d’indicateurs vide.");

    /// <summary>The report of <paramref name="territory"/> for <paramref name="year"/>; null for an unknown territory.</summary>
    public async Task<ServedReport?> GetAsync(string territory, int year, CancellationToken ct)
    {
        if (TerritoryIndicators.ParseTerritory(territory) is not { } parsed) return null;
        var code = parsed.Code;
        var now = clock.GetUtcNow();
        var row = await db.IndicatorSnapshots.AsNoTracking().FirstOrDefaultAsync(s => s.TerritoryCode == code && s.Year == year, ct);
        if (row is not null && Usable(row, now))
        {
            var version = await CurrentVersionAsync(db, ct);
            var stale = IsStale(row, version, now, indicators.CurrentYear, options.Value);
            if (stale && !row.RefreshRequested)
            {
                await db.IndicatorSnapshots.Where(s => s.TerritoryCode == code && s.Year == year)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.RefreshRequested, true), ct);
                signal.Wake();
            }
            return new ServedReport(Deserialize(row.ReportJson), row.ComputedAt, stale);
        }
        return await ComputeAsync(db, indicators, code, year, now, ct);
    }

    /// <summary>Computes the report now and stores it (inserted, or replacing the snapshot there was); null for an unknown territory.</summary>
    public static async Task<ServedReport?> ComputeAsync(BerceauDbContext db, TerritoryIndicators indicators, string code, int year,
        DateTimeOffset now, CancellationToken ct)
    {
        // The version first, then the data: a change committed after this read moves the version past the snapshot's.
        var version = await CurrentVersionAsync(db, ct);
        var report = await indicators.ForAsync(code, year, ct);
        if (report is null) return null;
        var json = Serialize(report);
        var updated = await db.IndicatorSnapshots.Where(s => s.TerritoryCode == code && s.Year == year)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ReportJson, json).SetProperty(x => x.DataVersion, version)
                .SetProperty(x => x.CodeVersion, CodeVersion).SetProperty(x => x.ComputedAt, now).SetProperty(x => x.RefreshRequested, false), ct);
        if (updated == 0)
        {
            db.IndicatorSnapshots.Add(new IndicatorSnapshot
            {
                TerritoryCode = code, Year = year, ReportJson = json, DataVersion = version, CodeVersion = CodeVersion, ComputedAt = now,
            });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another request or node stored it at the same moment, from the same data: theirs stays.
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }
        return new ServedReport(report, now, false);
    }

    public static Task<long> CurrentVersionAsync(BerceauDbContext db, CancellationToken ct) =>
        db.IndicatorDataVersions.AsNoTracking().Where(v => v.Id == IndicatorDataVersion.SingletonId).Select(v => v.Version).FirstOrDefaultAsync(ct);

    /// <summary>
    /// Whether a snapshot may be served at all: computed by this build, and in the same regime of year (a report of a past year
    /// computed while that year was the current one counted what is true only today: wishes, declarations, frozen places).
    /// </summary>
    public static bool Usable(IndicatorSnapshot row, DateTimeOffset now) =>
        row.CodeVersion == CodeVersion
        && (ParisTime.Of(row.ComputedAt).Year == row.Year) == (ParisTime.Of(now).Year == row.Year);

    /// <summary>
    /// Whether a usable snapshot should be computed again: the data changed since, a current-year report of an earlier day (its
    /// reference day is today), or older than the periodic refresh.
    /// </summary>
    public static bool IsStale(IndicatorSnapshot row, long version, DateTimeOffset now, int currentYear, IndicatorSnapshotOptions options) =>
        row.DataVersion != version
        || (row.Year == currentYear && ParisTime.DayOf(row.ComputedAt) != ParisTime.DayOf(now))
        || (row.Year == currentYear && row.ComputedAt < now.AddMinutes(-Math.Max(1, options.RefreshMinutes)));
}
