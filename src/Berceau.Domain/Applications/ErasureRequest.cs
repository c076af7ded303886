using Berceau.Domain.Common;

namespace Berceau.Domain.Applications;

public enum ErasureState { Pending, Erased, Refused }

/// <summary>
/// A family's request to erase the personal data of its application (RGPD art. 17, « droit à l'effacement »), and the
/// guichet's answer: erased, or refused with a reason the family reads (a place held, a decision under appeal…). Kept after
/// the erasure, without the family's data, as the record that the right was answered (one month at most, RGPD art. 12).
/// </summary>
public sealed class ErasureRequest
{
    public const int MaxReasonLength = 1000;

    public Guid Id { get; init; } = Guid.NewGuid();
    public ApplicationId ApplicationId { get; init; }
    /// <summary>The commune whose guichet answers (the agents of its territory see the request).</summary>
    public required string CommuneCode { get; init; }
    public DateTimeOffset RequestedAt { get; init; }
    public required string RequestedBy { get; init; }
    /// <summary>Why the family asks, if it says: optional, as the right needs no reason.</summary>
    public string? Reason { get; init; }
    public ErasureState State { get; private set; } = ErasureState.Pending;
    public DateTimeOffset? HandledAt { get; private set; }
    public string? HandledBy { get; private set; }
    /// <summary>The guichet's reason for a refusal (mandatory), shown to the family.</summary>
    public string? Response { get; private set; }

    /// <summary>The family asks; one open request per application (a second click, a second tab find the first).</summary>
    public static Outcome<ErasureRequest> Make(Application application, bool alreadyPending, string? reason, DateTimeOffset at, string by)
    {
        if (application.ErasedAt is not null) return Problem.Of("erasure-already-done", "");
        if (alreadyPending) return Problem.Of("erasure-already-requested", "");
        var why = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (why is { Length: > MaxReasonLength }) return Problem.Of("too-long", "Reason", MaxReasonLength);
        return new ErasureRequest
        {
            ApplicationId = application.Id, CommuneCode = application.CommuneCode, RequestedAt = at, RequestedBy = by, Reason = why,
        };
    }

    /// <summary>The guichet erased the application's data (<see cref="Application.Erase"/>): the request is answered.</summary>
    public Outcome<bool> MarkErased(DateTimeOffset at, string by)
    {
        if (State != ErasureState.Pending) return Problem.Of("erasure-already-handled", "");
        (State, HandledAt, HandledBy) = (ErasureState.Erased, at, by);
        return true;
    }

    /// <summary>The guichet keeps the data, and says why: a refusal without a reason is not an answer.</summary>
    public Outcome<bool> Refuse(string? reason, DateTimeOffset at, string by)
    {
        if (State != ErasureState.Pending) return Problem.Of("erasure-already-handled", "");
        var why = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (why is null) return Problem.Of("erasure-refusal-reason", "Refusal");
        if (why.Length > MaxReasonLength) return Problem.Of("too-long", "Refusal", MaxReasonLength);
        (State, HandledAt, HandledBy, Response) = (ErasureState.Refused, at, by, why);
        return true;
    }
}

public static class ErasureStates
{
    public static string Label(this ErasureState state) => state switch
    {
        ErasureState.Pending => "En attente",
        ErasureState.Erased => "Données effacées",
        ErasureState.Refused => "Refusée",
        _ => state.ToString(),
    };
}
