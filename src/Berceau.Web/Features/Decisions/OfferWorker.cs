using Berceau.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace Berceau.Web.Features.Decisions;

/// <summary>Runs <see cref="OfferJob"/> every <see cref="OfferOptions.PollMinutes"/> (see <see cref="JobLoop"/>).</summary>
public sealed class OfferWorker(OfferJob job, IOptions<OfferOptions> options, ILogger<OfferWorker> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        JobLoop.RunAsync(ct => job.RunOnceAsync(ct), options.Value.PollMinutes, logger,
            "Expiration et réattribution des propositions de place impossibles pour le moment", stoppingToken);
}
