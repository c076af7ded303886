using Berceau.Data;
using Berceau.Data.Identity;
using Berceau.Domain.Access;
using Berceau.Domain.Common;
using Berceau.Domain.Offer;
using Berceau.Domain.Schema;
using Berceau.Web.Features.Offer.Staff;
using Berceau.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Schema;

/// <summary>
/// The changes of the schéma: each reads the form's text, goes through the domain's verbs, checks the version the form was
/// shown with (two people on the same fiche are told, nothing is overwritten) and writes its audit line in the same SaveChanges.
/// The pages decide who may call what (<see cref="SchemaUser"/>); these methods change only what they are given.
/// </summary>
public sealed class SchemaEditing(BerceauDbContext db, SchemaAccess access, AuditLog audit, UserManager<BerceauUser> users)
{
    public async Task<Outcome<SdsfId>> CreateSchemaAsync(SchemaInput input, IReadOnlyCollection<string> departements, CancellationToken ct)
    {
        var reader = new InputReader();
        var departement = input.Departement?.Trim();
        if (departement is null || !departements.Contains(departement)) reader.Add("schema-departement", nameof(input.Departement));
        var (start, end) = Period(input, reader);
        if (reader.Problems.Count > 0) return Outcome<SdsfId>.Failure(reader.Problems);
        var created = Sdsf.Create(departement!, input.Title, start, end, input.Source, access.Now);
        if (!created.IsSuccess) return Outcome<SdsfId>.Failure(created.Problems);
        db.Schemas.Add(created.Value);
        audit.Record(SchemaAudit.SchemaCreated, SchemaAudit.SchemaEntity, created.Value.Id.ToString(), $"{created.Value.Title} ({departement})");
        var saved = await SaveAsync(ct);
        return saved.IsSuccess ? created.Value.Id : Outcome<SdsfId>.Failure(saved.Problems);
    }

    public async Task<Outcome<bool>> DescribeAsync(Sdsf schema, SchemaInput input, CancellationToken ct)
    {
        if (input.Version != schema.Version) return Concurrent();
        var reader = new InputReader();
        var (start, end) = Period(input, reader);
        if (reader.Problems.Count > 0) return Outcome<bool>.Failure(reader.Problems);
        // The period must keep every « places prévues » line of the schéma's fiches inside it.
        var years = await db.PlannedPlaces.AsNoTracking().Where(p => db.ActionSheets.Any(s => s.Id == p.SheetId && s.SchemaId == schema.Id))
            .Select(p => p.Year).Distinct().ToListAsync(ct);
        if (start is { } from && end is { } to && years.Where(y => y < from || y > to).Order().FirstOrDefault() is > 0 and var outside)
            return Problem.Of("schema-period-planned", nameof(input.EndYear), outside);
        var described = schema.Describe(input.Title, start, end, input.Source);
        if (!described.IsSuccess) return described;
        audit.Record(SchemaAudit.SchemaChanged, SchemaAudit.SchemaEntity, schema.Id.ToString(), $"{schema.Title} ({schema.Period})");
        return await SaveAsync(ct);
    }

    public async Task<Outcome<bool>> AddAxisAsync(Sdsf schema, AxisInput input, CancellationToken ct)
    {
        if (input.Version != schema.Version) return Concurrent();
        var reader = new InputReader();
        var number = reader.Integer(input.Number, nameof(input.Number), 1, SchemaAxis.MaxNumber, required: true);
        if (reader.Problems.Count > 0) return Outcome<bool>.Failure(reader.Problems);
        var added = schema.AddAxis(number, input.Title);
        if (!added.IsSuccess) return Outcome<bool>.Failure(added.Problems);
        audit.Record(SchemaAudit.AxisAdded, SchemaAudit.SchemaEntity, schema.Id.ToString(), added.Value.Label);
        return await SaveAsync(ct);
    }

