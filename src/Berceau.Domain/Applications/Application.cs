using Berceau.Domain.Common;
using Berceau.Domain.Offer;

namespace Berceau.Domain.Applications;

public readonly record struct ApplicationId(Guid Value)
{
    public static ApplicationId New() => new(Guid.NewGuid());
    public override string ToString() => Value.ToString();
}

/// <summary>Where the family lives: the commune decides which crèches it may wish, the sector gives "any crèche of my sector".</summary>
public sealed record ApplicationAddress(string? Street, string? PostalCode, Guid? SectorId);

/// <summary>
/// One application (demande d'accueil) to the guichet unique of a commune, from the family's draft to the child's admission.
/// Every change goes through a verb here: the status only through <see cref="ApplicationStatusHistory"/>, so that an illegal
/// move cannot be written; the content only while the status allows it. <see cref="Version"/> detects concurrent edits.
/// </summary>
public sealed class Application
{
    public ApplicationId Id { get; init; } = ApplicationId.New();
    /// <summary>What families and agents quote on the phone, e.g. DEM-93048-2026-000123 (see <see cref="ApplicationReference"/>).</summary>
    public required string Reference { get; set; }
    /// <summary>The family account that owns it; null when an agent created it at the counter and the family has no access yet.</summary>
    // A backing field so that creation can set it in an initializer and only AttachFamily can change it afterwards.
    private string? _familyUserId;
    public string? FamilyUserId { get => _familyUserId; init => _familyUserId = value; }
    /// <summary>Who created it: the family itself, or the agent at the counter (the family's timeline says « Le guichet »).</summary>
    public string? CreatedBy { get; init; }
    public required string CommuneCode { get; init; }
    public string? Street { get; private set; }
    public string? PostalCode { get; private set; }
    public Guid? SectorId { get; private set; }

    public string? ChildFirstName { get; private set; }
    public string? ChildLastName { get; private set; }
    public DateOnly? ChildBirthDate { get; private set; }
    public DateOnly? ChildExpectedBirthDate { get; private set; }
    public List<Guardian> Guardians { get; init; } = [];
    public int ChildrenInHousehold { get; private set; } = 1;
    public bool DisabledMemberInHousehold { get; private set; }
    /// <summary>
    /// A member of the household receives a minimum social benefit (RSA, AAH, ASS…): the family may take a place of the poverty
    /// reserve at a commission (D214-7 CASF, one place per 20; RULES §5).
    /// </summary>
    public bool ReceivesSocialMinimum { get; private set; }
    /// <summary>Resources of year N-2, as on the tax notice (the PSU fee and the grid use them).</summary>
    public decimal? AnnualResources { get; private set; }
    public string? CafNumber { get; private set; }
    /// <summary>Quotient familial of the CAF, euros a month, as on the family's attestation (the grid's bands read it).</summary>
    public decimal? QuotientFamilial { get; private set; }
    /// <summary>The family is followed by the PMI or a social service that supports the application.</summary>
    public bool SocialSupport { get; private set; }
    /// <summary>Crèches of the commune where a brother or sister of the child is already accommodated.</summary>
    public List<FacilityId> SiblingFacilities { get; private set; } = [];
    /// <summary>Crèches whose partner employer employs a parent (places reserved by that employer).</summary>
    public List<FacilityId> PartnerEmployerFacilities { get; private set; } = [];
    public DateOnly? DesiredStart { get; private set; }
    public WeekDays Days { get; private set; }
    public TimeOnly? From { get; private set; }
    public TimeOnly? To { get; private set; }
    public List<Wish> Wishes { get; init; } = [];

    public ApplicationStatus Status { get; private set; } = ApplicationStatus.Draft;
    public List<StatusChange> StatusChanges { get; init; } = [];
    /// <summary>What happened besides status changes (confirmations, wishes changed, proofs added), for the family's timeline.</summary>
    public List<ApplicationEvent> Events { get; init; } = [];

