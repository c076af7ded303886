using Berceau.Data;
using Berceau.Domain.Commission;
using Berceau.Domain.Common;
using Berceau.Domain.Offer;
using Berceau.Web.Infrastructure;

namespace Berceau.Web.Features.Commission;

/// <summary>The creation form: dates as typed, members by e-mail (one a line), structures chosen (none = all of the commune).</summary>
public sealed record SessionInput
{
    public string? CommuneCode { get; set; }
    public string? Title { get; set; }
    public string? MeetingDate { get; set; }
    public string? FreezeDate { get; set; }
    public string? President { get; set; }
    public string? Members { get; set; }
    public List<Guid> Facilities { get; set; } = [];
}

/// <summary>Creates a session for a commune of the agent's territory, with its members (staff accounts, found by e-mail).</summary>
public sealed class CreateSession(BerceauDbContext db, CommissionAccess access, CommissionQueries queries, MemberDirectory directory, AuditLog audit)
{
    public async Task<Outcome<CommissionSession>> CreateAsync(SessionInput input, CancellationToken ct)
    {
        var read = new Offer.Staff.InputReader();
        var commune = input.CommuneCode ?? "";
        if (!await access.CanPrepareAsync(commune, ct)) read.Add("commission-commune", nameof(input.CommuneCode));
        var meeting = read.Date(input.MeetingDate, nameof(input.MeetingDate));
        var freeze = read.Date(input.FreezeDate, nameof(input.FreezeDate));
        var members = await directory.ReadAsync(input.President, input.Members, read, nameof(input.President), nameof(input.Members));

        var problems = read.Problems.ToList();
        var created = CommissionSession.Create(new CommissionSessionDraft(commune, [.. input.Facilities.Select(id => new FacilityId(id))],
            input.Title, meeting, freeze), access.Now, access.UserId);
        problems.AddRange(created.Problems.Where(p => !read.HasProblem(p.Field)));
        if (problems.Count > 0) return Outcome<CommissionSession>.Failure(problems);

        var session = created.Value;
        var scope = await queries.ScopeFacilitiesAsync(session, ct);
        if (session.Facilities.Count > 0 && scope.Count != session.Facilities.Count) return Problem.Of("commission-facilities-changed", nameof(input.Facilities));
        var set = session.SetMembers(members);
        if (!set.IsSuccess) return Outcome<CommissionSession>.Failure([.. set.Problems.Select(p => p with { Field = nameof(input.President) })]);
        db.CommissionSessions.Add(session);
        audit.Record(CommissionAudit.Created, CommissionAudit.EntityType, session.Id.ToString(),
            $"{session.Title} ({session.CommuneCode}), gel le {session.FreezeDate:dd/MM/yyyy}, réunion le {session.MeetingDate:dd/MM/yyyy}, {members.Count} membres");
        await db.SaveChangesAsync(ct);
        return session;
    }
}
