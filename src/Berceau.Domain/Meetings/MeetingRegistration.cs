namespace Berceau.Domain.Meetings;

public enum MeetingRegistrationStatus { Registered, Cancelled }

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
    public required string Email { get; init; }
    public int Attendees { get; private set; }
    public MeetingRegistrationStatus Status { get; private set; } = MeetingRegistrationStatus.Registered;
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? CancelledAt { get; private set; }
    /// <summary>SHA-256 of the secret of the cancellation link.</summary>
    public required string CancelSecretHash { get; set; }
    /// <summary>Marked by the organiser on the day; null until they do.</summary>
    public bool? Present { get; private set; }
    public int Version { get; private set; }

    public bool IsActive => Status == MeetingRegistrationStatus.Registered;

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
        _ => status.ToString(),
    };
}
