using Berceau.Data;
using Berceau.Data.Identity;
using Berceau.Domain.Access;
using Berceau.Domain.Commission;
using Berceau.Domain.Common;
using Berceau.Domain.Offer;
using Berceau.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;

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
public sealed class CreateSession(BerceauDbContext db, CommissionAccess access, CommissionQueries queries, UserManager<BerceauUser> users, AuditLog audit)
{
    public async Task<Outcome<CommissionSession>> CreateAsync(SessionInput input, CancellationToken ct)
    {
        var read = new Offer.Staff.InputReader();
        var commune = input.CommuneCode ?? "";
        if (!await access.CanPrepareAsync(commune, ct)) read.Add("commission-commune", nameof(input.CommuneCode));
        var meeting = read.Date(input.MeetingDate, nameof(input.MeetingDate));
        var freeze = read.Date(input.FreezeDate, nameof(input.FreezeDate));
        var members = new List<CommissionMember>();
        var president = await StaffAsync(input.President, nameof(input.President), read, ct);
        if (president is not null) members.Add(new CommissionMember(president, CommissionRole.President));
        else if (string.IsNullOrWhiteSpace(input.President)) read.Add("commission-one-president", nameof(input.President));
        foreach (var line in (input.Members ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var member = await StaffAsync(line, nameof(input.Members), read, ct);
            if (member is not null && members.All(m => m.UserId != member)) members.Add(new CommissionMember(member, CommissionRole.Member));
        }

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

    /// <summary>The id of the staff account with that e-mail; families and unknown addresses are refused by name.</summary>
    private async Task<string?> StaffAsync(string? email, string field, Offer.Staff.InputReader read, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(email)) return null;
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null || user.IsDisabled || !(await users.GetRolesAsync(user)).Any(Roles.IsStaff))
        {
            read.Add("commission-member-unknown", field, email.Trim());
            return null;
        }
        return user.Id;
    }
}
