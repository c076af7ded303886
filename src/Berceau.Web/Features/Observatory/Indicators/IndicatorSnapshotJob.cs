using Berceau.Data;
using Berceau.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Berceau.Web.Features.Observatory.Indicators;

/// <summary>Configuration section <c>Observatory:Snapshots</c>.</summary>
public sealed class IndicatorSnapshotOptions
{
    public const string Section = "Observatory:Snapshots";

    /// <summary>Runs the worker in this process (off in tests, which call <see cref="IndicatorSnapshotJob.RunOnceAsync"/>).</summary>
    public bool RunWorker { get; set; } = true;
    /// <summary>How often the worker looks for snapshots to refresh (data changed, new day) when no reader wakes it.</summary>
    public int PollSeconds { get; set; } = 60;
    /// <summary>A current-year snapshot older than this is refreshed even without a change (declarations turn stale with time).</summary>
    public int RefreshMinutes { get; set; } = 60;
    /// <summary>How long a node keeps the job before another may take it over.</summary>
    public int LeaseMinutes { get; set; } = 30;
}

/// <summary>What one pass did; <see cref="Ran"/> false when another node held the job.</summary>
public sealed record IndicatorSnapshotPass(bool Ran, int Computed);

/// <summary>
/// Keeps the observatory's snapshots current, on one node at a time (<see cref="JobLeases"/>): each pass computes the report of
/// every département for the current year when it is missing or stale, then every stored snapshot that is stale and of the
/// current year or asked for by a reader (<see cref="IndicatorSnapshot.RefreshRequested"/>). A past year nobody reads is not
/// computed again (its page asks when it is read). Nothing to do costs two small queries.
/// </summary>
public sealed class IndicatorSnapshotJob(IServiceScopeFactory scopes, TimeProvider clock, IOptions<IndicatorSnapshotOptions> options,
    ILogger<IndicatorSnapshotJob> logger)
{
    public const string LeaseName = "indicateurs-observatoire";

    /// <summary>
    /// One pass; with <paramref name="everyYear"/>, every stale snapshot whatever its year (after an import of past years' files, and
    /// in tests, which read figures right after making their data).
    /// </summary>
    public async Task<IndicatorSnapshotPass> RunOnceAsync(CancellationToken ct = default, bool everyYear = false) =>
        await JobLeases.RunExclusiveAsync(scopes, clock, LeaseName, options.Value.LeaseMinutes, async (services, db, now) =>
        {
            var indicators = services.GetRequiredService<TerritoryIndicators>();
            var year = indicators.CurrentYear;
            var version = await IndicatorSnapshots.CurrentVersionAsync(db, ct);
            var rows = await db.IndicatorSnapshots.AsNoTracking().ToListAsync(ct);
            var due = rows.Where(r => everyYear || r.Year == year || r.RefreshRequested)
                .Where(r => r.RefreshRequested || !IndicatorSnapshots.Usable(r, now) || IndicatorSnapshots.IsStale(r, version, now, year, options.Value))
                .Select(r => (r.TerritoryCode, r.Year)).ToList();
            var departements = await db.Departements.AsNoTracking().Where(d => db.Communes.Any(c => c.DepartementCode == d.Code))
                .Select(d => d.Code).ToListAsync(ct);
            due.InsertRange(0, departements.Where(d => !rows.Any(r => r.TerritoryCode == d && r.Year == year)).Select(d => (d, year)));
            // The départements first (the dashboard's default page), then the other territories in a stable order.
            var ordered = due.Distinct().OrderBy(d => d.Item1.Length == 9 ? 2 : d.Item1.Length == 5 ? 3 : 1).ThenBy(d => d.Item1, StringComparer.Ordinal)
                .ThenByDescending(d => d.Item2).ToList();
            var started = System.Diagnostics.Stopwatch.StartNew();
            foreach (var (code, y) in ordered)
            {
                // A scope per report: nothing accumulates, and the clock is read again for each.
                await using var scope = scopes.CreateAsyncScope();
                await IndicatorSnapshots.ComputeAsync(scope.ServiceProvider.GetRequiredService<BerceauDbContext>(),
                    scope.ServiceProvider.GetRequiredService<TerritoryIndicators>(), code, y, clock.GetUtcNow(), ct);
            }
            if (ordered.Count > 0)
                logger.LogInformation("Indicateurs de l’observatoire : {Count} rapport(s) calculé(s) en {Elapsed} ms", ordered.Count, started.ElapsedMilliseconds);
            return new IndicatorSnapshotPass(true, ordered.Count);
        }, ct) ?? new IndicatorSnapshotPass(false, 0);
}

/// <summary>A reader that found a stale snapshot wakes the worker of its process, rather than waiting for the next poll.</summary>
public sealed class IndicatorSnapshotSignal : JobSignal;

/// <summary>Runs <see cref="IndicatorSnapshotJob"/> every <see cref="IndicatorSnapshotOptions.PollSeconds"/>, or sooner when a reader wakes it.</summary>
public sealed class IndicatorSnapshotWorker(IndicatorSnapshotJob job, IndicatorSnapshotSignal signal, IOptions<IndicatorSnapshotOptions> options,
    ILogger<IndicatorSnapshotWorker> logger) : BackgroundService
{
    // A failed pass leaves the snapshots as they were (flagged as being refreshed); the next one tries again.
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        JobLoop.RunAsync(ct => job.RunOnceAsync(ct), TimeSpan.FromSeconds(Math.Max(5, options.Value.PollSeconds)), signal, logger,
            "Indicateurs de l’observatoire impossibles à calculer pour le moment", stoppingToken);
}
