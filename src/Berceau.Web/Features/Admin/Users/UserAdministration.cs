using System.Security.Cryptography;
using Berceau.Data;
using Berceau.Data.Identity;
using Berceau.Domain.Access;
using Berceau.Domain.Common;
using Berceau.Web.Features.Account;
using Berceau.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Admin.Users;

/// <summary>What the admin types for an account: who, which roles, and which part of the territory.</summary>
public sealed record UserInput
{
    public string? DisplayName { get; init; }
    /// <summary>Only when creating: the e-mail is the sign-in identifier and does not change afterwards.</summary>
    public string? Email { get; init; }
    public List<string> Roles { get; init; } = [];
    public string? Departement { get; init; }
    public List<string> Communes { get; init; } = [];
    public List<Guid> Facilities { get; init; } = [];
    /// <summary>Text typed to look for facilities to grant (not saved).</summary>
    public string? FacilitySearch { get; init; }
    /// <summary>Identity's concurrency stamp as the admin loaded it, to detect a concurrent change (edit only).</summary>
    public string? ConcurrencyStamp { get; init; }
}

public sealed record CreatedAccount(string Id, string Email, string DisplayName, string InitialPassword);

/// <summary>
/// Creates and changes accounts on behalf of an admin, within the admin's territory. Every change is written with its
/// audit line in one transaction; a change made meanwhile by someone else is detected with Identity's concurrency stamp.
/// </summary>
public sealed class UserAdministration(
    BerceauDbContext db,
    UserManager<BerceauUser> users,
    UserQueries queries,
    AuditLog audit,
    TimeProvider clock)
{
    public const int MaxNameLength = 200;
    public const int MaxEmailLength = 256;

    public async Task<IReadOnlyList<Problem>> ValidateAsync(AdminTerritory territory, UserInput input, bool isNew, CancellationToken ct = default)
    {
        var problems = new List<Problem>();
        var name = input.DisplayName?.Trim();
        if (string.IsNullOrEmpty(name))
            problems.Add(Problem.Of("display-name-required", nameof(UserInput.DisplayName)));
        else if (name.Length > MaxNameLength)
            problems.Add(Problem.Of("too-long", nameof(UserInput.DisplayName), MaxNameLength));

        if (isNew)
        {
            var email = input.Email?.Trim();
            if (string.IsNullOrEmpty(email))
                problems.Add(Problem.Of("email-required", nameof(UserInput.Email)));
            else if (email.Length > MaxEmailLength)
                problems.Add(Problem.Of("too-long", nameof(UserInput.Email), MaxEmailLength));
            else if (!EmailAddress.IsValid(email))
                problems.Add(Problem.Of("email-invalid", nameof(UserInput.Email)));
        }

        var roles = input.Roles.Distinct().ToList();
        if (roles.Count == 0)
            problems.Add(Problem.Of("role-required", nameof(UserInput.Roles)));
        else if (roles.Any(r => !Roles.All.Contains(r)))
            problems.Add(Problem.Of("unknown-value", nameof(UserInput.Roles)));
        else if (roles.Contains(Roles.Family) && roles.Any(Roles.IsStaff))
            problems.Add(Problem.Of("role-family-with-staff", nameof(UserInput.Roles)));

        var hasGrant = !string.IsNullOrEmpty(input.Departement) || input.Communes.Count > 0 || input.Facilities.Count > 0;
        if (!string.IsNullOrEmpty(input.Departement) && !territory.HasDepartement(input.Departement))
            problems.Add(Problem.Of("grant-out-of-scope", nameof(UserInput.Departement), input.Departement));
        if (input.Communes.FirstOrDefault(c => !territory.HasCommune(c)) is { } foreignCommune)
            problems.Add(Problem.Of("grant-out-of-scope", nameof(UserInput.Communes), foreignCommune));
        if (input.Facilities.Count > 0)
        {
            var communes = await queries.FacilityCommunesAsync(input.Facilities, ct);
            var foreign = input.Facilities.FirstOrDefault(id =>
                !communes.TryGetValue(id, out var commune) || !territory.Scope.CoversFacility(id, commune));
            if (foreign != Guid.Empty)
                problems.Add(Problem.Of("grant-out-of-scope", nameof(UserInput.Facilities), foreign));
        }
        if (roles.Any(Roles.IsStaff) && !hasGrant)
            problems.Add(Problem.Of("grant-required", nameof(UserInput.Departement)));
        if (roles.Contains(Roles.Family) && hasGrant)
            problems.Add(Problem.Of("grant-for-family", nameof(UserInput.Departement)));
        return problems;
    }

    public async Task<Outcome<CreatedAccount>> CreateAsync(AdminTerritory territory, UserInput input, CancellationToken ct = default)
    {
        var problems = await ValidateAsync(territory, input, isNew: true, ct);
        if (problems.Count > 0) return Outcome<CreatedAccount>.Failure(problems);

        var email = input.Email!.Trim();
        var user = new BerceauUser
        {
            UserName = email,
            Email = email,
            // The admin vouches for the address; the person proves it by signing in with the password given to them.
            EmailConfirmed = true,
            DisplayName = input.DisplayName!.Trim(),
            CreatedAt = clock.GetUtcNow(),
            LockoutEnabled = true,
        };
        var password = InitialPassword();
        var roles = RolesOf(input);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded) return Failure(created);
        var rolesAdded = await users.AddToRolesAsync(user, roles);
        if (!rolesAdded.Succeeded) return Failure(rolesAdded);
        db.UserGrants.AddRange(GrantsOf(user.Id, input));
        audit.Record("utilisateur-cree", AccountAudit.UserEntity, user.Id,
            $"{email} ; rôles : {string.Join(", ", roles)} ; territoire : {DescribeGrants(input)}");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new CreatedAccount(user.Id, email, user.DisplayName, password);
    }

    public async Task<Outcome<string>> UpdateAsync(AdminTerritory territory, string actingUserId, string userId, UserInput input, CancellationToken ct = default)
    {
        var user = await FindManageableAsync(territory, userId, ct);
        if (user is null) return Problem.Of("not-found", "");
        var problems = (await ValidateAsync(territory, input, isNew: false, ct)).ToList();
        var roles = RolesOf(input);
        if (userId == actingUserId && !roles.Contains(Roles.Admin))
            problems.Add(Problem.Of("self-admin-removal", nameof(UserInput.Roles)));
        if (problems.Count > 0) return Outcome<string>.Failure(problems);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var before = $"{user.DisplayName} ; rôles : {string.Join(", ", await users.GetRolesAsync(user))}";
        user.DisplayName = input.DisplayName!.Trim();
        var updated = await UpdateCheckingStampAsync(user, input.ConcurrencyStamp);
        if (!updated.Succeeded) return FailureOf<string>(updated);

        var current = await users.GetRolesAsync(user);
        var removed = await users.RemoveFromRolesAsync(user, current.Except(roles));
        if (!removed.Succeeded) return FailureOf<string>(removed);
        var added = await users.AddToRolesAsync(user, roles.Except(current));
        if (!added.Succeeded) return FailureOf<string>(added);

        db.UserGrants.RemoveRange(await db.UserGrants.Where(g => g.UserId == user.Id).ToListAsync(ct));
        db.UserGrants.AddRange(GrantsOf(user.Id, input));
        audit.Record("utilisateur-modifie", AccountAudit.UserEntity, user.Id,
            $"avant : {before} ; après : {user.DisplayName} ; rôles : {string.Join(", ", roles)} ; territoire : {DescribeGrants(input)}");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return user.Id;
    }

    public Task<Outcome<string>> SetDisabledAsync(AdminTerritory territory, string actingUserId, string userId, string? stamp, bool disabled, CancellationToken ct = default) =>
        ChangeAsync(territory, userId, stamp, disabled ? "utilisateur-desactive" : "utilisateur-reactive", async user =>
        {
            if (disabled && userId == actingUserId)
                return IdentityResult.Failed(new IdentityError { Code = "self-disable", Description = Messages.Get("self-disable") });
            user.IsDisabled = disabled;
            var result = await UpdateCheckingStampAsync(user, stamp);
            // A new security stamp ends the person's open sessions at their next check.
            return result.Succeeded && disabled ? await users.UpdateSecurityStampAsync(user) : result;
        }, ct);

    /// <summary>For someone who lost their phone: two-factor is switched off and the key changed; staff must set it up again.</summary>
    public Task<Outcome<string>> ResetTwoFactorAsync(AdminTerritory territory, string userId, string? stamp, CancellationToken ct = default) =>
        ChangeAsync(territory, userId, stamp, "double-authentification-reinitialisee", async user =>
        {
            var result = await UpdateCheckingStampAsync(user, stamp);
            if (!result.Succeeded) return result;
            result = await users.SetTwoFactorEnabledAsync(user, false);
            if (!result.Succeeded) return result;
            // A new key: the old phone's codes stop working. New recovery codes come with the next set-up.
            return await users.ResetAuthenticatorKeyAsync(user);
        }, ct);

    public Task<Outcome<string>> UnlockAsync(AdminTerritory territory, string userId, string? stamp, CancellationToken ct = default) =>
        ChangeAsync(territory, userId, stamp, "utilisateur-deverrouille", async user =>
        {
            var result = await UpdateCheckingStampAsync(user, stamp);
            if (!result.Succeeded) return result;
            result = await users.SetLockoutEndDateAsync(user, null);
            return result.Succeeded ? await users.ResetAccessFailedCountAsync(user) : result;
        }, ct);

    /// <summary>The account if it exists and lies within the admin's territory; otherwise null (shown as "not found").</summary>
    public async Task<BerceauUser?> FindManageableAsync(AdminTerritory territory, string userId, CancellationToken ct = default)
    {
        if (!await queries.CanManageAsync(territory.Scope, userId, ct)) return null;
        return await users.FindByIdAsync(userId);
    }

    private async Task<Outcome<string>> ChangeAsync(AdminTerritory territory, string userId, string? stamp, string action,
        Func<BerceauUser, Task<IdentityResult>> change, CancellationToken ct)
    {
        var user = await FindManageableAsync(territory, userId, ct);
        if (user is null) return Problem.Of("not-found", "");
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var result = await change(user);
        if (!result.Succeeded) return FailureOf<string>(result);
        audit.Record(action, AccountAudit.UserEntity, user.Id);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return user.Id;
    }

    /// <summary>
    /// Saves the user only if nobody changed it since the admin loaded the page: the stamp the form carried becomes the
    /// original value EF Core compares in the UPDATE's WHERE clause, so even a change racing this one is caught.
    /// </summary>
    private async Task<IdentityResult> UpdateCheckingStampAsync(BerceauUser user, string? stamp)
    {
        if (string.IsNullOrEmpty(stamp) || stamp != user.ConcurrencyStamp)
            return IdentityResult.Failed(users.ErrorDescriber.ConcurrencyFailure());
        db.Entry(user).Property(u => u.ConcurrencyStamp).OriginalValue = stamp;
        return await users.UpdateAsync(user);
    }

    private static List<string> RolesOf(UserInput input) =>
        [.. Roles.All.Where(input.Roles.Contains)];

    private static IEnumerable<UserGrant> GrantsOf(string userId, UserInput input)
    {
        if (!string.IsNullOrEmpty(input.Departement))
            yield return new UserGrant { UserId = userId, DepartementCode = input.Departement };
        foreach (var commune in input.Communes.Distinct())
            yield return new UserGrant { UserId = userId, CommuneCode = commune };
        foreach (var facility in input.Facilities.Distinct())
            yield return new UserGrant { UserId = userId, FacilityId = facility };
    }

    private static string DescribeGrants(UserInput input)
    {
        var parts = new List<string>();
        if (!string.IsNullOrEmpty(input.Departement)) parts.Add("département " + input.Departement);
        parts.AddRange(input.Communes.Distinct().Select(c => "commune " + c));
        parts.AddRange(input.Facilities.Distinct().Select(f => "structure " + f));
        return parts.Count == 0 ? "aucun" : string.Join(", ", parts);
    }

    /// <summary>
    /// Four groups of four lower-case letters and digits, without look-alikes (l, 1, o, 0), easy to read out over the
    /// phone: about 79 bits of randomness. Shown once to the admin, only its hash is kept.
    /// </summary>
    internal static string InitialPassword()
    {
        const string alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
        while (true)
        {
            var chars = new char[19];
            for (var i = 0; i < chars.Length; i++)
                chars[i] = i % 5 == 4 ? '-' : alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
            // Identity's policy asks for a lower-case letter: an all-digit draw (very rare) is drawn again.
            if (chars.Any(char.IsAsciiLetterLower)) return new string(chars);
        }
    }

    private static Outcome<CreatedAccount> Failure(IdentityResult result) => FailureOf<CreatedAccount>(result);

    /// <summary>The e-mail is also the user name: when both are refused, the message about the e-mail is the one to show.</summary>
    private static Outcome<T> FailureOf<T>(IdentityResult result)
    {
        var emailRefused = result.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.InvalidEmail));
        return Outcome<T>.Failure([.. result.Errors
            .Where(e => !(emailRefused && e.Code is nameof(IdentityErrorDescriber.DuplicateUserName) or nameof(IdentityErrorDescriber.InvalidUserName)))
            .Select(ProblemOf)]);
    }

    private static Problem ProblemOf(IdentityError error) => error.Code switch
    {
        nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)
            or nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.InvalidUserName)
            => new Problem(error.Code, nameof(UserInput.Email), error.Description),
        nameof(IdentityErrorDescriber.ConcurrencyFailure) => Problem.Of("concurrency", ""),
        _ => new Problem(error.Code, "", error.Description),
    };
}