    public async Task<Outcome<bool>> ChangeAxisAsync(Sdsf schema, SchemaAxis axis, AxisInput input, CancellationToken ct)
    {
        if (input.Version != schema.Version) return Concurrent();
        var reader = new InputReader();
        var number = reader.Integer(input.Number, nameof(input.Number), 1, SchemaAxis.MaxNumber, required: true);
        if (reader.Problems.Count > 0) return Outcome<bool>.Failure(reader.Problems);
        var changed = schema.ChangeAxis(axis, number, input.Title);
        if (!changed.IsSuccess) return changed;
        audit.Record(SchemaAudit.AxisChanged, SchemaAudit.SchemaEntity, schema.Id.ToString(), axis.Label);
        return await SaveAsync(ct);
    }

    public async Task<Outcome<ActionSheetId>> CreateSheetAsync(Sdsf schema, SheetInput input, CancellationToken ct)
    {
        var reader = new InputReader();
        var axis = Axis(schema, input, reader);
        var (pilot, coPilots) = await PilotsAsync(schema, input, reader, ct);
        var taken = await NumbersAsync(schema, ct);
        var created = ActionSheet.Create(schema.Id, axis?.Id ?? Guid.Empty, input.Number, taken, Content(input), access.Now);
        var problems = reader.Problems.Concat(created.Problems).ToList();
        if (created.IsSuccess) problems.AddRange(await PlanPlacesAsync(created.Value, schema, input, ct));
        if (problems.Count > 0) return Outcome<ActionSheetId>.Failure(problems);
        var sheet = created.Value;
        sheet.AssignPilots(pilot, coPilots);
        sheet.Version = 0;
        db.ActionSheets.Add(sheet);
        audit.Record(SchemaAudit.SheetCreated, SchemaAudit.SheetEntity, sheet.Id.ToString(), $"{schema.Title} : fiche {sheet.Number} « {sheet.Title} »");
        if (sheet.PlannedPlaces.Count > 0)
            audit.Record(SchemaAudit.PlannedPlacesChanged, SchemaAudit.SheetEntity, sheet.Id.ToString(), $"fiche {sheet.Number} : {PlannedSummary(sheet)}");
        var saved = await SaveAsync(ct);
        return saved.IsSuccess ? sheet.Id : Outcome<ActionSheetId>.Failure(saved.Problems);
    }

    /// <summary>
    /// The content of the fiche; for the secretariat also its axe, number and pilots. A pilot's form has no such fields, and
    /// whatever it posts for them is ignored: an organisation cannot hand a fiche over, nor add itself to another's.
    /// </summary>
    public async Task<Outcome<bool>> EditSheetAsync(ActionSheet sheet, Sdsf schema, SheetInput input, bool secretariat, CancellationToken ct)
    {
        if (input.Version != sheet.Version) return Concurrent();
        var reader = new InputReader();
        SchemaAxis? axis = null;
        PartnerOrganisationId? pilot = null;
        IReadOnlyCollection<PartnerOrganisationId> coPilots = [];
        List<string> taken = [];
        if (secretariat)
        {
            axis = Axis(schema, input, reader);
            (pilot, coPilots) = await PilotsAsync(schema, input, reader, ct);
            taken = await NumbersAsync(schema, ct);
        }
        var problems = new List<Problem>(reader.Problems);
        var placed = (sheet.AxisId, sheet.Number, sheet.PilotId, CoPilots: sheet.CoPilots.Select(c => c.OrganisationId).Order().ToList());
        var edited = sheet.Edit(Content(input));
        problems.AddRange(edited.Problems);
        // « Places prévues » are content: a pilot sets them like the indicators' targets.
        var before = Planned(sheet);
        problems.AddRange(await PlanPlacesAsync(sheet, schema, input, ct));
        if (secretariat && problems.Count == 0)
        {
            if (axis!.Id != placed.AxisId || input.Number?.Trim() != placed.Number)
                problems.AddRange(sheet.Place(axis.Id, input.Number, taken).Problems);
            if (pilot != placed.PilotId || !coPilots.Distinct().Where(c => c != pilot).Order().SequenceEqual(placed.CoPilots))
            {
                problems.AddRange(sheet.AssignPilots(pilot, coPilots).Problems);
                audit.Record(SchemaAudit.PilotsChanged, SchemaAudit.SheetEntity, sheet.Id.ToString(), $"fiche {sheet.Number}");
            }
        }
        if (problems.Count > 0)
        {
            db.ChangeTracker.Clear();
            return Outcome<bool>.Failure(problems);
        }
        // Several verbs may have run; the row's version moves by one per save, which is what the next form will carry.
        sheet.Version = input.Version + 1;
        audit.Record(SchemaAudit.SheetChanged, SchemaAudit.SheetEntity, sheet.Id.ToString(), $"fiche {sheet.Number} « {sheet.Title} »");
        if (Planned(sheet) != before)
            audit.Record(SchemaAudit.PlannedPlacesChanged, SchemaAudit.SheetEntity, sheet.Id.ToString(), $"fiche {sheet.Number} : {PlannedSummary(sheet)}");
        return await SaveAsync(ct);
    }

