namespace Berceau.Web.Features.Applications.Confirmation;

/// <summary>Configuration section <c>Confirmation</c>.</summary>
public sealed class ConfirmationOptions
{
    /// <summary>Runs the worker in this process (off in tests, which call <see cref="ConfirmationJob.RunOnceAsync"/>).</summary>
    public bool RunWorker { get; set; } = true;
    /// <summary>
    /// How often to look. The steps are dates, so the job acts once a day whatever this is; hourly means a restart or a
    /// failed pass delays a reminder by an hour, not a day.
    /// </summary>
    public int PollMinutes { get; set; } = 60;
    /// <summary>How long a node keeps the job before another may take it over (a pass must end within it).</summary>
    public int LeaseMinutes { get; set; } = 30;
}