    public DateTimeOffset CreatedAt { get; init; }
    /// <summary>
    /// The key of the form (or API call) that created it: the same form posted twice (double click, retry after a lost
    /// answer) finds this application instead of creating a second one.
    /// </summary>
    public Guid? CreationKey { get; init; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    /// <summary>When the family accepted the information notice (GDPR); an application is not submitted without it.</summary>
    public DateTimeOffset? ConsentAt { get; private set; }
    public DateOnly? LastConfirmedOn { get; private set; }
    /// <summary>When the worker sent the lapse warning (<see cref="ConfirmationSchedule.StepOn"/> counts the lapse from it).</summary>
    public DateOnly? WarnedOn { get; set; }
    /// <summary>Optimistic concurrency: incremented at every change so concurrent edits are detected.</summary>
    public int Version { get; set; }
    /// <summary>When the guichet erased the family's personal data at its request (<see cref="Erase"/>); nothing changes after.</summary>
    public DateTimeOffset? ErasedAt { get; private set; }

    /// <summary>The family may change its wishes until the application goes to a commission.</summary>
    public bool WishesEditable => Status is ApplicationStatus.Draft or ApplicationStatus.Submitted or ApplicationStatus.Incomplete
        or ApplicationStatus.Complete or ApplicationStatus.Waitlisted;

    /// <summary>Waiting for a place: these applications are confirmed every three months.</summary>
    public bool AwaitsPlace => Status is ApplicationStatus.Submitted or ApplicationStatus.Incomplete
        or ApplicationStatus.Complete or ApplicationStatus.Waitlisted;

    public bool CanWithdraw => ApplicationStatuses.CanMove(Status, ApplicationStatus.Cancelled);

    public DateOnly? ConfirmationDueOn => AwaitsPlace && LastConfirmedOn is { } last ? ConfirmationSchedule.DueOn(last) : null;

    public ConfirmationStep? ConfirmationStepOn(DateOnly today) =>
        AwaitsPlace && LastConfirmedOn is { } last ? ConfirmationSchedule.StepOn(today, last, WarnedOn) : null;

    /// <summary>The form as the family filled it, for <see cref="ApplicationRules.Check"/>.</summary>
    public ApplicationRequest ToRequest() => new()
    {
        Child = new ChildInput(ChildFirstName, ChildLastName, ChildBirthDate, ChildExpectedBirthDate),
        Guardians = [.. Guardians.OrderBy(g => g.Rank).Select(g => new GuardianInput(g.FirstName, g.LastName, g.Situation))],
        ChildrenInHousehold = ChildrenInHousehold,
        DisabledMemberInHousehold = DisabledMemberInHousehold,
        ReceivesSocialMinimum = ReceivesSocialMinimum,
        AnnualResources = AnnualResources,
        CafNumber = CafNumber,
        QuotientFamilial = QuotientFamilial,
        SocialSupport = SocialSupport,
        SiblingFacilities = SiblingFacilities,
        PartnerEmployerFacilities = PartnerEmployerFacilities,
        DesiredStart = DesiredStart,
        Days = Days,
        From = From,
        To = To,
        Wishes = [.. RankedWishes.Select(w => new WishInput(w.FacilityId))],
    };

    public IEnumerable<Wish> RankedWishes => Wishes.OrderBy(w => w.Rank);

    /// <summary>Writes the whole form; only a draft can be rewritten (after submission, only the wishes change).</summary>
    public Outcome<bool> Fill(ApplicationRequest request, ApplicationAddress address, bool consent, DateTimeOffset at)
    {
        if (Status != ApplicationStatus.Draft) return Problem.Of("application-not-draft", "", Status.Label());
        Street = Clean(address.Street);
        PostalCode = Clean(address.PostalCode);
        SectorId = address.SectorId;
        ChildFirstName = Clean(request.Child.FirstName);
        ChildLastName = Clean(request.Child.LastName);
        ChildBirthDate = request.Child.BirthDate;
        ChildExpectedBirthDate = request.Child.ExpectedBirthDate;
        Guardians.Clear();
        Guardians.AddRange(request.Guardians.Select((g, i) => new Guardian
        {
            Rank = i + 1, FirstName = Clean(g.FirstName), LastName = Clean(g.LastName), Situation = g.Situation,
        }));
        ChildrenInHousehold = request.ChildrenInHousehold;
        DisabledMemberInHousehold = request.DisabledMemberInHousehold;
        ReceivesSocialMinimum = request.ReceivesSocialMinimum;
        AnnualResources = request.AnnualResources;
        CafNumber = Clean(request.CafNumber);
        QuotientFamilial = request.QuotientFamilial;
        SocialSupport = request.SocialSupport;
        SiblingFacilities = [.. request.SiblingFacilities.Distinct()];
        PartnerEmployerFacilities = [.. request.PartnerEmployerFacilities.Distinct()];
        DesiredStart = request.DesiredStart;
        Days = request.Days;
        From = request.From;
        To = request.To;
        SetWishes(request.Wishes);
        ConsentAt = consent ? ConsentAt ?? at : null;
        Version++;
        return true;
    }

    /// <summary>Submits the draft (déposée) when every check passes; otherwise nothing changes and every problem is returned.</summary>
    public Outcome<StatusChange> Submit(WishChoices choices, DateOnly today, DateTimeOffset at, string by)
    {
        var problems = ApplicationRules.Check(ToRequest(), choices, today).ToList();
        if (ConsentAt is null) problems.Add(Problem.Of("application-consent-missing", "Consent"));
        if (problems.Count > 0) return Outcome<StatusChange>.Failure(problems);
        var moved = Move(ApplicationStatus.Submitted, at, by);
        if (!moved.IsSuccess) return moved;
        SubmittedAt = at;
        LastConfirmedOn = today;
        return moved;
    }

    /// <summary>
    /// The family re-ranks its wishes, until the application goes to a commission and not after the freeze date of the
    /// commune's next commission (<paramref name="commissionFreeze"/>, null when none is called): the commission examines
    /// the applications as they stood that day, even if the agents freeze them a few days later.
    /// </summary>
    public Outcome<bool> ChangeWishes(IReadOnlyList<WishInput> wishes, WishChoices choices, DateOnly today, DateOnly? commissionFreeze,
        DateTimeOffset at, string by)
    {
        if (!WishesEditable) return Problem.Of("application-wishes-frozen", "", Status.Label());
        if (today > commissionFreeze) return Problem.Of("application-wishes-after-freeze", "", commissionFreeze);
        var problems = ApplicationRules.CheckWishes(wishes, choices);
        if (problems.Count > 0) return Outcome<bool>.Failure(problems);
        SetWishes(wishes);
        Events.Add(new ApplicationEvent { At = at, By = by, Kind = ApplicationEventKind.WishesChanged });
        Version++;
        return true;
    }

    /// <summary>
    /// What the guichet may still correct in the grid's answers of a submitted application: while it waits for a place, not
    /// erased, and until the freeze date of the commune's next commission (the same deadline as the family's wishes).
    /// </summary>
    public bool GridAnswersCorrectable => AwaitsPlace && ErasedAt is null;

    /// <summary>
    /// The guichet corrects the answers the points grid reads (quotient familial, PMI or social support, crèches of a sibling
    /// and of a partner employer), for instance after reading the CAF attestation. Checked as on the form; the reason is
    /// mandatory and the family reads it in its timeline with what changed. Nothing changes when nothing differs.
    /// </summary>
    public Outcome<bool> CorrectGridAnswers(GridAnswers answers, WishChoices choices, string? reason, DateOnly today,
        DateOnly? commissionFreeze, DateTimeOffset at, string by)
    {
        if (!GridAnswersCorrectable) return Problem.Of("application-grid-locked", "", Status.Label());
        if (today > commissionFreeze) return Problem.Of("application-grid-after-freeze", "", commissionFreeze);
        var problems = ApplicationRules.CheckGridAnswers(answers, choices).ToList();
        var why = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (why is null) problems.Add(Problem.Of("application-grid-reason", "Reason"));
        else if (why.Length > GridAnswers.MaxReasonLength) problems.Add(Problem.Of("too-long", "Reason", GridAnswers.MaxReasonLength));
        if (problems.Count > 0) return Outcome<bool>.Failure(problems);
        var changed = GridAnswers.Of(this).Changes(answers);
        if (changed.Count == 0) return Problem.Of("application-grid-unchanged", "");
        QuotientFamilial = answers.QuotientFamilial;
        SocialSupport = answers.SocialSupport;
        SiblingFacilities = [.. answers.SiblingFacilities.Distinct()];
        PartnerEmployerFacilities = [.. answers.PartnerEmployerFacilities.Distinct()];
        Events.Add(new ApplicationEvent
        {
            At = at, By = by, Kind = ApplicationEventKind.GridCorrected,
            Detail = Shorten(string.Join(", ", changed) + " – " + why, ApplicationEvent.MaxDetailLength),
        });
        Version++;
        return true;
    }

    /// <summary>
    /// The guichet corrects « un membre du foyer touche un minimum social » (for instance when the CAF attestation says
    /// otherwise): the answer opens the reserved seats of the commission (RULES §5, D214-7), so it is corrected on the grid's
    /// rule: while the application waits for a place, until the freeze date of the commune's next commission, with a reason the
    /// family reads in its timeline. Nothing changes when the answer is the same.
    /// </summary>
    public Outcome<bool> CorrectSocialMinimum(bool? receives, string? reason, DateOnly today, DateOnly? commissionFreeze, DateTimeOffset at, string by)
    {
        if (!GridAnswersCorrectable) return Problem.Of("application-minimum-locked", "", Status.Label());
        if (today > commissionFreeze) return Problem.Of("application-minimum-after-freeze", "", commissionFreeze);
        var problems = new List<Problem>();
        if (receives is null) problems.Add(Problem.Of("application-minimum-choice", "ReceivesSocialMinimum"));
        var why = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (why is null) problems.Add(Problem.Of("application-minimum-reason", "Reason"));
        else if (why.Length > GridAnswers.MaxReasonLength) problems.Add(Problem.Of("too-long", "Reason", GridAnswers.MaxReasonLength));
        if (problems.Count > 0) return Outcome<bool>.Failure(problems);
        if (receives == ReceivesSocialMinimum) return Problem.Of("application-minimum-unchanged", "ReceivesSocialMinimum");
        ReceivesSocialMinimum = receives!.Value;
        Events.Add(new ApplicationEvent
        {
            At = at, By = by, Kind = ApplicationEventKind.MinimumCorrected,
            Detail = Shorten((ReceivesSocialMinimum ? "oui" : "non") + " – " + why, ApplicationEvent.MaxDetailLength),
        });
        Version++;
        return true;
    }

    /// <summary>The family says it still needs a place: the three-month clock starts again from today.</summary>
    public Outcome<bool> Confirm(DateOnly today, DateTimeOffset at, string by)
    {
        if (ConfirmationStepOn(today) is null or ConfirmationStep.UpToDate)
            return Problem.Of("application-confirm-not-due", "", ConfirmationDueOn ?? today);
        LastConfirmedOn = today;
        WarnedOn = null;
        Events.Add(new ApplicationEvent { At = at, By = by, Kind = ApplicationEventKind.Confirmed });
        Version++;
        return true;
    }

    /// <summary>True when the family has not answered two weeks after the due date and was not warned yet for this due date.</summary>
    public bool NeedsWarningOn(DateOnly today) =>
        ConfirmationStepOn(today) == ConfirmationStep.Warned && !(WarnedOn >= ConfirmationDueOn);

    /// <summary>
    /// The family was warned that its application will lapse: the lapse counts from today (<see cref="ConfirmationSchedule"/>
    /// never lapses an application less than <see cref="ConfirmationSchedule.NoticeDays"/> days after the warning).
    /// </summary>
    public Outcome<bool> Warn(DateOnly today, DateTimeOffset at, string by)
    {
        if (!NeedsWarningOn(today)) return Problem.Of("application-warning-not-due", "");
        WarnedOn = today;
        Events.Add(new ApplicationEvent { At = at, By = by, Kind = ApplicationEventKind.Warned });
        Version++;
        return true;
    }

    /// <summary>The family withdraws its application (annulée); the reason is optional for the family, so a default one is written.</summary>
    public Outcome<StatusChange> Withdraw(DateTimeOffset at, string by, string? reason) =>
        Move(ApplicationStatus.Cancelled, at, by, string.IsNullOrWhiteSpace(reason) ? WithdrawnWithoutReason : reason);

    public const string WithdrawnWithoutReason = "Retirée par la famille, sans motif indiqué.";

    public Outcome<bool> AddProof(ProofKind kind, DateTimeOffset at, string by)
    {
        if (ErasedAt is not null) return Problem.Of("erasure-already-done", "");
        if (ApplicationStatuses.IsFinal(Status)) return Problem.Of("application-final-no-proof", "", Status.Label());
        Events.Add(new ApplicationEvent { At = at, By = by, Kind = ApplicationEventKind.ProofAdded, Detail = kind.Label() });
        Version++;
        return true;
    }

    /// <summary>
    /// Gives a counter application to the family account that proved it holds the code the guichet handed over. Once
    /// attached, an application never changes hands: another family with a stale code gets nothing.
    /// </summary>
    public Outcome<bool> AttachFamily(string familyUserId, DateTimeOffset at)
    {
        if (FamilyUserId is not null) return Problem.Of("attach-code-used", "Code");
        _familyUserId = familyUserId;
        Events.Add(new ApplicationEvent { At = at, By = familyUserId, Kind = ApplicationEventKind.FamilyAttached });
        Version++;
        return true;
    }

    /// <summary>
    /// The guichet's verdict on a proof: validated, or rejected with a reason the family reads (the proof is then asked
    /// again). Goes through the application so that two agents reviewing at once are detected by <see cref="Version"/>.
    /// </summary>
    public Outcome<bool> ReviewProof(ApplicationDocument document, bool valid, string? reason, DateTimeOffset at, string by)
    {
        if (document.ApplicationId != Id) throw new ArgumentException("The proof belongs to another application.", nameof(document));
        if (ApplicationStatuses.IsFinal(Status)) return Problem.Of("application-final-no-proof", "", Status.Label());
        var why = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (!valid && why is null) return Problem.Of("proof-reject-reason", "Reason");
        document.SetReview(valid ? ProofReview.Validated : ProofReview.Rejected, valid ? null : why, at, by);
        Events.Add(new ApplicationEvent
        {
            At = at, By = by, Kind = valid ? ApplicationEventKind.ProofValidated : ApplicationEventKind.ProofRejected,
            Detail = Shorten(document.Kind.Label() + (valid ? "" : " – " + why), ApplicationEvent.MaxDetailLength),
        });
        Version++;
        return true;
    }

    /// <summary>The one way the status changes: the history checks the move, then the application records it.</summary>
    public Outcome<StatusChange> Move(ApplicationStatus to, DateTimeOffset at, string by, string? reason = null)
    {
        var moved = NextMove(ErasedAt, StatusChanges, to, at, by, reason);
        if (!moved.IsSuccess) return moved;
        StatusChanges.Add(moved.Value);
        Status = to;
        Version++;
        return moved;
    }

    /// <summary>
    /// The change <see cref="Move"/> records, or why it is refused: the whole history is replayed, so a history that does not
    /// chain is refused too. A caller that reads an application in part checks the same rule from its status and last change
    /// (<see cref="Commission.ExaminedApplication.MoveToCommittee"/>).
    /// </summary>
    private static Outcome<StatusChange> NextMove(DateTimeOffset? erasedAt, IEnumerable<StatusChange> changes, ApplicationStatus to,
        DateTimeOffset at, string by, string? reason = null)
    {
        if (erasedAt is not null) return Problem.Of("erasure-already-done", "");
        var history = ApplicationStatusHistory.Replay(ApplicationStatusHistory.InTimeOrder(changes));
        if (!history.IsSuccess) return Outcome<StatusChange>.Failure(history.Problems);
        return history.Value.Move(to, at, by, reason);
    }

    public const string ErasedReason = "Données effacées à la demande de la famille.";

    /// <summary>
    /// Erases the family's personal data (RGPD art. 17) and keeps what is not personal: the commune, the sector, the wished
    /// crèches, the need (days, hours, month of entry), the parents' situations and the dated history with its authors, so
    /// that statistics and the audit stay true. A waiting application is cancelled first. Refused while a place is in
    /// play (in committee, offered, accepted, admitted): the child's record must then be kept (RULES §7). The proofs,
    /// notes and contacts are rows of their own, deleted by the caller in the same transaction.
    /// </summary>
    public Outcome<bool> Erase(DateTimeOffset at, string by)
    {
        if (ErasedAt is not null) return Problem.Of("erasure-already-done", "");
        if (Status is ApplicationStatus.InCommittee or ApplicationStatus.Offered or ApplicationStatus.Accepted or ApplicationStatus.Admitted)
            return Problem.Of("erasure-place-held", "", Status.Label());
        if (ApplicationStatuses.CanMove(Status, ApplicationStatus.Cancelled))
        {
            var moved = Move(ApplicationStatus.Cancelled, at, by, ErasedReason);
            if (!moved.IsSuccess) return Outcome<bool>.Failure(moved.Problems);
        }
        (Street, PostalCode) = (null, null);
        (ChildFirstName, ChildLastName, ChildBirthDate, ChildExpectedBirthDate) = (null, null, null, null);
        var situations = Guardians.OrderBy(g => g.Rank).Select(g => new Guardian { Rank = g.Rank, Situation = g.Situation }).ToList();
        Guardians.Clear();
        Guardians.AddRange(situations);
        (DisabledMemberInHousehold, ReceivesSocialMinimum, AnnualResources, CafNumber) = (false, false, null, null);
        // What the grid asked is personal too (income, social follow-up, siblings, employers): gone with the rest.
        (QuotientFamilial, SocialSupport, SiblingFacilities, PartnerEmployerFacilities) = (null, false, [], []);
        if (DesiredStart is { } start) DesiredStart = new DateOnly(start.Year, start.Month, 1);
        // Reasons and details are free text that may name people: the line stays (date, statuses, author), the words go.
        var changes = StatusChanges.Select(c => c.Reason is null || c.Reason == ErasedReason ? c : c with { Reason = "Motif effacé." }).ToList();
        StatusChanges.Clear();
        StatusChanges.AddRange(changes);
        var events = Events.Select(e => new ApplicationEvent { At = e.At, By = e.By, Kind = e.Kind }).ToList();
        Events.Clear();
        Events.AddRange(events);
        ErasedAt = at;
        Version++;
        return true;
    }

    private void SetWishes(IReadOnlyList<WishInput> wishes)
    {
        Wishes.Clear();
        Wishes.AddRange(wishes.Select((w, i) => new Wish { Rank = i + 1, FacilityId = w.FacilityId }));
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>A legal guardian (représentant légal) as written on the application, with the situation the grid asks.</summary>
public sealed class Guardian
{
    public int Rank { get; init; }
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public GuardianSituation? Situation { get; init; }
}

/// <summary>A ranked wish (vœu): a crèche, or any crèche of the family's sector when <see cref="FacilityId"/> is null.</summary>
public sealed class Wish
{
    public int Rank { get; init; }
    public FacilityId? FacilityId { get; init; }
}

/// <remarks>Stored by name in 16 characters at most.</remarks>
/// <remarks>Stored as text of 16 characters at most (<c>MinimumCorrected</c> is 16).</remarks>
public enum ApplicationEventKind { Confirmed, WishesChanged, ProofAdded, Warned, ProofValidated, ProofRejected, FamilyAttached, GridCorrected, MinimumCorrected }

/// <summary>Something that happened to an application besides a status change.</summary>
public sealed class ApplicationEvent
{
    public const int MaxDetailLength = 200;
    public DateTimeOffset At { get; init; }
    public required string By { get; init; }
    public ApplicationEventKind Kind { get; init; }
    public string? Detail { get; init; }

    public string Label => Kind switch
    {
        ApplicationEventKind.Confirmed => "Demande confirmée",
        ApplicationEventKind.WishesChanged => "Vœux modifiés",
        ApplicationEventKind.Warned => "Avertissement : la demande deviendra caduque sans confirmation",
        ApplicationEventKind.ProofAdded => "Pièce justificative ajoutée" + (Detail is null ? "" : " : " + Detail),
        ApplicationEventKind.ProofValidated => "Pièce justificative acceptée" + (Detail is null ? "" : " : " + Detail),
        ApplicationEventKind.ProofRejected => "Pièce justificative refusée" + (Detail is null ? "" : " : " + Detail),
        ApplicationEventKind.FamilyAttached => "Demande rattachée à votre compte",
        ApplicationEventKind.GridCorrected => "Réponses à la grille de points corrigées par le guichet" + (Detail is null ? "" : " : " + Detail),
        ApplicationEventKind.MinimumCorrected => "Minimum social dans le foyer corrigé par le guichet" + (Detail is null ? "" : " : " + Detail),
        _ => Kind.ToString(),
    };
}
