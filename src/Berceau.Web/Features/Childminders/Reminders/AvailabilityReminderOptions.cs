namespace Berceau.Web.Features.Childminders;

/// <summary>Configuration section <c>ChildminderReminders</c>.</summary>
public sealed class AvailabilityReminderOptions
{
    public const string Section = "ChildminderReminders";

    /// <summary>Runs the worker in this process (off in tests, which call <see cref="AvailabilityReminderJob.RunOnceAsync"/>).</summary>
    public bool RunWorker { get; set; } = true;
    /// <summary>How often to look. A declaration turns stale at an instant; a few hours' delay in reminding is harmless.</summary>
    public int PollMinutes { get; set; } = 360;
    /// <summary>How long a node keeps the job before another may take it over.</summary>
    public int LeaseMinutes { get; set; } = 30;
}
