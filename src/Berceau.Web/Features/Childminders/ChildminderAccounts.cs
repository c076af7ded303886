using System.Security.Cryptography;
using System.Text;
using Berceau.Data;
using Berceau.Data.Identity;
using Berceau.Domain.Access;
using Berceau.Domain.Childminders;
using Berceau.Domain.Common;
using Berceau.Domain.Offer;
using Berceau.Web.Features.Account;
using Berceau.Web.Features.Notifications;
using Berceau.Web.Features.Offer;
using Berceau.Web.Features.Shared;
using Berceau.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Berceau.Web.Features.Childminders;

/// <summary>What a childminder types to create an account, on invitation or on their own.</summary>
public sealed record ChildminderAccountInput
{
    public string? Name { get; init; }
    public string? Email { get; init; }
    public string? Password { get; init; }
    public string? ConfirmPassword { get; init; }
    public string? CommuneCode { get; init; }
    public string? AgrementNumber { get; init; }
    public bool AcceptsNotice { get; init; }
}

/// <summary>
/// How an assistant·e maternel·le gets an account attached to their agrément: invited by the relais of the commune (a
/// single-use link sent by e-mail), or registered on their own with the agrément number, then checked by an agent of the
/// commune. Every step is audited; e-mails leave through the outbox with the change they are about.
/// </summary>
public sealed class ChildminderAccounts(
    BerceauDbContext db,
    UserManager<BerceauUser> users,
    Notifier notifier,
    AuditLog audit,
    TimeProvider clock,
    IOptions<DeploymentOptions> deployment)
{
    public const string InvitationPath = "/am/invitation";
    public const int MinReasonLength = 5;

    public static bool IsChildminderMode(CareMode mode) => mode is CareMode.AssistantMaternel or CareMode.Mam;

    /// <summary>The relais (an agent or admin whose territory covers the commune) invites the childminder of a facility.</summary>
    public async Task<Outcome<ChildminderInvitation>> InviteAsync(StaffMember agent, Facility facility, string? email, CancellationToken ct)
    {
        if (!CanManage(agent, facility.CommuneCode) || !IsChildminderMode(facility.Mode))
            return Problem.Of("forbidden", "");
        var address = email?.Trim() ?? "";
        var problem = EmailAddress.Problem(address, nameof(ChildminderAccountInput.Email));
        if (problem is not null) return problem;

        var secret = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow();
        var invitation = new ChildminderInvitation
        {
            FacilityId = facility.Id,
            CommuneCode = facility.CommuneCode,
            Email = address,
            SecretHash = Hash(secret),
            CreatedAt = now,
            ExpiresAt = now + ChildminderInvitation.Lifetime,
            InvitedBy = agent.Name,
        };
        db.ChildminderInvitations.Add(invitation);
        await notifier.QueueAsync(new Recipient(address),
            ChildminderEmails.Invitation(deployment.Value.Name, facility.Name, facility.CommuneCode, $"{InvitationPath}?code={secret}"),
            $"{ChildminderEmails.InvitationKind}:{invitation.Id}", ct);
        audit.Record(ChildminderAudit.Invited, FacilityAudit.EntityType, facility.Id.ToString(), $"invitation {invitation.Id} envoyée à {address}");
        await db.SaveChangesAsync(ct);
        return invitation;
    }

    /// <summary>The invitation a link's secret opens, if it can still be used.</summary>
    public async Task<ChildminderInvitation?> FindUsableInvitationAsync(string? secret, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(secret) || secret.Length > 100) return null;
        var hash = Hash(secret.Trim());
        var invitation = await db.ChildminderInvitations.FirstOrDefaultAsync(i => i.SecretHash == hash, ct);
        return invitation is not null && invitation.IsUsable(clock.GetUtcNow()) ? invitation : null;
    }

    /// <summary>Creates the account of an invitation: the e-mail is the invitation's (the link proved it), attached to its facility.</summary>
    public async Task<Outcome<BerceauUser>> AcceptInvitationAsync(string? secret, ChildminderAccountInput input, CancellationToken ct)
    {
        var invitation = await FindUsableInvitationAsync(secret, ct);
        if (invitation is null) return Problem.Of("am-invitation-invalid", "");
        var problems = new List<Problem>();
        if (string.IsNullOrWhiteSpace(input.Name)) problems.Add(Problem.Of("am-name-required", nameof(input.Name)));
        else if (input.Name.Trim().Length > 100) problems.Add(Problem.Of("too-long", nameof(input.Name), 100));
        problems.AddRange(await PasswordProblemsAsync(invitation.Email, input));
        if (problems.Count > 0) return Outcome<BerceauUser>.Failure(problems);
        if (await users.FindByEmailAsync(invitation.Email) is not null)
            return Problem.Of("am-invitation-account-exists", "");

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var user = NewUser(invitation.Email, input.Name!.Trim(), confirmed: true);
        var created = await users.CreateAsync(user, input.Password!);
        if (!created.Succeeded)
            return Outcome<BerceauUser>.Failure([.. created.Errors.Select(e => new Problem(e.Code, nameof(input.Password), e.Description))]);
        await AddRoleAsync(user);
        var now = clock.GetUtcNow();
        // Spent in the same transaction as the account: a second click on the link finds it used.
        if (!invitation.Use(user.Id, now)) return Problem.Of("am-invitation-invalid", "");
        db.UserGrants.Add(new UserGrant { UserId = user.Id, FacilityId = invitation.FacilityId.Value });
        audit.Record(ChildminderAudit.InvitationUsed, ChildminderAudit.InvitationEntity, invitation.Id.ToString(), $"compte {user.Id}");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return user;
    }

    /// <summary>
    /// Self-registration: an account that opens nothing until an agent attaches its agrément, and whose address must be
    /// confirmed as a family's. A known address gets the same answer and no new account (no enumeration).
    /// </summary>
    public async Task<IReadOnlyList<Problem>> RegisterAsync(ChildminderAccountInput input, IReadOnlySet<string> communes, CancellationToken ct)
    {
        var email = input.Email?.Trim() ?? "";
        var problems = new List<Problem>();
        if (string.IsNullOrWhiteSpace(input.Name)) problems.Add(Problem.Of("am-name-required", nameof(input.Name)));
        else if (input.Name.Trim().Length > 100) problems.Add(Problem.Of("too-long", nameof(input.Name), 100));
        if (EmailAddress.Problem(email, nameof(input.Email)) is { } bad) problems.Add(bad);
        problems.AddRange(await PasswordProblemsAsync(email, input));
        if (string.IsNullOrWhiteSpace(input.CommuneCode) || !communes.Contains(input.CommuneCode))
            problems.Add(Problem.Of("am-commune-required", nameof(input.CommuneCode)));
        if (string.IsNullOrWhiteSpace(input.AgrementNumber)) problems.Add(Problem.Of("am-agrement-required", nameof(input.AgrementNumber)));
        else if (input.AgrementNumber.Trim().Length > 50) problems.Add(Problem.Of("too-long", nameof(input.AgrementNumber), 50));
        if (!input.AcceptsNotice) problems.Add(Problem.Of("notice-required", nameof(input.AcceptsNotice)));
        if (problems.Count > 0) return problems;

        if (await users.FindByEmailAsync(email) is not null) return [];
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var user = NewUser(email, input.Name!.Trim(), confirmed: false);
        var created = await users.CreateAsync(user, input.Password!);
        if (!created.Succeeded)
        {
            if (created.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)))
                return [];
            return [.. created.Errors.Select(e => new Problem(e.Code, nameof(input.Email), e.Description))];
        }
        await AddRoleAsync(user);
        var registration = new ChildminderRegistration
        {
            UserId = user.Id,
            Name = user.DisplayName,
            AgrementNumber = input.AgrementNumber!.Trim(),
            CommuneCode = input.CommuneCode!,
            CreatedAt = clock.GetUtcNow(),
        };
        db.ChildminderRegistrations.Add(registration);
        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        await notifier.QueueAsync(new Recipient(email, user.Id), AccountEmails.Confirmation(deployment.Value.Name, user.Id, token),
            AccountEmails.ConfirmationKey(user.Id, clock.GetUtcNow()), ct);
        audit.Record(ChildminderAudit.Registered, ChildminderAudit.RegistrationEntity, registration.Id.ToString(),
            $"agrément {registration.AgrementNumber}, commune {registration.CommuneCode}");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return [];
    }

    /// <summary>An agent of the commune attaches the registered account to the childminder's facility.</summary>
    public async Task<IReadOnlyList<Problem>> AcceptRegistrationAsync(StaffMember agent, ChildminderRegistration registration, int version,
        Guid? facilityId, CancellationToken ct)
    {
        if (!CanManage(agent, registration.CommuneCode)) return [Problem.Of("forbidden", "")];
        if (registration.Version != version) return [Problem.Of("concurrency", "")];
        if (registration.Status != RegistrationStatus.Pending) return [Problem.Of("am-registration-decided", "", registration.Status.Label())];
        var facility = facilityId is { } id ? await db.Facilities.AsNoTracking().FirstOrDefaultAsync(f => f.Id == new FacilityId(id), ct) : null;
        if (facility is null || facility.CommuneCode != registration.CommuneCode || !IsChildminderMode(facility.Mode))
            return [Problem.Of("am-facility-not-childminder", "FacilityId")];
        var user = await users.FindByIdAsync(registration.UserId);
        if (user?.Email is null) return [Problem.Of("not-found", "")];

        var now = clock.GetUtcNow();
        registration.Accept(facility.Id, agent.Name, now);
        db.UserGrants.Add(new UserGrant { UserId = registration.UserId, FacilityId = facility.Id.Value });
        await notifier.QueueAsync(new Recipient(user.Email, user.Id), ChildminderEmails.RegistrationAccepted(facility.Name, facility.CommuneCode),
            $"{ChildminderEmails.RegistrationKind}:{registration.Id}", ct);
        audit.Record(ChildminderAudit.RegistrationAccepted, ChildminderAudit.RegistrationEntity, registration.Id.ToString(), $"structure {facility.Id}");
        return await SaveAsync(ct);
    }

    public async Task<IReadOnlyList<Problem>> RefuseRegistrationAsync(StaffMember agent, ChildminderRegistration registration, int version,
        string? reason, CancellationToken ct)
    {
        if (!CanManage(agent, registration.CommuneCode)) return [Problem.Of("forbidden", "")];
        if (registration.Version != version) return [Problem.Of("concurrency", "")];
        if (registration.Status != RegistrationStatus.Pending) return [Problem.Of("am-registration-decided", "", registration.Status.Label())];
        var text = reason?.Trim() ?? "";
        if (text.Length < MinReasonLength) return [Problem.Of("am-refusal-reason", "Reason", MinReasonLength)];
        if (text.Length > ChildminderRegistration.MaxReasonLength) return [Problem.Of("too-long", "Reason", ChildminderRegistration.MaxReasonLength)];
        var user = await users.FindByIdAsync(registration.UserId);

        registration.Refuse(text, agent.Name, clock.GetUtcNow());
        if (user?.Email is not null)
            await notifier.QueueAsync(new Recipient(user.Email, user.Id), ChildminderEmails.RegistrationRefused(text, registration.CommuneCode),
                $"{ChildminderEmails.RegistrationKind}:{registration.Id}", ct);
        audit.Record(ChildminderAudit.RegistrationRefused, ChildminderAudit.RegistrationEntity, registration.Id.ToString(), text);
        return await SaveAsync(ct);
    }

    /// <summary>The relais's work: agents and admins whose territory covers the commune.</summary>
    public static bool CanManage(StaffMember user, string communeCode) => user.ManagesTerritory && user.Scope.CoversCommune(communeCode);

    private async Task<IReadOnlyList<Problem>> SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return [];
        }
        catch (DbUpdateConcurrencyException)
        {
            return [Problem.Of("concurrency", "")];
        }
    }

    private BerceauUser NewUser(string email, string name, bool confirmed) => new()
    {
        UserName = email,
        Email = email,
        EmailConfirmed = confirmed,
        DisplayName = name,
        CreatedAt = clock.GetUtcNow(),
        LockoutEnabled = true,
    };

    private async Task AddRoleAsync(BerceauUser user)
    {
        var role = await users.AddToRoleAsync(user, Roles.Childminder);
        if (!role.Succeeded)
            throw new InvalidOperationException("Rôle assistant maternel impossible à attribuer : " + string.Join(" ", role.Errors.Select(e => e.Description)));
    }

    private Task<List<Problem>> PasswordProblemsAsync(string email, ChildminderAccountInput input) =>
        NewPassword.ProblemsAsync(users, email, input.Password, input.ConfirmPassword, nameof(input.Password), nameof(input.ConfirmPassword));

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