    public async Task<Outcome<bool>> PublishAsync(ActionSheet sheet, PublishInput input, bool publish, CancellationToken ct)
    {
        if (input.Version != sheet.Version) return Concurrent();
        if (publish) sheet.Publish();
        else sheet.Unpublish();
        audit.Record(publish ? SchemaAudit.SheetPublished : SchemaAudit.SheetUnpublished, SchemaAudit.SheetEntity, sheet.Id.ToString(), $"fiche {sheet.Number}");
        return await SaveAsync(ct);
    }

    public async Task<Outcome<bool>> RecordProgressAsync(ActionSheet sheet, ProgressInput input, CancellationToken ct)
    {
        if (input.Version != sheet.Version) return Concurrent();
        var reader = new InputReader();
        var on = reader.Date(input.On, nameof(input.On), required: true);
        ProgressState? state = Enum.TryParse<ProgressState>(input.State, out var s) && Enum.IsDefined(s) ? s : null;
        var user = await access.UserAsync(ct);
        var recorded = sheet.RecordProgress(on, state, input.Comment, access.Today, access.Now, user.UserId);
        // The reader's message about the date (« saisissez une date valide ») is more precise than the domain's « obligatoire ».
        var problems = reader.Problems.Concat(recorded.Problems.Where(p => !reader.HasProblem(p.Field))).ToList();
        if (problems.Count > 0)
        {
            db.ChangeTracker.Clear();
            return Outcome<bool>.Failure(problems);
        }
        audit.Record(SchemaAudit.ProgressRecorded, SchemaAudit.SheetEntity, sheet.Id.ToString(),
            $"fiche {sheet.Number} : {state!.Value.Label()} au {OfferDisplay.Date(on!.Value)}");
        return await SaveAsync(ct);
    }

    public async Task<Outcome<PartnerOrganisationId>> CreateOrganisationAsync(OrganisationInput input, IReadOnlyCollection<string> departements, CancellationToken ct)
    {
        var departement = input.Departement?.Trim();
        if (departement is null || !departements.Contains(departement)) return Problem.Of("schema-departement", nameof(input.Departement));
        var taken = await db.PartnerOrganisations.Where(o => o.DepartementCode == departement).Select(o => o.Name).ToListAsync(ct);
        var created = PartnerOrganisation.Create(departement, input.Name, taken);
        if (!created.IsSuccess) return Outcome<PartnerOrganisationId>.Failure(created.Problems);
        db.PartnerOrganisations.Add(created.Value);
        audit.Record(SchemaAudit.OrganisationCreated, SchemaAudit.OrganisationEntity, created.Value.Id.ToString(), $"{created.Value.Name} ({departement})");
        var saved = await SaveAsync(ct);
        return saved.IsSuccess ? created.Value.Id : Outcome<PartnerOrganisationId>.Failure(saved.Problems);
    }

