using Berceau.Data;
using Berceau.Domain.Applications;
using Berceau.Domain.Common;
using Berceau.Web.Features.Offer.Staff;
using Berceau.Web.Infrastructure;

namespace Berceau.Web.Features.Applications.Family;

/// <summary>
/// What a family does to its application after submitting it: change its wishes, confirm it, withdraw it. Each goes
/// through the domain's verb (which refuses what the status does not allow), then the audit line, then one save that
/// refuses a version changed meanwhile.
/// </summary>
public sealed class ChangeApplication(BerceauDbContext db, FamilyApplicationQueries queries, ApplicationFormQueries form, AuditLog audit, ApplicationEvents events,
    NextCommissions commissions)
{
    public const int MaxReasonLength = 1000;

    public async Task<Outcome<bool>> ChangeWishesAsync(Application application, WishesInput input, CancellationToken ct)
    {
        if (input.Version != application.Version) return Problem.Of("application-concurrency", "");
        var reader = new InputReader();
        var wishes = ApplicationForm.Wishes(input.Wishes, reader);
        var choices = await form.ChoicesAsync(application.CommuneCode, application.SectorId, ct);
        var next = await commissions.ForAsync(application.CommuneCode, ct);
        var changed = application.ChangeWishes(wishes, choices, commissions.Today, next?.FreezeDate, queries.Now, queries.UserId);
        if (!changed.IsSuccess)
            return Outcome<bool>.Failure(ApplicationForm.Merge(reader.Problems, changed.Problems, draft: false));
        audit.Record(ApplicationAudit.WishesChanged, ApplicationAudit.EntityType, application.Id.ToString(), $"{wishes.Count} vœu(x)");
        return await ApplicationSave.SaveAsync(db, true, ct);
    }

    public async Task<Outcome<bool>> ConfirmAsync(Application application, int version, CancellationToken ct)
    {
        if (version != application.Version) return Problem.Of("application-concurrency", "");
        var confirmed = application.Confirm(queries.Today, queries.Now, queries.UserId);
        if (!confirmed.IsSuccess) return confirmed;
        audit.Record(ApplicationAudit.Confirmed, ApplicationAudit.EntityType, application.Id.ToString());
        return await ApplicationSave.SaveAsync(db, true, ct);
    }

    public async Task<Outcome<bool>> WithdrawAsync(Application application, int version, string? reason, CancellationToken ct)
    {
        if (version != application.Version) return Problem.Of("application-concurrency", "");
        var why = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (why is { Length: > MaxReasonLength }) return Problem.Of("too-long", "Reason", MaxReasonLength);
        var withdrawn = application.Withdraw(queries.Now, queries.UserId, why);
        if (!withdrawn.IsSuccess) return Outcome<bool>.Failure(withdrawn.Problems);
        audit.Record(ApplicationAudit.StatusChanged, ApplicationAudit.EntityType, application.Id.ToString(), ApplicationAudit.Describe(withdrawn.Value));
        await events.ChangedAsync(application, withdrawn.Value, ct);
        return await ApplicationSave.SaveAsync(db, true, ct);
    }
}
