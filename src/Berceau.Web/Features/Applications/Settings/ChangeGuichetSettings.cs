using Berceau.Data;
using Berceau.Domain.Applications;
using Berceau.Domain.Common;
using Berceau.Web.Features.Offer.Staff;
using Berceau.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Applications.Settings;

public sealed class GuichetSettingsInput
{
    public string? MaxWishes { get; set; }
    /// <summary>A <see cref="DeclinedOfferRule"/> by name; empty keeps the current rule.</summary>
    public string? AfterDeclinedOffer { get; set; }
}

/// <summary>
/// A commune admin changes the rules of the commune's guichet unique: how many ranked wishes a family may give, and what
/// becomes of an application whose family refuses an offer or lets it expire.
/// The territory is checked by the page; the change and its audit line are saved together.
/// </summary>
public sealed class ChangeGuichetSettings(BerceauDbContext db, AuditLog audit)
{
    public const string AuditEntity = "guichet-parametres";
    public const string AuditChanged = "guichet-parametres-modifies";

    /// <summary>The commune's settings, or the defaults when it never changed them.</summary>
    public async Task<GuichetSettings> FindAsync(string communeCode, CancellationToken ct) =>
        await db.GuichetSettings.AsNoTracking().FirstOrDefaultAsync(s => s.CommuneCode == communeCode, ct)
            ?? GuichetSettings.Default(communeCode);

    public async Task<Outcome<GuichetSettings>> ChangeAsync(string communeCode, GuichetSettingsInput input, CancellationToken ct)
    {
        var reader = new InputReader();
        var maxWishes = reader.Integer(input.MaxWishes, nameof(input.MaxWishes), GuichetSettings.MinWishesLimit, GuichetSettings.MaxWishesLimit, required: true);
        List<Problem> problems = [.. reader.Problems];
        DeclinedOfferRule? rule = null;
        if (!string.IsNullOrEmpty(input.AfterDeclinedOffer))
        {
            // By name only: a number would parse too, and mean nothing to the commune.
            if (!Enum.TryParse<DeclinedOfferRule>(input.AfterDeclinedOffer, out var parsed) || !Enum.IsDefined(parsed) || char.IsDigit(input.AfterDeclinedOffer[0]))
                problems.Add(Problem.Of("guichet-declined-offer-rule", nameof(input.AfterDeclinedOffer)));
            else rule = parsed;
        }
        if (maxWishes is null || problems.Count > 0) return Outcome<GuichetSettings>.Failure(problems);

        var settings = await db.GuichetSettings.FirstOrDefaultAsync(s => s.CommuneCode == communeCode, ct);
        var isNew = settings is null;
        settings ??= GuichetSettings.Default(communeCode);
        var (before, beforeRule) = (settings.MaxWishes, settings.AfterDeclinedOffer);
        var changed = settings.ChangeMaxWishes(maxWishes.Value);
        if (!changed.IsSuccess) return Outcome<GuichetSettings>.Failure(changed.Problems);
        var ruleChanged = rule is { } r && settings.ChangeAfterDeclinedOffer(r);
        if (!changed.Value && !ruleChanged) return settings;
        if (isNew) db.GuichetSettings.Add(settings);
        audit.Record(AuditChanged, AuditEntity, communeCode, $"vœux au plus : {before} → {settings.MaxWishes}"
            + (ruleChanged ? $" ; après un refus ou sans réponse : {beforeRule.Label()} → {settings.AfterDeclinedOffer.Label()}" : ""));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (isNew)
        {
            // Another admin created the commune's settings at the same instant: they reload and decide again.
            return Problem.Of("concurrency", "");
        }
        return settings;
    }
}
