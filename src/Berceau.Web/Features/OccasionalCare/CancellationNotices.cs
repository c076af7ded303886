using Berceau.Data;
using Berceau.Domain.Common;
using Berceau.Domain.OccasionalCare;
using Berceau.Web.Features.Offer.Staff;
using Berceau.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Berceau.Web.Features.OccasionalCare;

/// <summary>
/// The free-cancellation notice of each commune: its own setting, or the installation's default
/// (<c>OccasionalCare:FreeCancellationHours</c>) when it never set one. The booking keeps the notice it was made with.
/// </summary>
public sealed class CancellationNotices(BerceauDbContext db, AuditLog audit, TimeProvider clock, IOptions<OccasionalCareOptions> options)
{
    public const string AuditEntity = "accueil-occasionnel-reglages";
    public const string AuditChanged = "delai-annulation-modifie";

    public int DefaultHours => options.Value.FreeCancellationHours;

    public async Task<OccasionalCareSettings> SettingsAsync(string communeCode, CancellationToken ct) =>
        await db.OccasionalCareSettings.AsNoTracking().FirstOrDefaultAsync(s => s.CommuneCode == communeCode, ct)
            ?? OccasionalCareSettings.Default(communeCode, DefaultHours);

    public async Task<int> HoursAsync(string communeCode, CancellationToken ct) => (await SettingsAsync(communeCode, ct)).FreeCancellationHours;

    /// <summary>The notice of several communes at once (the staff home of occasional care).</summary>
    public async Task<IReadOnlyDictionary<string, int>> HoursAsync(IReadOnlyCollection<string> communeCodes, CancellationToken ct)
    {
        var codes = communeCodes.ToList();
        var set = await db.OccasionalCareSettings.AsNoTracking().Where(s => codes.Contains(s.CommuneCode))
            .ToDictionaryAsync(s => s.CommuneCode, s => s.FreeCancellationHours, ct);
        return codes.Distinct().ToDictionary(c => c, c => set.TryGetValue(c, out var hours) ? hours : DefaultHours);
    }

    /// <summary>Changes a commune's notice (the page checked the territory); the change and its audit line are saved together.</summary>
    public async Task<Outcome<OccasionalCareSettings>> ChangeAsync(string communeCode, string? hoursText, int version, string by, CancellationToken ct)
    {
        var read = new InputReader();
        var hours = read.Integer(hoursText, "FreeCancellationHours", CancellationPolicy.MinFreeCancellationHours,
            CancellationPolicy.MaxFreeCancellationHours, required: true);
        if (hours is null) return Outcome<OccasionalCareSettings>.Failure(read.Problems);

        var settings = await db.OccasionalCareSettings.FirstOrDefaultAsync(s => s.CommuneCode == communeCode, ct);
        var isNew = settings is null;
        settings ??= OccasionalCareSettings.Default(communeCode, DefaultHours);
        if (settings.Version != version) return Problem.Of("concurrency", "");
        var before = settings.FreeCancellationHours;
        if (!settings.ChangeFreeCancellationHours(hours.Value, clock.GetUtcNow(), by)) return settings;
        if (isNew) db.OccasionalCareSettings.Add(settings);
        audit.Record(AuditChanged, AuditEntity, communeCode, $"annulation gratuite jusqu’à {before} h → {settings.FreeCancellationHours} h avant le créneau");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another agent changed (or created) the commune's setting meanwhile: they reload and decide again.
            return Problem.Of("concurrency", "");
        }
        return settings;
    }
}
