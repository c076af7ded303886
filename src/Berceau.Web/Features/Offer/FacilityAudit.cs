using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Berceau.Domain.Offer;

namespace Berceau.Web.Features.Offer;

/// <summary>
/// What the audit log says about a facility: one line per change, whose details are a compact JSON diff
/// <c>{"Name":["Les Lutins","Les P’tits Lutins"]}</c> of the fields that changed (values cut at 200 characters).
/// </summary>
public static class FacilityAudit
{
    public const string EntityType = "Facility";
    public const string Created = "création";
    public const string Updated = "modification";
    public const string Closed = "fermeture";
    public const string Reopened = "réouverture";
    public const string VacanciesDeclared = "déclaration de places disponibles";
    public const string VacanciesWithdrawn = "retrait des places disponibles";

    private const int MaxValueLength = 200;

    private static readonly JsonSerializerOptions Json = new()
    {
        // Stored, then shown HTML-encoded by the pages: readable accents are safe here and keep lines short.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Every field a staff member can change, as text, so that two snapshots compare field by field.</summary>
    public static IReadOnlyDictionary<string, string?> Snapshot(Facility f)
    {
        var invariant = CultureInfo.InvariantCulture;
        return new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [nameof(f.Name)] = f.Name,
            [nameof(f.Mode)] = f.Mode.Code(),
            [nameof(f.ManagerType)] = f.ManagerType.ToString(),
            [nameof(f.ManagerName)] = f.ManagerName,
            [nameof(f.CommuneCode)] = f.CommuneCode,
            [nameof(f.SectorId)] = f.SectorId?.ToString(),
            [nameof(f.Street)] = f.Street,
            [nameof(f.PostalCode)] = f.PostalCode,
            [nameof(f.Latitude)] = f.Latitude.ToString("0.######", invariant),
            [nameof(f.Longitude)] = f.Longitude.ToString("0.######", invariant),
            [nameof(f.IsPsu)] = f.IsPsu ? "true" : "false",
            [nameof(f.OpeningDays)] = f.OpeningDays.ToString(),
            [nameof(f.OpensAt)] = f.OpensAt?.ToString("HH:mm", invariant),
            [nameof(f.ClosesAt)] = f.ClosesAt?.ToString("HH:mm", invariant),
            [nameof(f.ReceptionTypes)] = f.ReceptionTypes.ToString(),
            [nameof(f.AtypicalHours)] = f.AtypicalHours ? "true" : "false",
            [nameof(f.DisabilityInclusion)] = f.DisabilityInclusion ? "true" : "false",
            [nameof(f.IsAvip)] = f.IsAvip ? "true" : "false",
            [nameof(f.Languages)] = f.Languages,
            [nameof(f.Phone)] = f.Phone,
            [nameof(f.Email)] = f.Email,
            [nameof(f.Website)] = f.Website,
            [nameof(f.Description)] = f.Description,
            [nameof(f.Sections)] = f.Sections.Count == 0 ? null : string.Join(" ; ", f.Sections
                .OrderBy(s => s.MinAgeMonths).ThenBy(s => s.Name)
                .Select(s => $"{s.Name} {s.MinAgeMonths}-{s.MaxAgeMonths} mois {s.Places} pl.")),
            [nameof(f.Agrement)] = f.Agrement is { } a
                ? $"{a.Children} enfants {a.MinAgeMonths}-{a.MaxAgeMonths} mois"
                  + (a.ValidUntil is { } until ? " jusqu’au " + until.ToString("yyyy-MM-dd", invariant) : "")
                  + (a.Number is { } number ? " n° " + number : "")
                : null,
            [nameof(f.OpenedOn)] = f.OpenedOn?.ToString("yyyy-MM-dd", invariant),
            [nameof(f.ClosedOn)] = f.ClosedOn?.ToString("yyyy-MM-dd", invariant),
            [nameof(f.ClosureReason)] = f.ClosureReason,
        };
    }

    /// <summary>The changed fields as <c>{"Field":[before, after]}</c>, or null when nothing changed.</summary>
    public static string? Diff(IReadOnlyDictionary<string, string?> before, IReadOnlyDictionary<string, string?> after)
    {
        var changes = new Dictionary<string, string?[]>(StringComparer.Ordinal);
        foreach (var (field, value) in after)
        {
            var old = before.GetValueOrDefault(field);
            if (!string.Equals(Normalise(old), Normalise(value), StringComparison.Ordinal))
            {
                changes[field] = [Cut(old), Cut(value)];
            }
        }
        return changes.Count == 0 ? null : JsonSerializer.Serialize(changes, Json);
    }

    /// <summary>Details of a line that is not a diff (closure, vacancies): a flat JSON object.</summary>
    public static string Details(IReadOnlyDictionary<string, object?> values) => JsonSerializer.Serialize(values, Json);

    private static string? Normalise(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static string? Cut(string? value) =>
        value is { Length: > MaxValueLength } ? value[..MaxValueLength] + "…" : Normalise(value);
}
