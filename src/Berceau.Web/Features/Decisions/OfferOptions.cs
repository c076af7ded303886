namespace Berceau.Web.Features.Decisions;

/// <summary>Configuration section <c>Offers</c>.</summary>
public sealed class OfferOptions
{
    /// <summary>Runs the worker in this process (off in tests, which call <see cref="OfferJob.RunOnceAsync"/>).</summary>
    public bool RunWorker { get; set; } = true;
    /// <summary>How often to look for expired offers and released seats: a released seat waits at most this long in automatic mode.</summary>
    public int PollMinutes { get; set; } = 5;
    /// <summary>How long a node keeps the job before another may take it over.</summary>
    public int LeaseMinutes { get; set; } = 10;
}
