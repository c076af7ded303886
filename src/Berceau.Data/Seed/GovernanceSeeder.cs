using System.Globalization;
using System.Text.Json;
using Berceau.Data.Import;
using Berceau.Domain.Common;
using Berceau.Domain.Governance;
using Berceau.Domain.Schema;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Data.Seed;

/// <summary>
/// Loads a département's governance instances and their past meetings from data/governance_{dep}.json, a transcription of what
/// the CDSF's own documents say of them (names, the axes they follow, members the documents name, day, hours, place and agenda of
/// a session whose support is in the documents). Every entry goes through the domain's verbs (<see cref="GovernanceBody.Create"/>,
/// <see cref="GovernanceBody.AddMember"/>, <see cref="GovernanceMeeting.Transcribe"/>); nothing is written if one is wrong. Runs
/// after <see cref="SchemaSeeder"/> (the axes are the schéma's). Skipped when the file is absent or the département already has an
/// instance (idempotent, and never beside instances the secretariat created).
/// </summary>
public static class GovernanceSeeder
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public static string FileName(string departement) => $"governance_{departement}.json";

    public static async Task<int> SeedAsync(BerceauDbContext db, string dataFolder, string departement, DateTimeOffset now, CancellationToken ct = default)
    {
        var path = Path.Combine(dataFolder, FileName(departement));
        if (!File.Exists(path) || await db.GovernanceBodies.AnyAsync(b => b.DepartementCode == departement, ct)) return 0;
        SeedFile file;
        await using (var stream = File.OpenRead(path))
            file = await JsonSerializer.DeserializeAsync<SeedFile>(stream, Json, ct) ?? throw Error(departement, "le fichier est vide.");
        if (file.Departement != departement) throw Error(departement, $"le fichier décrit le département « {file.Departement} ».");

        // An organisation the secretariat already created under the same name (any case) is the one the file means.
        var organisations = await db.PartnerOrganisations.Where(o => o.DepartementCode == departement).ToDictionaryAsync(o => o.Name, o => o.Id, StringComparer.OrdinalIgnoreCase, ct);
        var added = new List<PartnerOrganisation>();
        foreach (var name in file.Organisations.Where(n => !organisations.ContainsKey(n)))
        {
            var organisation = Check(PartnerOrganisation.Create(departement, name, organisations.Keys), departement, name);
            organisations[organisation.Name] = organisation.Id;
            added.Add(organisation);
        }
        var schemas = await db.Schemas.AsNoTracking().Include(s => s.Axes).Where(s => s.DepartementCode == departement).ToListAsync(ct);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var bodies = new List<GovernanceBody>();
        var meetings = new List<GovernanceMeeting>();
        foreach (var entry in file.Bodies)
        {
            Guid Axis(SeedAxis a) => schemas.Where(s => s.Period == a.Schema).SelectMany(s => s.Axes).FirstOrDefault(x => x.Number == a.Number)?.Id
                ?? throw Error(departement, $"{entry.Name} : l'axe {a.Number} du schéma {a.Schema} n'existe pas.");
            var body = Check(GovernanceBody.Create(departement, Enum.Parse<GovernanceKind>(entry.Kind), entry.Name, entry.Description, [.. entry.Axes.Select(Axis)], now),
                departement, entry.Name);
            foreach (var m in entry.Members)
            {
                var organisation = organisations.TryGetValue(m.Organisation, out var id) ? id
                    : throw Error(departement, $"{entry.Name} : l'organisation « {m.Organisation} » n'est pas déclarée.");
                Check(body.AddMember(organisation, Enum.Parse<MemberRole>(m.Role), null, null, null), departement, entry.Name);
            }
            foreach (var m in entry.Meetings)
            {
                var slot = new MeetingSlot(DateOnly.ParseExact(m.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture), TimeOnly.ParseExact(m.StartsAt, "HH:mm", CultureInfo.InvariantCulture),
                    TimeOnly.ParseExact(m.EndsAt, "HH:mm", CultureInfo.InvariantCulture), m.Place, m.VideoLink);
                meetings.Add(Check(GovernanceMeeting.Transcribe(body.Id, slot, m.Agenda, today, now), departement, $"{entry.Name}, réunion du {m.Date}"));
            }
            bodies.Add(body);
        }
        db.PartnerOrganisations.AddRange(added);
        db.GovernanceBodies.AddRange(bodies);
        db.GovernanceMeetings.AddRange(meetings);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return bodies.Count;
    }

    private static ImportException Error(string departement, string message) => new(FileName(departement), null, null, message);

    private static T Check<T>(Outcome<T> outcome, string departement, string where) => outcome.IsSuccess
        ? outcome.Value
        : throw Error(departement, $"{where} : {string.Join(" ", outcome.Problems.Select(p => $"{p.Field} : {p.Message}"))}");

    private sealed record SeedFile(string Departement, IReadOnlyList<string> Organisations, IReadOnlyList<SeedBody> Bodies);

    private sealed record SeedBody(string Kind, string Name, string? Description)
    {
        public IReadOnlyList<SeedAxis> Axes { get; init; } = [];
        public IReadOnlyList<SeedMember> Members { get; init; } = [];
        public IReadOnlyList<SeedMeeting> Meetings { get; init; } = [];
    }

    private sealed record SeedAxis(string Schema, int Number);

    private sealed record SeedMember(string Organisation, string Role);

    private sealed record SeedMeeting(string Date, string StartsAt, string EndsAt, string? Place, string? VideoLink, IReadOnlyList<string> Agenda);
}
