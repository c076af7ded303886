using Berceau.Data;
using Berceau.Domain.Applications;
using Berceau.Domain.Common;
using Berceau.Web.Features.Applications.Family;
using Berceau.Web.Infrastructure;

namespace Berceau.Web.Features.Applications.Staff;

/// <summary>The correction form: the answer as sent (« oui » or « non »), the reason, and the version the agent read.</summary>
public sealed record SocialMinimumInput
{
    public const string Yes = "oui";
    public const string No = "non";

    public int Version { get; set; }
    public string? ReceivesSocialMinimum { get; set; }
    public string? Reason { get; set; }

    /// <summary>The answer; null for anything but « oui » or « non » (the domain says what is missing).</summary>
    public bool? Answer => ReceivesSocialMinimum switch { Yes => true, No => false, _ => null };

    public static SocialMinimumInput From(Application a) => new() { Version = a.Version, ReceivesSocialMinimum = a.ReceivesSocialMinimum ? Yes : No };
}

/// <summary>
/// An agent corrects « un membre du foyer touche un minimum social » of a submitted application (docs/guichet.md), on the
/// rule of the grid's answers (<see cref="CorrectGridAnswers"/>): while it waits for a place, until the freeze date of the
/// commune's next commission, with a reason the family reads in its timeline. The answer opens the reserved seats of the
/// commission (docs/commission.md, « Les places réservées »). The audit line keeps the answer before and after.
/// </summary>
public sealed class CorrectSocialMinimum(BerceauDbContext db, CaseworkAccess access, NextCommissions commissions, AuditLog audit)
{
    public async Task<Outcome<bool>> RunAsync(Application application, SocialMinimumInput input, CancellationToken ct)
    {
        if (input.Version != application.Version) return Problem.Of("application-staff-concurrency", "");
        var before = application.ReceivesSocialMinimum;
        var next = await commissions.ForAsync(application.CommuneCode, ct);
        var corrected = application.CorrectSocialMinimum(input.Answer, input.Reason, commissions.Today, next?.FreezeDate, access.Now, access.UserId);
        if (!corrected.IsSuccess) return corrected;
        audit.Record(ApplicationAudit.SocialMinimumCorrected, ApplicationAudit.EntityType, application.Id.ToString(),
            $"minimum social {(before ? "oui" : "non")} → {(application.ReceivesSocialMinimum ? "oui" : "non")} ; motif : {input.Reason!.Trim()}");
        var saved = await ApplicationSave.SaveAsync(db, true, ct);
        return saved.IsSuccess ? saved : Problem.Of("application-staff-concurrency", "");
    }
}
