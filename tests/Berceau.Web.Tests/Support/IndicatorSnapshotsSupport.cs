using Berceau.Web.Features.Observatory.Indicators;
using Microsoft.Extensions.DependencyInjection;

namespace Berceau.Web.Tests.Support;

/// <summary>
/// The observatory serves its reports from snapshots that the leased job refreshes (off in tests): a test that reads figures
/// through the dashboard or <c>GET /api/v1/indicateurs</c> right after making its data runs one pass first, over every year, as
/// the worker would a moment later. The snapshots themselves are tested in Features/Observatory/Indicators/IndicatorSnapshotTests.
/// </summary>
public static class IndicatorSnapshotsSupport
{
    public static async Task<IndicatorSnapshotPass> RefreshIndicatorsAsync(this BerceauApp app)
    {
        var pass = await app.Services.GetRequiredService<IndicatorSnapshotJob>().RunOnceAsync(default, everyYear: true);
        Assert.True(pass.Ran, "Le calcul des indicateurs est tenu par un autre nœud.");
        return pass;
    }
}
