using Berceau.Data;
using Berceau.Domain.Common;
using Berceau.Domain.Practices;
using Berceau.Web.Infrastructure;

namespace Berceau.Web.Features.Practices;

public record SubmitInput
{
    public string? Title { get; set; }
    public string? Theme { get; set; }
    public string? Place { get; set; }
    public string? Organisation { get; set; }
    public Dictionary<string, string?> Fields { get; set; } = [];
}

/// <summary>A fiche's new content, with the version the form was drawn from.</summary>
public sealed record EditInput : SubmitInput
{
    public int Version { get; set; }
}

public sealed record ModerateInput
{
    public int Version { get; set; }
    public string? Reason { get; set; }
}

/// <summary>Submit, edit, publish, refuse or withdraw a fiche: each through the domain's verbs, with its audit line in the same SaveChanges.</summary>
public sealed class PracticeActions(BerceauDbContext db, PracticeAccess access, AuditLog audit)
{
    public const int MaxOrganisationLength = 200;

    public async Task<Outcome<Guid>> SubmitAsync(PracticeFormat format, SubmitInput input, CancellationToken ct)
    {
        var problems = new List<Problem>();
        var organisation = Organisation(input, problems);
        var submitted = GoodPractice.Submit(Content(input, format), GoodPractice.SubmittedSource(organisation), await access.DepartementOfSubmitterAsync(ct), access.Now, access.UserId);
        problems.AddRange(submitted.Problems);
        if (problems.Count > 0) return Outcome<Guid>.Failure(problems);
        var practice = submitted.Value;
        db.GoodPractices.Add(practice);
        audit.Record(PracticeAudit.Submitted, PracticeAudit.EntityType, practice.Id.ToString(), $"{practice.Title} ({practice.Format.Label()}, {organisation})");
        await db.SaveChangesAsync(ct);
        return practice.Id;
    }

    /// <summary>
    /// A new version of the fiche (<see cref="GoodPractice.Edit"/>): by its submitter it goes back to moderation, by the secretariat
    /// (<paramref name="bySecretariat"/>) it keeps its state. An imported fiche keeps its source, so no organisation is asked.
    /// </summary>
    public async Task<Outcome<bool>> EditAsync(GoodPractice practice, EditInput input, bool bySecretariat, CancellationToken ct)
    {
        if (practice.Version != input.Version) return Problem.Of("concurrency", "");
        var problems = new List<Problem>();
        var organisation = practice.IsImported ? null : Organisation(input, problems);
        var was = practice.Status;
        var edited = practice.Edit(Content(input, practice.Format), organisation is null ? null : GoodPractice.SubmittedSource(organisation), bySecretariat);
        problems.AddRange(edited.Problems);
        if (problems.Count > 0)
        {
            db.ChangeTracker.Clear();
            return Outcome<bool>.Failure(problems);
        }
        var details = was == practice.Status ? practice.Title : $"{practice.Title} ({was.Label()} → {practice.Status.Label()})";
        audit.Record(bySecretariat ? PracticeAudit.Corrected : PracticeAudit.Edited, PracticeAudit.EntityType, practice.Id.ToString(), details);
        return await CaseSave.SaveAsync(db, "concurrency", ct);
    }

    private static PracticeContent Content(SubmitInput input, PracticeFormat format) =>
        new(input.Title, Enum.TryParse<PracticeTheme>(input.Theme, out var t) && Enum.IsDefined(t) ? t : null, format, input.Place, input.Fields);

    private static string Organisation(SubmitInput input, List<Problem> problems)
    {
        var organisation = input.Organisation?.Trim() ?? "";
        if (organisation.Length is < 2 or > MaxOrganisationLength) problems.Add(Problem.Of("practice-organisation", "Organisation", MaxOrganisationLength));
        return organisation;
    }

    public Task<Outcome<bool>> PublishAsync(GoodPractice practice, ModerateInput input, CancellationToken ct) =>
        ModerateAsync(practice, input, p => p.Publish(access.Now, access.UserId), PracticeAudit.Published, ct);

    public Task<Outcome<bool>> RejectAsync(GoodPractice practice, ModerateInput input, CancellationToken ct) =>
        ModerateAsync(practice, input, p => p.Reject(input.Reason, access.Now, access.UserId), PracticeAudit.Rejected, ct);

    public Task<Outcome<bool>> WithdrawAsync(GoodPractice practice, ModerateInput input, CancellationToken ct) =>
        ModerateAsync(practice, input, p => p.Withdraw(input.Reason, access.Now, access.UserId), PracticeAudit.Withdrawn, ct);

    private async Task<Outcome<bool>> ModerateAsync(GoodPractice practice, ModerateInput input, Func<GoodPractice, Outcome<bool>> act, string action, CancellationToken ct)
    {
        if (practice.Version != input.Version) return Problem.Of("concurrency", "");
        var done = act(practice);
        if (!done.IsSuccess)
        {
            db.ChangeTracker.Clear();
            return done;
        }
        audit.Record(action, PracticeAudit.EntityType, practice.Id.ToString(), practice.Reason);
        return await CaseSave.SaveAsync(db, "concurrency", ct);
    }
}
