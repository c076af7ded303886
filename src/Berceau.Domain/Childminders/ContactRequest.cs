using Berceau.Domain.Offer;

namespace Berceau.Domain.Childminders;

public enum ContactRequestStatus { Pending, Accepted, Declined, Withdrawn }

/// <summary>
/// A family's request to an assistant·e maternel·le (or a MAM), sent through the platform: neither side's contact details
/// are disclosed until the childminder accepts, and then only those the childminder chose to share.
/// </summary>
public sealed class ContactRequest
{
    public const int MaxMessageLength = 1000;

    public Guid Id { get; init; } = Guid.NewGuid();
    public required FacilityId FacilityId { get; init; }
    /// <summary>The facility's commune when the request was sent: the relais of that commune follows it.</summary>
    public required string CommuneCode { get; init; }
    public required string FamilyUserId { get; init; }
    public required int ChildAgeMonths { get; init; }
    public required WeekDays Days { get; init; }
    public required DateOnly StartOn { get; init; }
    public required string Message { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public ContactRequestStatus Status { get; private set; } = ContactRequestStatus.Pending;
    public DateTimeOffset? AnsweredAt { get; private set; }
    public string? AnsweredBy { get; private set; }
    public string? AnswerMessage { get; private set; }
    /// <summary>The contact details the childminder chose to give this family, as they were when they accepted.</summary>
    public string? SharedPhone { get; private set; }
    public string? SharedEmail { get; private set; }
    public string? SharedAddress { get; private set; }
    public DateTimeOffset? WithdrawnAt { get; private set; }
    public int Version { get; private set; }

    public bool Accept(string? phone, string? email, string? address, string? message, string by, DateTimeOffset at)
    {
        if (Status != ContactRequestStatus.Pending) return false;
        Status = ContactRequestStatus.Accepted;
        SharedPhone = phone;
        SharedEmail = email;
        SharedAddress = address;
        return Answered(message, by, at);
    }

    public bool Decline(string? message, string by, DateTimeOffset at)
    {
        if (Status != ContactRequestStatus.Pending) return false;
        Status = ContactRequestStatus.Declined;
        return Answered(message, by, at);
    }

    /// <summary>The family takes its request back before any answer (found another solution, wrote by mistake).</summary>
    public bool Withdraw(DateTimeOffset at)
    {
        if (Status != ContactRequestStatus.Pending) return false;
        Status = ContactRequestStatus.Withdrawn;
        WithdrawnAt = at;
        Version++;
        return true;
    }

    private bool Answered(string? message, string by, DateTimeOffset at)
    {
        AnswerMessage = message;
        AnsweredBy = by;
        AnsweredAt = at;
        Version++;
        return true;
    }
}

public static class ContactRequestStatuses
{
    public static string Label(this ContactRequestStatus status) => status switch
    {
        ContactRequestStatus.Pending => "En attente de réponse",
        ContactRequestStatus.Accepted => "Acceptée",
        ContactRequestStatus.Declined => "Déclinée",
        ContactRequestStatus.Withdrawn => "Retirée par la famille",
        _ => status.ToString(),
    };

    public static string Label(this RegistrationStatus status) => status switch
    {
        RegistrationStatus.Pending => "À vérifier",
        RegistrationStatus.Accepted => "Acceptée",
        RegistrationStatus.Refused => "Refusée",
        _ => status.ToString(),
    };
}
