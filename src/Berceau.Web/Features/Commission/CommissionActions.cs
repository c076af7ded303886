using Berceau.Data;
using Berceau.Data.Commission;
using Berceau.Domain.Applications;
using Berceau.Domain.Commission;
using Berceau.Domain.Common;
using Berceau.Domain.Grid;
using Berceau.Domain.Offer;
using Berceau.Web.Features.Applications;
using Berceau.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Engine = Berceau.Allocation;

namespace Berceau.Web.Features.Commission;

/// <summary>One line of the seats form: a section, its seats and the day they are free.</summary>
public sealed record SeatInput
{
    public Guid FacilityId { get; set; }
    public Guid SectionId { get; set; }
    public string? Seats { get; set; }
    public string? AvailableOn { get; set; }
}

/// <summary>An override as posted from the review screen.</summary>
public sealed record OverrideInput
{
    public string? Kind { get; set; }
    public string? Application { get; set; }
    /// <summary>"structure" for an exclusion, "structure:section" for a placement.</summary>
    public string? Target { get; set; }
    public string? Reason { get; set; }
}

/// <summary>
/// What a session's members and directors do to it (docs/commission.md). Each verb goes through the session aggregate (which
/// refuses what its status does not allow), writes its audit line, and saves once: the change and its audit line, or neither.
/// The callers check <see cref="CommissionAccess"/> first.
/// </summary>
public sealed class CommissionActions(BerceauDbContext db, CommissionAccess access, CommissionQueries queries, AuditLog audit,
    FollowUp.FollowUpCases followUps, FreezeNoticeSignal notices, StepTimes times, IServiceScopeFactory scopes, RecentRunViews recentRuns,
    FrozenInstances frozenInstances)
{
    public async Task<Outcome<int>> DeclareSeatsAsync(CommissionSession session, IReadOnlyList<Facility> facilities,
        IReadOnlyList<SeatInput> rows, CancellationToken ct)
    {
        var read = new Offer.Staff.InputReader();
        var refused = new List<Problem>();
        var declared = new List<SeatDeclaration>();
        var details = new List<string>();
        // Places gelées faute de personnel lower the seats a section can offer (docs/staffing.md).
        var facilityIds = facilities.Select(f => f.Id).ToList();
        var freezes = await db.PlaceFreezes.AsNoTracking().Where(p => facilityIds.Contains(p.FacilityId)).ToListAsync(ct);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var prefix = $"Seats[{i}].";
            if (string.IsNullOrWhiteSpace(row.Seats) && string.IsNullOrWhiteSpace(row.AvailableOn)) continue;
            var facility = facilities.FirstOrDefault(f => f.Id.Value == row.FacilityId);
            if (facility is null)
            {
                read.Add("commission-section-unknown", prefix + nameof(row.Seats));
                continue;
            }
            var seats = read.Integer(row.Seats, prefix + nameof(row.Seats), 0, int.MaxValue, required: true);
            var on = string.IsNullOrWhiteSpace(row.AvailableOn) ? session.FreezeDate : read.Date(row.AvailableOn, prefix + nameof(row.AvailableOn));
            if (seats is null || on is null) continue;
            var section = facility.Sections.FirstOrDefault(s => s.Id == row.SectionId);
            var frozen = section is null ? 0 : PlaceFreeze.FrozenOn(freezes, section, on.Value);
            var outcome = session.DeclareSeats(facility, row.SectionId, seats.Value, on.Value, access.Today, access.Now, access.UserId, frozen);
            if (!outcome.IsSuccess)
            {
                refused.AddRange(outcome.Problems.Select(p => p with { Field = prefix + (p.Field is "" or "FacilityId" or "SectionId" ? nameof(row.Seats) : p.Field) }));
                continue;
            }
            declared.Add(outcome.Value);
            details.Add($"{facility.Name} / {facility.Sections.First(s => s.Id == row.SectionId).Name} : {seats} à partir du {on:dd/MM/yyyy}");
        }
        if (read.Problems.Count == 0 && refused.Count == 0 && declared.Count == 0) read.Add("vacancy-nothing", rows.Count > 0 ? "Seats[0].Seats" : "");
        if (read.Problems.Count + refused.Count > 0) return Outcome<int>.Failure([.. read.Problems, .. refused]);
        audit.Record(CommissionAudit.SeatsDeclared, CommissionAudit.EntityType, session.Id.ToString(), string.Join(" ; ", details));
        return await SaveAsync(declared.Count, ct);
    }

    /// <summary>
    /// Gel des demandes: builds the engine instance from the applications complete or on the waiting list that wish a structure
    /// of the scope (<see cref="InstanceSnapshot"/>), stores it with the link to each application and its score breakdowns, moves
    /// each application to « en commission » (the family is told), stores the engine's first proposal (calcul n° 1, computed
    /// on the thread pool while the applications are written), and freezes the session: all of it, or nothing.
    /// A département's session examines tens of thousands of applications: they are read untracked, and written set-based in one
    /// transaction (docs/performance.md): the entries and status changes in bulk (<see cref="BulkInsert"/>), the statuses by an
    /// UPDATE that matches each application at the version the freeze read; the families' notices come after, from a job. An
    /// application changed meanwhile (wishes, a guichet correction, a warning) is not matched: the UPDATE moves fewer rows than
    /// the snapshot holds, and nothing is saved. The statuses are written while the scores are computed on the other core: which
    /// applications the snapshot holds is known before their scores (<see cref="InstanceSnapshot.Plan"/>).
    /// </summary>
    public async Task<Outcome<int>> FreezeAsync(CommissionSession session, CancellationToken ct)
    {
        times.Start("freeze");
        // One instant for the session, the snapshot and every move: the notices' idempotency keys name it (FreezeNotices).
        var now = access.Now;
        var stored = await db.PointsGrids.AsNoTracking().Where(g => g.CommuneCode == session.CommuneCode).ToListAsync(ct);
        var grid = new GridVersions([.. stored.Select(g => g.ToGrid())]).InForce(session.FreezeDate);
        if (grid is null) return Problem.Of("commission-no-grid", "", session.FreezeDate);
        var frozen = session.Freeze(CommissionDisplay.DayOf(now), now, access.UserId);
        if (!frozen.IsSuccess) return Outcome<int>.Failure(frozen.Problems);

        var facilities = await queries.ScopeFacilitiesAsync(session, ct);
        var commune = session.CommuneCode;
        IQueryable<Application> Examined(BerceauDbContext context) => context.Applications
            .Where(a => a.CommuneCode == commune && (a.Status == ApplicationStatus.Complete || a.Status == ApplicationStatus.Waitlisted));
        times.Step("grid+facilities");
        var applications = await ExaminedAsync(Examined, ct);
        times.Step("load");
        var plan = InstanceSnapshot.Plan(session, facilities, applications);
        // Each move is checked by the application's own verb, on the untracked copy: the database is written below, set-based,
        // in the order of the applications' ids as both databases sort them (SQLite their text, PostgreSQL their bytes, which is
        // the order of Guid.CompareTo): the UPDATE then walks the table's B-tree, and the history's index on the application
        // grows, in order, instead of jumping to a random page for each of a département's 30,000 (docs/performance.md).
        var inIdOrder = plan.Examined.OrderBy(e => e.Application.Id.Value).ToList();
        var changes = new List<(object, StatusChange)>(plan.Examined.Count);
        foreach (var examined in inIdOrder)
        {
            var moved = examined.Application.MoveToCommittee(now, access.UserId);
            if (!moved.IsSuccess) return Outcome<int>.Failure(moved.Problems);
            changes.Add((examined.Application.Id, moved.Value));
        }
        times.Step("plan+moves");
        // The scores, the entries' stored breakdowns, then the instance's JSON (megabytes in a département) are computed on the
        // thread pool while this thread moves the applications: the writes that need them come last.
        var built = Task.Run(() =>
        {
            var snapshot = plan.Build(grid, CommissionDisplay.DayOf);
            var (entries, table) = EntriesOf(session.Id, snapshot.Entries);
            return (Snapshot: snapshot, Entries: entries, Table: table.ToJson());
        }, ct);
        // Compressed there too, as the database stores it (StoredJson): SaveChanges then finds the bytes ready.
        var instanceJson = Task.Run(async () => RunRecord.StoredInstanceJson((await built).Snapshot.Instance), ct);
        // Indexed for the engine meanwhile too: the runs that follow on this node start from it (FrozenInstances).
        var prepared = Task.Run(async () => Engine.AllocationEngine.Prepare((await built).Snapshot.Instance), ct);
        // And the engine's first proposal, calcul n° 1, stored with the snapshot: the member reviews it as the freeze ends.
        var firstRun = Task.Run(async () =>
        {
            var instance = await prepared;
            return RunOutput.Of(instance.Instance, instance.Solve(), []);
        }, ct);
        audit.Record(CommissionAudit.Frozen, CommissionAudit.EntityType, session.Id.ToString(),
            $"{plan.Examined.Count} demandes, {plan.Sections.Sum(s => s.Capacity)} places, grille n° {grid.Version}, âges au {plan.AgeOn:dd/MM/yyyy}");

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            // The session first: a second member freezing at the same time is stopped by its version before the bulk work.
            await db.SaveChangesAsync(ct);
            times.Step("save");
            var inCommittee = await MoveToCommitteeAsync(inIdOrder, ct);
            times.Step("update");
            if (inCommittee != plan.Examined.Count) return Problem.Of("commission-concurrency", "");
            await db.InsertOwnedAsync(changes, ct);
            times.Step("status changes");
            var (_, entries, table) = await built;
            times.Step("wait for the scores");
            await db.InsertManyAsync(entries, ct);
            times.Step("entries");
            db.CommissionSnapshots.Add(new CommissionSnapshot
            {
                SessionId = session.Id, InstanceJson = await instanceJson, ScoreTableJson = table, GridVersion = grid.Version,
                AgeOn = plan.AgeOn, FrozenAt = now, FrozenBy = access.UserId, NoticedUpTo = 0, NoticesQueuedAt = null,
            });
            var first = await firstRun;
            var run = Record(session, number: 1, first, [], forced: 0);
            times.Step("wait for the first run");
            await db.SaveChangesAsync(ct);
            times.Step("snapshot+run rows");
            await transaction.CommitAsync(ct);
            times.Step("commit");
            times.Done();
            frozenInstances.Keep(session.Id, now, prepared);
            recentRuns.Add(run, first.Result);
        }
        catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException)
        {
            // A concurrency token (session), a unique index (entries): someone else acted meanwhile.
            return Problem.Of("commission-concurrency", "");
        }
        // The applications moved by ExecuteUpdate and raw SQL: the observatory's snapshots are stale (after the commit, see IndicatorDataChanges).
        await Data.Observatory.IndicatorDataChanges.MarkAsync(db, CancellationToken.None);
        // The families' notices: written by the job, from the committed entries (a batch per transaction, each family once).
        notices.Wake();
        return plan.Examined.Count;
    }

    /// <summary>The session's entries, each with its score breakdowns as stored against the session's table (<see cref="StoredScores"/>).</summary>
    private static (CommissionEntry[] Entries, ScoreTable Table) EntriesOf(CommissionSessionId session, IReadOnlyList<SnapshotEntry> snapshot)
    {
        var (scores, table) = StoredScores.WriteSession([.. snapshot.Select(e => e.Scores)]);
        var entries = new CommissionEntry[snapshot.Count];
        for (var i = 0; i < entries.Length; i++)
        {
            var entry = snapshot[i];
            entries[i] = new CommissionEntry
            {
                SessionId = session, ApplicationId = entry.Application.Id, InstanceId = entry.InstanceId, StatusBefore = entry.Application.Status,
                ApplicationVersion = entry.Application.Version, ScoresJson = scores[i],
            };
        }
        return (entries, table);
    }

    /// <summary>
    /// What the freeze reads of the examined applications (<see cref="ExaminedApplication"/>): not their events nor the guardians'
    /// names, which <see cref="Application"/> would bring with it, nor their status history. Four flat queries, grouped here: the
    /// applications, with the version the freeze's UPDATE matches, their wishes, guardians' situations and the instant of their
    /// last status change. An application changed while they run has moved its version: the freeze then saves nothing
    /// (<see cref="MoveToCommitteeAsync"/>); rows of an application that became examinable meanwhile are ignored. So the four
    /// need not see the same instant, and run at once, the three child reads each on a context (and connection) of its own: a
    /// département's 300,000 rows are read on both cores. EF Core writes the SQL; the rows are read by <see cref="ColumnReader"/>,
    /// each value through the model's type mapping and converter, which costs a fraction of EF Core's materialization per row
    /// (docs/performance.md).
    /// </summary>
    private async Task<List<ExaminedApplication>> ExaminedAsync(Func<BerceauDbContext, IQueryable<Application>> examined, CancellationToken ct)
    {
        IQueryable<Application> Query(BerceauDbContext context) => examined(context).AsNoTracking();
        var type = db.Model.FindEntityType(typeof(Application))!;
        Microsoft.EntityFrameworkCore.Metadata.IProperty Of(Microsoft.EntityFrameworkCore.Metadata.IEntityType entity, string name) => entity.FindProperty(name)!;
        Microsoft.EntityFrameworkCore.Metadata.IEntityType Owned(string navigation) => type.FindNavigation(navigation)!.TargetEntityType;
        var idColumn = Of(type, nameof(Application.Id));
        var id = ColumnReader.For<Domain.Applications.ApplicationId>(idColumn);

        var wish = Owned(nameof(Application.Wishes));
        var rank = ColumnReader.For<int>(Of(wish, nameof(Wish.Rank)));
        var facility = ColumnReader.For<FacilityId?>(Of(wish, nameof(Wish.FacilityId)));
        var wishes = OnOwnContextAsync(async own =>
        {
            var rows = new List<(Domain.Applications.ApplicationId Id, int Rank, FacilityId? Facility)>();
            await own.ReadEachAsync(Query(own).SelectMany(a => a.Wishes, (a, w) => new { a.Id, w.Rank, w.FacilityId }),
                [idColumn, Of(wish, nameof(Wish.Rank)), Of(wish, nameof(Wish.FacilityId))], r => rows.Add((id(r, 0), rank(r, 1), facility(r, 2))), ct);
            return Collect(rows, w => w.Id, w => w.Rank, w => w.Facility);
        });

        var guardian = Owned(nameof(Application.Guardians));
        var guardianRank = ColumnReader.For<int>(Of(guardian, nameof(Guardian.Rank)));
        var situation = ColumnReader.For<GuardianSituation?>(Of(guardian, nameof(Guardian.Situation)));
        var guardians = OnOwnContextAsync(async own =>
        {
            var rows = new List<(Domain.Applications.ApplicationId Id, int Rank, GuardianSituation? Situation)>();
            await own.ReadEachAsync(Query(own).SelectMany(a => a.Guardians, (a, g) => new { a.Id, g.Rank, g.Situation }),
                [idColumn, Of(guardian, nameof(Guardian.Rank)), Of(guardian, nameof(Guardian.Situation))],
                r => rows.Add((id(r, 0), guardianRank(r, 1), situation(r, 2))), ct);
            return Collect(rows, g => g.Id, g => g.Rank, g => g.Situation);
        });

        // Not the status history: the move is checked from the status and the last change's instant (ExaminedApplication).
        var change = Owned(nameof(Application.StatusChanges));
        var at = ColumnReader.For<DateTimeOffset>(Of(change, nameof(StatusChange.At)));
        var lastChanges = OnOwnContextAsync(async own =>
        {
            var rows = new Dictionary<Domain.Applications.ApplicationId, DateTimeOffset>();
            await own.ReadEachAsync(Query(own).SelectMany(a => a.StatusChanges, (a, c) => new { a.Id, c.At }).GroupBy(c => c.Id)
                    .Select(g => new { Id = g.Key, At = g.Max(c => c.At) }),
                [idColumn, Of(change, nameof(StatusChange.At))], r => rows[id(r, 0)] = at(r, 1), ct);
            return rows;
        });

        var applications = await ApplicationsAsync(Query(db), type, id, ct);
        var (wishesOf, situationsOf, lastChangeOf) = (await wishes, await guardians, await lastChanges);
        return [.. applications.Select(a => a with
        {
            Wishes = wishesOf.GetValueOrDefault(a.Id) ?? [],
            GuardianSituations = situationsOf.GetValueOrDefault(a.Id) ?? [],
            LastStatusChangeAt = lastChangeOf.TryGetValue(a.Id, out var last) ? last : null,
        })];
    }

    /// <summary>The examined applications' own columns (the first of the freeze's four reads, on the request's context).</summary>
    private async Task<List<ExaminedApplication>> ApplicationsAsync(IQueryable<Application> query, Microsoft.EntityFrameworkCore.Metadata.IEntityType type,
        Func<System.Data.Common.DbDataReader, int, Domain.Applications.ApplicationId> id, CancellationToken ct)
    {
        string[] names = [nameof(Application.Id), nameof(Application.Reference), nameof(Application.FamilyUserId), nameof(Application.CommuneCode),
            nameof(Application.Status), nameof(Application.Version), nameof(Application.CreatedAt), nameof(Application.SubmittedAt), nameof(Application.ErasedAt),
            nameof(Application.ChildFirstName), nameof(Application.ChildBirthDate), nameof(Application.ChildExpectedBirthDate), nameof(Application.SectorId),
            nameof(Application.DisabledMemberInHousehold), nameof(Application.ReceivesSocialMinimum), nameof(Application.QuotientFamilial),
            nameof(Application.SocialSupport), nameof(Application.SiblingFacilities), nameof(Application.PartnerEmployerFacilities)];
        var columns = names.Select(n => type.FindProperty(n)!).ToList();
        var text = ColumnReader.For<string>(columns[1]);
        var optionalText = ColumnReader.For<string?>(columns[2]);
        var status = ColumnReader.For<ApplicationStatus>(columns[4]);
        var version = ColumnReader.For<int>(columns[5]);
        var instant = ColumnReader.For<DateTimeOffset>(columns[6]);
        var optionalInstant = ColumnReader.For<DateTimeOffset?>(columns[7]);
        var date = ColumnReader.For<DateOnly?>(columns[10]);
        var sector = ColumnReader.For<Guid?>(columns[12]);
        var flag = ColumnReader.For<bool>(columns[13]);
        var quotient = ColumnReader.For<decimal?>(columns[15]);
        var facilities = ColumnReader.For<IReadOnlyList<FacilityId>>(columns[17]);
        var applications = new List<ExaminedApplication>();
        await db.ReadEachAsync(query.Select(a => new
        {
            a.Id, a.Reference, a.FamilyUserId, a.CommuneCode, a.Status, a.Version, a.CreatedAt, a.SubmittedAt, a.ErasedAt,
            a.ChildFirstName, a.ChildBirthDate, a.ChildExpectedBirthDate, a.SectorId, a.DisabledMemberInHousehold, a.ReceivesSocialMinimum,
            a.QuotientFamilial, a.SocialSupport, a.SiblingFacilities, a.PartnerEmployerFacilities,
        }), columns, r => applications.Add(new ExaminedApplication
        {
            Id = id(r, 0), Reference = text(r, 1), FamilyUserId = optionalText(r, 2), CommuneCode = text(r, 3), Status = status(r, 4), Version = version(r, 5),
            CreatedAt = instant(r, 6), SubmittedAt = optionalInstant(r, 7), ErasedAt = optionalInstant(r, 8),
            ChildFirstName = optionalText(r, 9), ChildBirthDate = date(r, 10), ChildExpectedBirthDate = date(r, 11), SectorId = sector(r, 12),
            DisabledMemberInHousehold = flag(r, 13), ReceivesSocialMinimum = flag(r, 14), QuotientFamilial = quotient(r, 15), SocialSupport = flag(r, 16),
            SiblingFacilities = facilities(r, 17), PartnerEmployerFacilities = facilities(r, 18),
        }), ct);
        return applications;
    }

    /// <summary>A read on a context of its own (its own connection), started on the thread pool: it runs beside the request's.</summary>
    private Task<T> OnOwnContextAsync<T>(Func<BerceauDbContext, Task<T>> read) => Task.Run(async () =>
    {
        await using var scope = scopes.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<BerceauDbContext>());
    });

    /// <summary>Rows of an owned collection by owner, each owner's in the order of <paramref name="rank"/>.</summary>
    private static Dictionary<Domain.Applications.ApplicationId, List<TValue>> Collect<TRow, TValue>(List<TRow> rows,
        Func<TRow, Domain.Applications.ApplicationId> owner, Func<TRow, int> rank, Func<TRow, TValue> value)
    {
        var byOwner = new Dictionary<Domain.Applications.ApplicationId, List<(int Rank, TValue Value)>>();
        foreach (var row in rows)
        {
            if (!byOwner.TryGetValue(owner(row), out var list)) byOwner[owner(row)] = list = new(6);
            list.Add((rank(row), value(row)));
        }
        var collected = new Dictionary<Domain.Applications.ApplicationId, List<TValue>>(byOwner.Count);
        foreach (var (id, list) in byOwner)
        {
            // A handful of rows each, usually in order already: an insertion sort (stable: equal ranks keep the database's order).
            for (var i = 1; i < list.Count; i++)
            {
                var row = list[i];
                var j = i - 1;
                for (; j >= 0 && list[j].Rank > row.Rank; j--) list[j + 1] = list[j];
                list[j + 1] = row;
            }
            var values = new List<TValue>(list.Count);
            foreach (var (_, item) in list) values.Add(item);
            collected[id] = values;
        }
        return collected;
    }

    /// <summary>
    /// The examined applications to « en commission », each one only at the version the freeze read, its version moved as
    /// <see cref="Application.Move"/> moves it, set-based (<see cref="BulkUpdate"/>). Returns the number of applications moved.
    /// </summary>
    private Task<int> MoveToCommitteeAsync(IReadOnlyList<InstanceSnapshot.PlannedEntry> examined, CancellationToken ct) =>
        db.SetAtVersionsAsync<Application, ApplicationStatus>([.. examined.Select(e => ((object)e.Application.Id, e.Application.Version))],
            a => a.Status, ApplicationStatus.InCommittee, ct);

    /// <summary>Solves the frozen instance with the active overrides and stores the run (see <see cref="CommissionRun"/>).</summary>
    public async Task<Outcome<CommissionRun>> RunAsync(CommissionSession session, CancellationToken ct)
    {
        times.Start("run");
        var run = await NewRunAsync(session, extra: null, ct);
        if (!run.IsSuccess) return Outcome<CommissionRun>.Failure(run.Problems);
        var saved = await SaveRunAsync(run.Value, ct);
        times.Step("save");
        times.Done();
        return saved;
    }

    /// <summary>Replays a stored run and writes the verdict in the audit log.</summary>
    public async Task<ReplayReport?> ReplayAsync(CommissionSession session, int number, CancellationToken ct)
    {
        var snapshot = await queries.SnapshotAsync(session.Id, ct);
        var run = await queries.RunAsync(session.Id, number, ct);
        if (snapshot is null || run is null) return null;
        var report = RunRecord.Replay(snapshot, run);
        audit.Record(CommissionAudit.Replayed, CommissionAudit.EntityType, session.Id.ToString(),
            $"calcul n° {number} : {(report.Identical ? "identique" : "DIFFÉRENT")} ({report.ReplayedHash})");
        await db.SaveChangesAsync(ct);
        return report;
    }

    /// <summary>Records an override, checked by applying it to the instance, and runs again with it.</summary>
    public async Task<Outcome<CommissionRun>> AddOverrideAsync(CommissionSession session, OverrideInput input, CancellationToken ct)
    {
        var entries = await queries.EntriesAsync(session.Id, ct);
        var entry = entries.FirstOrDefault(e => e.InstanceId == input.Application?.Trim());
        var kind = input.Kind switch { nameof(OverrideKind.Force) => OverrideKind.Force, nameof(OverrideKind.Exclude) => OverrideKind.Exclude, _ => (OverrideKind?)null };
        var problems = new List<Problem>();
        if (entry is null) problems.Add(Problem.Of("commission-override-application", nameof(input.Application)));
        if (kind is null) problems.Add(Problem.Of("unknown-value", nameof(input.Kind)));
        var target = (input.Target ?? "").Split(':');
        Guid? facility = Guid.TryParse(target[0], out var f) ? f : null;
        Guid? section = target.Length > 1 && Guid.TryParse(target[1], out var s) ? s : null;
        if (facility is null || (kind == OverrideKind.Force && section is null))
            problems.Add(Problem.Of(kind == OverrideKind.Force ? "commission-override-section" : "unknown-value", nameof(input.Target)));
        if (problems.Count > 0) return Outcome<CommissionRun>.Failure(problems);

        var created = CommissionOverride.Create(session, kind!.Value, entry!.ApplicationId, new FacilityId(facility!.Value), section,
            input.Reason, access.Now, access.UserId);
        if (!created.IsSuccess) return Outcome<CommissionRun>.Failure(created.Problems);
        var run = await NewRunAsync(session, created.Value, ct);
        if (!run.IsSuccess) return Outcome<CommissionRun>.Failure(run.Problems);
        db.CommissionOverrides.Add(created.Value);
        audit.Record(CommissionAudit.OverrideAdded, CommissionAudit.EntityType, session.Id.ToString(),
            $"{(kind == OverrideKind.Force ? "placement d’office" : "exclusion")} de {entry.InstanceId} ({input.Target}) : {created.Value.Reason}");
        return await SaveRunAsync(run.Value, ct);
    }

    public async Task<Outcome<CommissionRun>> WithdrawOverrideAsync(CommissionSession session, Guid overrideId, CancellationToken ct)
    {
        var found = (await queries.OverridesAsync(session.Id, tracked: true, ct)).FirstOrDefault(o => o.Id == overrideId);
        if (found is null) return Problem.Of("not-found", "");
        var withdrawn = found.Withdraw(session, access.Now, access.UserId);
        if (!withdrawn.IsSuccess) return Outcome<CommissionRun>.Failure(withdrawn.Problems);
        var run = await NewRunAsync(session, extra: null, ct);
        if (!run.IsSuccess) return Outcome<CommissionRun>.Failure(run.Problems);
        audit.Record(CommissionAudit.OverrideWithdrawn, CommissionAudit.EntityType, session.Id.ToString(), $"{found.Id} : {found.Reason}");
        return await SaveRunAsync(run.Value, ct);
    }

    /// <summary>
    /// The president validates the latest run: the proposal becomes the commission's decision, and every application it leaves
    /// without a place is handed to the « zéro sans solution » follow-up (a case is opened, in the same unit of work).
    /// </summary>
    public async Task<Outcome<bool>> ValidateAsync(CommissionSession session, CancellationToken ct)
    {
        var latest = await queries.LatestRunAsync(session.Id, ct);
        if (latest is null) return Problem.Of("commission-no-run", "");
        var validated = session.Validate(latest.Id, access.Now, access.UserId);
        if (!validated.IsSuccess) return validated;
        audit.Record(CommissionAudit.Validated, CommissionAudit.EntityType, session.Id.ToString(), $"calcul n° {latest.Number} ({latest.InstanceHash})");
        var outcome = SessionOutcome.Build(session, await queries.ScopeFacilitiesAsync(session, ct), await queries.EntriesAsync(session.Id, ct),
            await queries.ScoreTableAsync(session.Id, ct), latest);
        var opened = await followUps.OpenForUnplacedAsync(session, outcome.Unplaced.Select(e => e.ApplicationId), access.Now, access.UserId, ct);
        audit.Record(CommissionAudit.FollowUpOpened, CommissionAudit.EntityType, session.Id.ToString(),
            $"{opened} dossiers de suivi ouverts pour {outcome.Unplaced.Count()} demandes sans place");
        return await SaveAsync(true, ct);
    }

    /// <summary>
    /// Builds a run from the snapshot and the active overrides (plus <paramref name="extra"/>, not saved yet), solves it and adds it
    /// to the unit of work. An override that cannot apply (no seat left, a wish that is not there) is refused here.
    /// </summary>
    private async Task<Outcome<SolvedRun>> NewRunAsync(CommissionSession session, CommissionOverride? extra, CancellationToken ct)
    {
        if (!session.AcceptsRuns) return Problem.Of("commission-not-frozen", "", session.Status.Label());
        var frozen = await FrozenInstanceAsync(session.Id, ct);
        var overrides = (await queries.OverridesAsync(session.Id, tracked: false, ct)).Where(o => o.IsActive && !IsWithdrawnNow(o)).ToList();
        if (extra is not null) overrides.Add(extra);
        // The instance ids of the applications the decisions name, not of all of them (tens of thousands in a département).
        var entries = overrides.Count == 0 ? new Dictionary<Domain.Applications.ApplicationId, string>()
            : await queries.InstanceIdsAsync(session.Id, [.. overrides.Select(o => o.ApplicationId)], ct);
        times.Step("read snapshot+entries");
        var applied = overrides.Select(o => new AppliedOverride(o.Id, o.Kind, entries[o.ApplicationId], o.FacilityId.Value, o.SectionId, o.Reason, o.By, o.At)).ToList();

        var prepared = await frozen;
        times.Step("prepared instance");
        // Without a decision, the engine's instance is the frozen one, already indexed.
        var transformed = applied.Count == 0 ? new TransformedInstance(prepared.Instance, [], []) : OverrideTransform.Apply(prepared.Instance, applied);
        if (!transformed.IsSuccess) return Outcome<SolvedRun>.Failure(transformed.Problems);
        times.Step("transform");
        var output = RunOutput.Of(transformed.Value.Instance, applied.Count == 0 ? prepared.Solve() : Engine.AllocationEngine.Solve(transformed.Value.Instance), applied);
        times.Step("solve+json");
        var number = (await db.CommissionRuns.Where(r => r.SessionId == session.Id).MaxAsync(r => (int?)r.Number, ct) ?? 0) + 1;
        // The session's version moves with every run: two members running at once, the second is told to reload.
        session.Version++;
        return new SolvedRun(Record(session, number, output, applied, transformed.Value.Forced.Count), output.Result);
    }

    /// <summary>A run added to the unit of work, with the engine's result it was written from.</summary>
    private sealed record SolvedRun(CommissionRun Run, Engine.Result Result);

    /// <summary>A run's engine result and the texts stored with it, computed (and the large ones compressed, StoredJson) before its row is written: on the thread pool at the freeze.</summary>
    private sealed record RunOutput(Engine.Result Result, string? InstanceJson, string SectionsJson, string ResultJson)
    {
        /// <summary>
        /// Without a decision, the engine's instance is the frozen one and its bytes are the snapshot's: the run points to them
        /// (a replay checks they are what the instance writes, RunRecord.Replay) instead of storing tens of megabytes again.
        /// </summary>
        public static RunOutput Of(Engine.Instance instance, Engine.Result result, IReadOnlyList<AppliedOverride> applied) =>
            new(result, applied.Count == 0 ? null : RunRecord.StoredInstanceJson(instance), RunRecord.SectionsJson(instance), RunRecord.StoredResultJson(result));
    }

    /// <summary>The run's row, added to the unit of work, and its line in the audit log.</summary>
    private CommissionRun Record(CommissionSession session, int number, RunOutput output, IReadOnlyList<AppliedOverride> applied, int forced)
    {
        var result = output.Result;
        var run = new CommissionRun
        {
            SessionId = session.Id, Number = number, InstanceJson = output.InstanceJson, SectionsJson = output.SectionsJson,
            ResultJson = output.ResultJson, InstanceHash = result.InstanceHash, EngineVersion = RunRecord.EngineVersion,
            OverridesJson = RunRecord.OverridesJson(applied), ElapsedMs = result.Stats.ElapsedMs, At = access.Now, By = access.UserId,
        };
        db.CommissionRuns.Add(run);
        audit.Record(CommissionAudit.Run, CommissionAudit.EntityType, session.Id.ToString(),
            $"calcul n° {number} : {result.Stats.Assigned} placées par le moteur, {forced} d’office, {result.Unassigned.Count} sans place ; {result.InstanceHash} ; moteur {run.EngineVersion}");
        return run;
    }

    /// <summary>
    /// The session's frozen instance, prepared for the engine: kept by this node since the freeze or an earlier run
    /// (<see cref="FrozenInstances"/>), or read from the snapshot and prepared on the thread pool, then kept.
    /// </summary>
    private async Task<Task<Engine.PreparedInstance>> FrozenInstanceAsync(CommissionSessionId session, CancellationToken ct)
    {
        var frozenAt = await db.CommissionSnapshots.AsNoTracking().Where(s => s.SessionId == session).Select(s => (DateTimeOffset?)s.FrozenAt)
            .FirstOrDefaultAsync(ct) ?? throw new InvalidOperationException($"Session {session} frozen without snapshot.");
        if (frozenInstances.Find(session, frozenAt) is { } kept) return kept;
        var snapshot = await queries.SnapshotAsync(session, ct) ?? throw new InvalidOperationException($"Session {session} frozen without snapshot.");
        var prepared = Task.Run(() => Engine.AllocationEngine.Prepare(RunRecord.ReadInstance(snapshot.InstanceJson)));
        frozenInstances.Keep(session, frozenAt, prepared);
        return prepared;
    }

    /// <summary>An override withdrawn in this unit of work is tracked with its new state; the untracked copy does not know yet.</summary>
    private bool IsWithdrawnNow(CommissionOverride o) =>
        db.ChangeTracker.Entries<CommissionOverride>().Any(e => e.Entity.Id == o.Id && !e.Entity.IsActive);

    /// <summary>Saves a run, then has its view built on the thread pool for the review page that follows (<see cref="RecentRunViews"/>).</summary>
    private async Task<Outcome<CommissionRun>> SaveRunAsync(SolvedRun solved, CancellationToken ct)
    {
        var saved = await SaveAsync(solved.Run, ct);
        if (saved.IsSuccess) recentRuns.Add(solved.Run, solved.Result);
        return saved;
    }

    private async Task<Outcome<T>> SaveAsync<T>(T result, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return result;
        }
        catch (DbUpdateException)
        {
            // A concurrency token (session, application) or the unique run number: someone else acted meanwhile.
            return Problem.Of("commission-concurrency", "");
        }
    }
}
