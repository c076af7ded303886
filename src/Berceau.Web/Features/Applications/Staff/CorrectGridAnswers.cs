using Berceau.Data;
using Berceau.Domain.Applications;
using Berceau.Domain.Common;
using Berceau.Web.Features.Applications.Family;
using Berceau.Web.Infrastructure;

namespace Berceau.Web.Features.Applications.Staff;

/// <summary>The correction form: the grid's answers as typed, the reason, and the version the agent read.</summary>
public sealed record GridCorrectionInput : IGridAnswersInput
{
    public int Version { get; set; }
    public string? QuotientFamilial { get; set; }
    public bool SocialSupport { get; set; }
    public List<string> SiblingFacilities { get; set; } = [];
    public List<string> PartnerEmployerFacilities { get; set; } = [];
    public string? Reason { get; set; }

    public static GridCorrectionInput From(Application a) => new()
    {
        Version = a.Version,
        QuotientFamilial = ApplicationForm.Amount(a.QuotientFamilial),
        SocialSupport = a.SocialSupport,
        SiblingFacilities = [.. a.SiblingFacilities.Select(f => f.ToString())],
        PartnerEmployerFacilities = [.. a.PartnerEmployerFacilities.Select(f => f.ToString())],
    };
}

/// <summary>
/// An agent corrects the grid's answers of a submitted application (docs/guichet.md): read as the family's form reads them,
/// checked by the domain as on submission, until the freeze date of the commune's next commission, with a reason the family
/// reads in its timeline. The audit line keeps the values before and after.
/// </summary>
public sealed class CorrectGridAnswers(BerceauDbContext db, CaseworkAccess access, ApplicationFormQueries form, ApplicationFileQueries file, NextCommissions commissions, AuditLog audit)
{
    public async Task<Outcome<bool>> RunAsync(Application application, GridCorrectionInput input, CancellationToken ct)
    {
        if (input.Version != application.Version) return Problem.Of("application-staff-concurrency", "");
        var reader = new Offer.Staff.InputReader();
        var before = GridAnswers.Of(application);
        var answers = ApplicationForm.GridAnswers(input, await form.GridQuestionsAsync(application.CommuneCode, ct), reader, before);
        var choices = await form.ChoicesAsync(application.CommuneCode, application.SectorId, ct);
        var next = await commissions.ForAsync(application.CommuneCode, ct);
        if (reader.Problems.Count > 0)
        {
            // The domain is not asked (it would change the application): the reason's own check is said along.
            if (string.IsNullOrWhiteSpace(input.Reason)) reader.Add("application-grid-reason", nameof(input.Reason));
            return Outcome<bool>.Failure(reader.Problems);
        }
        var corrected = application.CorrectGridAnswers(answers, choices, input.Reason, commissions.Today, next?.FreezeDate, access.Now, access.UserId);
        if (!corrected.IsSuccess) return Outcome<bool>.Failure(ApplicationForm.Merge([], corrected.Problems, draft: false));

        var names = await file.FacilityNamesAsync(before.SiblingFacilities.Concat(before.PartnerEmployerFacilities)
            .Concat(answers.SiblingFacilities).Concat(answers.PartnerEmployerFacilities), ct);
        audit.Record(ApplicationAudit.GridCorrected, ApplicationAudit.EntityType, application.Id.ToString(),
            $"{Describe(before, names)} → {Describe(answers, names)} ; motif : {input.Reason!.Trim()}");
        var saved = await ApplicationSave.SaveAsync(db, true, ct);
        return saved.IsSuccess ? saved : Problem.Of("application-staff-concurrency", "");
    }

    private static string Describe(GridAnswers a, IReadOnlyDictionary<Domain.Offer.FacilityId, string> names) =>
        $"quotient familial {GridAnswersDisplay.Quotient(a.QuotientFamilial)}, accompagnement {(a.SocialSupport ? "oui" : "non")}, "
        + $"frère ou sœur {GridAnswersDisplay.Structures(a.SiblingFacilities, names)}, employeur {GridAnswersDisplay.Structures(a.PartnerEmployerFacilities, names)}";
}
