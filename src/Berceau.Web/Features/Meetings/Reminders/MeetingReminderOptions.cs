namespace Berceau.Web.Features.Meetings;

/// <summary>Configuration section <c>MeetingReminders</c>.</summary>
public sealed class MeetingReminderOptions
{
    public const string Section = "MeetingReminders";

    /// <summary>Runs the worker in this process (off in tests, which call <see cref="MeetingReminderJob.RunOnceAsync"/>).</summary>
    public bool RunWorker { get; set; } = true;
    /// <summary>How often to look. Reminders go the day before; an hourly pass sends them in the morning of that day.</summary>
    public int PollMinutes { get; set; } = 60;
    /// <summary>How long a node keeps the job before another may take it over.</summary>
    public int LeaseMinutes { get; set; } = 30;
    /// <summary>
    /// Months after a meeting's day when its registrations lose the name and the e-mail (RULES §7: kept no longer than needed);
    /// the number of people and the presence stay, for the statistics.
    /// </summary>
    public int RegistrationRetentionMonths { get; set; } = 12;
}
