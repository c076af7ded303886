using Berceau.Data;
using Berceau.Data.Identity;
using Berceau.Domain.Access;
using Berceau.Domain.Commission;
using Berceau.Web.Features.Offer.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Commission;

/// <summary>
/// Members as the forms write them: the president's e-mail, then the other members' e-mails one a line. Each must be an
/// active staff account; families and unknown addresses are refused by name. Used by the creation and by the members page.
/// </summary>
public sealed class MemberDirectory(BerceauDbContext db, UserManager<BerceauUser> users)
{
    /// <summary>The members read from the form; problems go to <paramref name="read"/>, on the field of the faulty line.</summary>
    internal async Task<List<CommissionMember>> ReadAsync(string? president, string? members, InputReader read,
        string presidentField, string membersField)
    {
        var list = new List<CommissionMember>();
        var chair = await StaffAsync(president, presidentField, read);
        if (chair is not null) list.Add(new CommissionMember(chair, CommissionRole.President));
        else if (string.IsNullOrWhiteSpace(president)) read.Add("commission-one-president", presidentField);
        foreach (var line in (members ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var member = await StaffAsync(line, membersField, read);
            if (member is not null && list.All(m => m.UserId != member)) list.Add(new CommissionMember(member, CommissionRole.Member));
        }
        return list;
    }

    /// <summary>The session's members as the form shows them: the president's e-mail, the others' one a line.</summary>
    public async Task<(string President, string Members)> EmailsAsync(CommissionSession session, CancellationToken ct)
    {
        var ids = session.Members.Select(m => m.UserId).ToList();
        var emails = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email ?? "", ct);
        string Email(CommissionMember m) => emails.GetValueOrDefault(m.UserId, "");
        return (string.Join("", session.Members.Where(m => m.Role == CommissionRole.President).Select(Email)),
            string.Join("\n", session.Members.Where(m => m.Role != CommissionRole.President).Select(Email).Where(e => e.Length > 0)));
    }

    private async Task<string?> StaffAsync(string? email, string field, InputReader read)
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