    /// <summary>Links an active staff account, found by its e-mail, to an organisation the secretariat runs.</summary>
    public async Task<Outcome<bool>> AddMemberAsync(PartnerOrganisation organisation, MemberInput input, CancellationToken ct)
    {
        var email = input.Email?.Trim();
        if (string.IsNullOrEmpty(email)) return Problem.Of("required", nameof(input.Email));
        var user = await users.FindByEmailAsync(email);
        if (user is null || user.IsDisabled || !(await users.GetRolesAsync(user)).Any(Roles.IsStaff))
            return Problem.Of("schema-member-unknown", nameof(input.Email), email);
        var added = organisation.AddMember(user.Id);
        if (!added.IsSuccess) return Outcome<bool>.Failure(added.Problems);
        audit.Record(SchemaAudit.MemberAdded, SchemaAudit.OrganisationEntity, organisation.Id.ToString(), $"{email} → {organisation.Name}");
        return await SaveAsync(ct);
    }

    public async Task<Outcome<bool>> RemoveMemberAsync(PartnerOrganisation organisation, string userId, CancellationToken ct)
    {
        var member = organisation.Members.FirstOrDefault(m => m.UserId == userId);
        if (member is null) return Problem.Of("not-found", "");
        organisation.Members.Remove(member);
        var email = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).FirstOrDefaultAsync(ct);
        audit.Record(SchemaAudit.MemberRemoved, SchemaAudit.OrganisationEntity, organisation.Id.ToString(), $"{email} → {organisation.Name}");
        return await SaveAsync(ct);
    }

    private static (int? Start, int? End) Period(SchemaInput input, InputReader reader) =>
        (reader.Integer(input.StartYear, nameof(input.StartYear), Sdsf.MinYear, Sdsf.MaxYear, required: true),
         reader.Integer(input.EndYear, nameof(input.EndYear), Sdsf.MinYear, Sdsf.MaxYear, required: true));

    private static SchemaAxis? Axis(Sdsf schema, SheetInput input, InputReader reader)
    {
        var axis = Guid.TryParse(input.AxisId, out var id) ? schema.Axes.FirstOrDefault(a => a.Id == id) : null;
        if (axis is null) reader.Add("schema-axis-choose", nameof(input.AxisId));
        return axis;
    }

    /// <summary>The pilot and co-pilots chosen, each an organisation of the schéma's département.</summary>
    private async Task<(PartnerOrganisationId? Pilot, IReadOnlyCollection<PartnerOrganisationId> CoPilots)> PilotsAsync(Sdsf schema, SheetInput input, InputReader reader, CancellationToken ct)
    {
        var known = (await db.PartnerOrganisations.AsNoTracking().Where(o => o.DepartementCode == schema.DepartementCode).Select(o => o.Id).ToListAsync(ct)).ToHashSet();
        PartnerOrganisationId? pilot = null;
        if (!string.IsNullOrWhiteSpace(input.PilotId))
        {
            if (Guid.TryParse(input.PilotId, out var p) && known.Contains(new PartnerOrganisationId(p))) pilot = new PartnerOrganisationId(p);
            else reader.Add("unknown-value", nameof(input.PilotId));
        }
        var coPilots = new List<PartnerOrganisationId>();
        foreach (var value in input.CoPilotIds.Where(v => !string.IsNullOrWhiteSpace(v)))
        {
            if (Guid.TryParse(value, out var c) && known.Contains(new PartnerOrganisationId(c))) coPilots.Add(new PartnerOrganisationId(c));
            else reader.Add("unknown-value", nameof(input.CoPilotIds));
        }
        if (coPilots.Distinct().Count(c => c != pilot) > ActionSheet.MaxCoPilots) reader.Add("schema-too-many-copilots", nameof(input.CoPilotIds), ActionSheet.MaxCoPilots);
        return (pilot, coPilots);
    }

    private Task<List<string>> NumbersAsync(Sdsf schema, CancellationToken ct) =>
        db.ActionSheets.AsNoTracking().Where(s => s.SchemaId == schema.Id).Select(s => s.Number).ToListAsync(ct);

    /// <summary>The « places prévues » lines as typed: numbers read by the reader (« saisissez un nombre »), the mode by its code.</summary>
    private static List<PlannedPlacesLine> PlannedLines(SheetInput input, InputReader reader)
    {
        var lines = new List<PlannedPlacesLine>();
        for (var i = 0; i < input.PlannedPlaces.Count; i++)
        {
            var line = input.PlannedPlaces[i];
            var field = $"{nameof(input.PlannedPlaces)}[{i}]";
            // Any whole number passes here: the domain says what is wrong with it (outside the period, not a count of places).
            var year = reader.Integer(line.Year, $"{field}.Year", int.MinValue, int.MaxValue);
            var places = reader.Integer(line.Places, $"{field}.Places", int.MinValue, int.MaxValue);
            CareMode? mode = string.IsNullOrWhiteSpace(line.Mode) ? null : CareModes.TryParse(line.Mode.Trim(), out var m) ? m : null;
            if (!string.IsNullOrWhiteSpace(line.Mode) && mode is null) reader.Add("schema-places-mode", $"{field}.Mode");
            // A number the reader refused is not a blank field: 0 keeps the line checked by the domain (the reader's message wins,
            // see PlanPlacesAsync). Whatever the reader refuses, the whole change is refused.
            lines.Add(new PlannedPlacesLine(line.CommuneCode, year ?? (reader.HasProblem($"{field}.Year") ? 0 : null),
                places ?? (reader.HasProblem($"{field}.Places") ? 0 : null), mode, line.Label));
        }
        return lines;
    }

    /// <summary>
    /// Reads and sets the fiche's « places prévues »; the problems come line by line, a text that is not a number told as such
    /// (not also as « out of range »).
    /// </summary>
    private async Task<IEnumerable<Problem>> PlanPlacesAsync(ActionSheet sheet, Sdsf schema, SheetInput input, CancellationToken ct)
    {
        var reader = new InputReader();
        var lines = PlannedLines(input, reader);
        var communes = await db.Communes.AsNoTracking().Where(c => c.DepartementCode == schema.DepartementCode).Select(c => c.Code).ToListAsync(ct);
        var planned = sheet.PlanPlaces(lines, PlanningScope.Of(schema, communes));
        return reader.Problems.Concat(planned.Problems.Where(p => !reader.HasProblem(p.Field))).OrderBy(p => LineOf(p.Field));
    }

    private static int LineOf(string field) =>
        field.StartsWith("PlannedPlaces[", StringComparison.Ordinal) && int.TryParse(field["PlannedPlaces[".Length..field.IndexOf(']', StringComparison.Ordinal)], out var i) ? i : -1;

    private static string Planned(ActionSheet sheet) =>
        string.Join(";", sheet.PlannedPlaces.OrderBy(p => p.Position).Select(p => $"{p.CommuneCode}|{p.Year}|{p.Places}|{p.Mode}|{p.Label}"));

    private static string PlannedSummary(ActionSheet sheet) => sheet.PlannedPlaces.Count == 0
        ? "aucune place prévue"
        : $"{sheet.PlannedPlaces.Sum(p => p.Places)} places prévues sur {sheet.PlannedPlaces.Count} ligne(s)";

    private static ActionSheetContent Content(SheetInput input) => new(input.Title, input.Issues, input.Actors, input.KeyActions, input.Schedule, input.Means,
        [.. input.Indicators.Select(i => new IndicatorLine(i.Label, i.Target, i.ObservatoryKey))]);

    // A unique index: the same number, axe or name was taken at the same moment by someone else.
    private Task<Outcome<bool>> SaveAsync(CancellationToken ct) => SaveAsync(db, "schema-taken-meanwhile", ct);

    /// <summary>
    /// Saves the unit of work; a stale version is « modifié par quelqu'un d'autre », a unique index hit at the same moment is
    /// <paramref name="takenCode"/>. Either way the context is cleared, so that the page shows what is stored.
    /// </summary>
    internal static async Task<Outcome<bool>> SaveAsync(BerceauDbContext db, string takenCode, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Concurrent();
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return Problem.Of(takenCode, "");
        }
    }

    private static Outcome<bool> Concurrent() => Problem.Of("concurrency", "");
}
