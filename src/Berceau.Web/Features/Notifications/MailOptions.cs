namespace Berceau.Web.Features.Notifications;

/// <summary>
/// Configuration section <c>Mail</c>. With <c>Mail:Smtp:Host</c> set, e-mails go to that SMTP server; without it they are
/// written as .eml files to <c>Mail:PickupDirectory</c> (default App_Data/mail), which is what development and tests use
/// and what a server with a local mail relay watching a folder can use too.
/// </summary>
public sealed class MailOptions
{
    public SmtpOptions Smtp { get; set; } = new();

    public string? PickupDirectory { get; set; }

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(Smtp.Host);
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public string? User { get; set; }
    public string? Password { get; set; }
    /// <summary>Sender of every e-mail, e.g. « Berceau 93 &lt;ne-pas-repondre@seinesaintdenis.fr&gt; ». Used by the pickup folder too.</summary>
    public string From { get; set; } = "Berceau <ne-pas-repondre@berceau.localhost>";
    /// <summary>STARTTLS; turn off only for a relay on the same machine or a development mail catcher.</summary>
    public bool EnableSsl { get; set; } = true;
    public int TimeoutSeconds { get; set; } = 30;
}

/// <summary>Configuration section <c>Outbox</c>: how the worker sends what is queued.</summary>
public sealed class OutboxOptions
{
    /// <summary>Run the sending worker in this process. Off on nodes that should only serve pages, and in tests (they dispatch themselves).</summary>
    public bool RunWorker { get; set; } = true;
    public int PollSeconds { get; set; } = 10;
    public int BatchSize { get; set; } = 20;
    /// <summary>After this many failed attempts the message is marked failed and shown to admins (/admin/envois).</summary>
    public int MaxAttempts { get; set; } = 8;
    public int MaxDelayMinutes { get; set; } = 360;
    /// <summary>How long a claimed message is reserved for its worker: longer than any send, short enough to recover from a crash.</summary>
    public int LeaseMinutes { get; set; } = 5;
}
