using Berceau.Data;
using Berceau.Domain.Common;
using Berceau.Domain.Practices;
using Berceau.Web.Infrastructure;

namespace Berceau.Web.Features.Practices;

public sealed record SubmitInput
{
    public string? Title { get; set; }
    public string? Theme { get; set; }
    public string? Place { get; set; }
    public string? Organisation { get; set; }
    public Dictionary<string, string?> Fields { get; set; } = [];
}

public sealed record ModerateInput
{
    public int Version { get; set; }
    public string? Reason { get; set; }
}

/// <summary>Submit a fiche, publish, refuse or withdraw it: each through the domain's verbs, with its audit line in the same SaveChanges.</summary>
public sealed class PracticeActions(BerceauDbContext db, PracticeAccess access, AuditLog audit)
{
    public const int MaxOrganisationLength = 200;

    public async Task<Outcome<Guid>> SubmitAsync(PracticeFormat format, SubmitInput input, CancellationToken ct)
    {
        PracticeTheme? theme = Enum.TryParse<PracticeTheme>(input.Theme, out var t) && Enum.IsDefined(t) ? t : null;
        var organisation = input.Organisation?.Trim() ?? "";
        var problems = new List<Problem>();
        if (organisation.Length is < 2 or > MaxOrganisationLength) problems.Add(Problem.Of("practice-organisation", "Organisation", MaxOrganisationLength));
        var submitted = GoodPractice.Submit(new PracticeContent(input.Title, theme, format, input.Place, input.Fields),
            $"Proposée par {organisation}", await access.DepartementOfSubmitterAsync(ct), access.Now, access.UserId);
        problems.AddRange(submitted.Problems);
        if (problems.Count > 0) return Outcome<Guid>.Failure(problems);
        var practice = submitted.Value;
        db.GoodPractices.Add(practice);
        audit.Record(PracticeAudit.Submitted, PracticeAudit.EntityType, practice.Id.ToString(), $"{practice.Title} ({practice.Format.Label()}, {organisation})");
        await db.SaveChangesAsync(ct);
        return practice.Id;
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
