namespace Berceau.Domain.Meetings;

/// <summary>Registered (seats held), on the waiting list of a full meeting (no seat held), or cancelled.</summary>
public enum MeetingRegistrationStatus { Registered, Cancelled, Waiting }

/// <summary>
/// A person registered to an <see cref="InfoMeeting"/>: with a family account (<see cref="UserId"/>) or with a name and an
/// e-mail only. One row per meeting and address: registering again after cancelling reuses it. Everyone gets a cancellation
/// link by e-mail, whose secret is kept only hashed.
/// </summary>
public sealed class MeetingRegistration
{
    public const int MaxNameLength = 100;
    public const int MaxAttendees = 6;

    public Guid Id { get; init; } = Guid.NewGuid();
    public required Guid MeetingId { get; init; }
    public string? UserId { get; private set; }
    public required string Name { get; set; }
    /// <summary>Lower-cased: the key of one registration per meeting and address.</summary>
    public required string Email { get; set; }
    public int Attendees { get; private set; }
    public MeetingRegistrationStatus Status { get; private set; } = MeetingRegistrationStatus.Registered;
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? CancelledAt { get; private set; }
    /// <summary>SHA-256 of the secret of the cancellation link.</summary>
    public required string CancelSecretHash { get; set; }
    /// <summary>Marked by the organiser on the day; null until they do.</summary>
    public bool? Present { get; private set; }
    /// <summary>Its place on the waiting list (1 for the first to join, then 2…): freed seats go in this order.</summary>
    public int? WaitingOrder { get; private set; }
    /// <summary>When the retention purge erased the name and the e-mail (the count of people and the presence stay, for statistics).</summary>
    public DateTimeOffset? PurgedAt { get; private set; }
    public int Version { get; private set; }

    /// <summary>Registered or waiting: the person still wants to come (one such row per meeting and address).</summary>
    public bool IsActive => Status is MeetingRegistrationStatus.Registered or MeetingRegistrationStatus.Waiting;

    public bool IsWaiting => Status == MeetingRegistrationStatus.Waiting;

    public static MeetingRegistration New(Guid meetingId, string? userId, string name, string email, int attendees, string secretHash, DateTimeOffset at)
    {
        var registration = new MeetingRegistration
        {
            MeetingId = meetingId, Name = name, Email = email, CreatedAt = at, CancelSecretHash = secretHash,
        };
        registration.UserId = userId;
        registration.Attendees = attendees;
        return registration;
    }

    /// <summary>The meeting is full: the person waits for a seat, holding none.</summary>
    public void Wait(int order)
    {
        Status = MeetingRegistrationStatus.Waiting;
        WaitingOrder = order;
        Version++;
    }

    /// <summary>A seat freed up and was taken for this waiting person (by the caller, in the same transaction): registered now.</summary>
    public bool Promote(string secretHash)
    {
        if (!IsWaiting) return false;
        Status = MeetingRegistrationStatus.Registered;
        CancelSecretHash = secretHash;
        Version++;
        return true;
    }

    /// <summary>Erases who it was; keeps how many came and whether they did.</summary>
    public void Purge(DateTimeOffset at)
    {
        if (PurgedAt is not null) return;
        Name = "";
        Email = $"effacee-{Id:N}";
        UserId = null;
        // Unique columns: each erased row keeps a value of its own, which says nothing about the person.
        CancelSecretHash = $"effacee-{Id:N}";
        PurgedAt = at;
        Version++;
    }

    /// <summary>Registering again after cancelling: the same row comes back with the new details.</summary>
    public bool Renew(string? userId, string name, int attendees, string secretHash)
    {
        if (IsActive) return false;
        Status = MeetingRegistrationStatus.Registered;
        UserId = userId ?? UserId;
        Name = name;
        Attendees = attendees;
        CancelSecretHash = secretHash;
        CancelledAt = null;
        Present = null;
        WaitingOrder = null;
        Version++;
        return true;
    }

    public bool Cancel(DateTimeOffset at)
    {
        if (!IsActive) return false;
        Status = MeetingRegistrationStatus.Cancelled;
        CancelledAt = at;
        Version++;
        return true;
    }

    public void MarkPresence(bool present)
    {
        if (Present == present) return;
        Present = present;
        Version++;
    }
}

public static class MeetingRegistrationStatuses
{
    public static string Label(this MeetingRegistrationStatus status) => status switch
    {
        MeetingRegistrationStatus.Registered => "Inscrit",
        MeetingRegistrationStatus.Cancelled => "Inscription annulée",
        MeetingRegistrationStatus.Waiting => "Sur liste d’attente",
        _ => status.ToString(),
    };
}
