using Berceau.Data;
using Berceau.Domain.Common;
using Berceau.Domain.Careers;
using Berceau.Web.Features.Applications.Staff;
using Berceau.Web.Features.Offer.Staff;
using Berceau.Web.Features.Resources;
using Berceau.Web.Infrastructure;

namespace Berceau.Web.Features.Training;

public sealed record SessionInput
{
    public string? StartsOn { get; set; }
    public string? EndsOn { get; set; }
    public string? ApplyBy { get; set; }
}

/// <summary>A training offer as typed (text, shown back as typed).</summary>
public sealed record TrainingInput
{
    public int Version { get; set; }
    public string? School { get; set; }
    public string? Diploma { get; set; }
    public string? Route { get; set; }
    public string? CommuneCode { get; set; }
    public string? Address { get; set; }
    public string? Latitude { get; set; }
    public string? Longitude { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Website { get; set; }
    public string? Description { get; set; }
    public List<SessionInput> Sessions { get; set; } = [];

    public static TrainingInput From(TrainingOffer t) => new()
    {
        Version = t.Version, School = t.School, Diploma = t.Diploma.ToString(), Route = t.Route.ToString(), CommuneCode = t.CommuneCode,
        Address = t.Address, Latitude = t.Latitude.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Longitude = t.Longitude.ToString(System.Globalization.CultureInfo.InvariantCulture), Phone = t.Phone, Email = t.Email, Website = t.Website,
        Description = t.Description,
        Sessions = [.. t.Sessions.Select(s => new SessionInput { StartsOn = InputReader.Format(s.StartsOn), EndsOn = InputReader.Format(s.EndsOn), ApplyBy = InputReader.Format(s.ApplyBy) })],
    };
}

/// <summary>The training offers of the staff member's communes (see <see cref="DirectoryStore{T}"/>).</summary>
public sealed class TrainingOffers(BerceauDbContext db, CaseworkAccess territory, AuditLog audit)
    : DirectoryStore<TrainingOffer>(db, territory, audit, TrainingFeature.EntityType, "une offre de formation")
{
    protected override IOrderedEnumerable<TrainingOffer> Order(IOrderedEnumerable<TrainingOffer> entries) =>
        entries.ThenBy(t => t.School, StringComparer.Ordinal).ThenBy(t => t.Diploma);

    public async Task<Outcome<Guid>> SaveAsync(TrainingOffer? existing, TrainingInput input, CancellationToken ct)
    {
        if (existing is not null && existing.Version != input.Version) return Problem.Of("concurrency", "");
        var reader = new InputReader();
        var school = reader.Text(input.School, nameof(input.School), TrainingOffer.MaxSchoolLength, required: true);
        Diploma? diploma = Enum.TryParse<Diploma>(input.Diploma, out var d) && Enum.IsDefined(d) ? d : null;
        if (diploma is null) reader.Add("training-diploma", nameof(input.Diploma));
        TrainingRoute? route = Enum.TryParse<TrainingRoute>(input.Route, out var r) && Enum.IsDefined(r) ? r : null;
        if (route is null) reader.Add("training-route", nameof(input.Route));
        var commune = await CommuneAsync(reader, input.CommuneCode, ct);
        var address = reader.Text(input.Address, nameof(input.Address), TrainingOffer.MaxAddressLength, required: true);
        var latitude = reader.Decimal(input.Latitude, nameof(input.Latitude), -90, 90);
        var longitude = reader.Decimal(input.Longitude, nameof(input.Longitude), -180, 180);
        if (latitude is null && !reader.HasProblem(nameof(input.Latitude))) reader.Add("training-coordinates", nameof(input.Latitude));
        if (longitude is null && !reader.HasProblem(nameof(input.Longitude))) reader.Add("training-coordinates", nameof(input.Longitude));
        var (phone, email, website) = Contacts.Read(reader, input.Phone, input.Email, input.Website);
        var description = reader.Text(input.Description, nameof(input.Description), TrainingOffer.MaxDescriptionLength);
        var sessions = Sessions(reader, input.Sessions);
        if (reader.Problems.Count > 0) return Outcome<Guid>.Failure(reader.Problems);
        var values = new TrainingValues(school!, diploma!.Value, route!.Value, commune!, address!, latitude!.Value, longitude!.Value, phone, email, website,
            description, sessions);
        return await SaveAsync(existing, (at, by) => TrainingOffer.Create(values, at, by), (t, at, by) => t.Update(values, at, by), ct);
    }

    /// <summary>The session rows typed; a blank row is ignored, a row without its start is refused.</summary>
    private static List<TrainingSession> Sessions(InputReader reader, IReadOnlyList<SessionInput> rows)
    {
        var sessions = new List<TrainingSession>();
        for (var i = 0; i < rows.Count && i < TrainingFeature.SessionRows; i++)
        {
            var row = rows[i];
            if (string.IsNullOrWhiteSpace(row.StartsOn) && string.IsNullOrWhiteSpace(row.EndsOn) && string.IsNullOrWhiteSpace(row.ApplyBy)) continue;
            var start = reader.Date(row.StartsOn, $"Sessions[{i}].StartsOn");
            if (start is null && !reader.HasProblem($"Sessions[{i}].StartsOn")) reader.Add("training-session-start", $"Sessions[{i}].StartsOn");
            var end = reader.Date(row.EndsOn, $"Sessions[{i}].EndsOn");
            var apply = reader.Date(row.ApplyBy, $"Sessions[{i}].ApplyBy");
            if (start is { } s) sessions.Add(new TrainingSession { StartsOn = s, EndsOn = end, ApplyBy = apply });
        }
        return sessions;
    }
}
