using System.Security.Claims;
using Berceau.Data;
using Berceau.Data.Identity;
using Berceau.Domain.Access;
using Berceau.Domain.Common;
using Berceau.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Berceau.Web.Features.Account.External;

/// <summary>What happens after the provider vouched for someone: where the pages send them next.</summary>
public enum ExternalNext
{
    /// <summary>Signed in: go to the page asked for, or home.</summary>
    SignedIn,
    /// <summary>Staff whose provider did not do a second factor: Identity's code page follows.</summary>
    TwoFactor,
    /// <summary>An account has this e-mail: its password must be typed once to link the identity to it.</summary>
    Link,
    /// <summary>No family account yet: the person accepts the notice, then the account is created.</summary>
    Create,
    /// <summary>Refused, with the message to show.</summary>
    Refused,
}

public sealed record ExternalOutcome(ExternalNext Next, string? Message = null, BerceauUser? User = null)
{
    public static ExternalOutcome Refuse(string code, ExternalProvider provider) =>
        new(ExternalNext.Refused, Problem.Of(code, "", provider.DisplayName).Message);
}

/// <summary>
/// The linking rules of docs/identity.md. An external identity already linked signs in. Otherwise nothing is ever
/// taken over by e-mail alone: an existing account with the provider's e-mail is linked only after its password is
/// typed once. ProConnect links only to a staff account an admin created; FranceConnect creates a family account when
/// no account has the (verified) address, and never signs in to a staff account. Every step is audited.
/// </summary>
public sealed class ExternalAccounts(
    SignInManager<BerceauUser> signIn,
    UserManager<BerceauUser> users,
    IOptions<IdentityOptions> identity,
    BerceauDbContext db,
    AuditLog audit,
    TimeProvider clock)
{
    public async Task<ExternalOutcome> ContinueAsync(ExternalIdentity person)
    {
        var provider = person.Provider;
        var linked = await users.FindByLoginAsync(provider.Scheme, person.Key);
        if (linked is not null)
            return await SignInAsync(linked, person);

        if (person.Email is null)
            return await RefuseAsync("external-email-missing", person, null, "adresse e-mail absente");
        var existing = await users.FindByEmailAsync(person.Email);
        if (provider.Audience == ExternalAudience.Staff)
        {
            // Only an account an admin created for staff, never a family's: ProConnect vouches for an agent's employer
            // address, not for a right to see families' files.
            if (existing is null || !await IsStaffAsync(existing))
                return await RefuseAsync("external-staff-unknown", person, null, "aucun compte professionnel pour cette adresse");
            return new ExternalOutcome(ExternalNext.Link, User: existing);
        }
        if (existing is not null)
        {
            if (await IsStaffAsync(existing))
                return await RefuseAsync("external-staff-account", person, existing.Id, "adresse d’un compte professionnel");
            return new ExternalOutcome(ExternalNext.Link, User: existing);
        }
        if (!person.EmailVerified)
            return await RefuseAsync("external-email-unverified", person, null, "adresse e-mail non vérifiée par le fournisseur");
        return new ExternalOutcome(ExternalNext.Create);
    }

    /// <summary>
    /// Links the identity to the account with the provider's e-mail once its password is given (wrong passwords count
    /// towards the lockout, as on the sign-in page), then signs in.
    /// </summary>
    public async Task<ExternalOutcome> LinkAsync(ExternalIdentity person, string password)
    {
        var next = await ContinueAsync(person);
        if (next is not { Next: ExternalNext.Link, User: { } user })
            return next;
        var provider = person.Provider;
        if (await users.IsLockedOutAsync(user))
            return await RefuseWithMessageAsync(AccountFeature.LockedOutMessage(identity.Value), person, user.Id, "compte verrouillé");
        if (!await users.CheckPasswordAsync(user, password))
        {
            await users.AccessFailedAsync(user);
            var locked = await users.IsLockedOutAsync(user);
            await RecordAsync("liaison-externe-refusee", user.Id, $"{provider.DisplayName} : {(locked ? "compte verrouillé" : "mot de passe incorrect")}");
            return new ExternalOutcome(ExternalNext.Refused,
                locked ? AccountFeature.LockedOutMessage(identity.Value) : Messages.Get("external-link-password-wrong"));
        }
        await users.ResetAccessFailedCountAsync(user);
        if ((await users.GetLoginsAsync(user)).Any(l => l.LoginProvider == provider.Scheme))
            return await RefuseAsync("external-already-linked", person, user.Id, "déjà associé à une autre identité");
        if (!user.EmailConfirmed && person.EmailVerified)
        {
            // The provider vouched for the address and the person knows the account's password: both are theirs.
            user.EmailConfirmed = true;
            Check(await users.UpdateAsync(user));
        }
        Check(await users.AddLoginAsync(user, new UserLoginInfo(provider.Scheme, person.Key, provider.DisplayName)));
        await RecordAsync("connexion-externe-liee", user.Id, provider.DisplayName + " ; mot de passe du compte vérifié");
        return await SignInAsync(user, person);
    }

    /// <summary>Creates the family account of someone new to Berceau (no password: they sign in through the provider), then signs in.</summary>
    public async Task<ExternalOutcome> CreateFamilyAsync(ExternalIdentity person)
    {
        var next = await ContinueAsync(person);
        if (next.Next != ExternalNext.Create)
            return next;
        var user = new BerceauUser
        {
            UserName = person.Email,
            Email = person.Email,
            EmailConfirmed = true,
            DisplayName = person.DisplayName,
            CreatedAt = clock.GetUtcNow(),
            LockoutEnabled = true,
        };
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            var created = await users.CreateAsync(user);
            if (created.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)))
            {
                // A double click, or the address registered a moment ago: decide again with the account now there.
                await transaction.RollbackAsync();
                db.ChangeTracker.Clear();
                return await ContinueAsync(person);
            }
            Check(created);
            Check(await users.AddToRoleAsync(user, Roles.Family));
            Check(await users.AddLoginAsync(user, new UserLoginInfo(person.Provider.Scheme, person.Key, person.Provider.DisplayName)));
            audit.Record("compte-famille-cree", AccountAudit.UserEntity, user.Id, $"par {person.Provider.DisplayName} ; notice d’information acceptée");
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }
        return await SignInAsync(user, person);
    }

    private async Task<ExternalOutcome> SignInAsync(BerceauUser user, ExternalIdentity person)
    {
        var provider = person.Provider;
        var isStaff = await IsStaffAsync(user);
        if (isStaff != (provider.Audience == ExternalAudience.Staff))
            return await RefuseAsync("external-wrong-account", person, user.Id, "type de compte non accepté par ce fournisseur");
        if (user.IsDisabled)
            return await RefuseWithMessageAsync(Messages.Get("account-disabled"), person, user.Id, "compte désactivé");
        if (await users.IsLockedOutAsync(user))
            return await RefuseWithMessageAsync(AccountFeature.LockedOutMessage(identity.Value), person, user.Id, "compte verrouillé");

        var how = provider.DisplayName + (person.Acr is { } acr ? $" (niveau {acr})" : "");
        if (isStaff && person.MultiFactor)
        {
            // The provider did a second factor (amr): it stands for ours. The "amr" claim lets StaffTwoFactorFilter know.
            if (!await signIn.CanSignInAsync(user))
                return await RefuseWithMessageAsync(Messages.Get("account-disabled"), person, user.Id, "connexion non autorisée");
            await signIn.SignInWithClaimsAsync(user, isPersistent: false,
                [new Claim(ClaimTypes.AuthenticationMethod, provider.Scheme), new Claim(ExternalIdentity.AmrClaim, "mfa")]);
            await signIn.Context.SignOutAsync(IdentityConstants.ExternalScheme);
            await RecordAsync("connexion", user.Id, how + " avec double authentification chez le fournisseur");
            return new ExternalOutcome(ExternalNext.SignedIn, User: user);
        }

        var result = await signIn.ExternalLoginSignInAsync(provider.Scheme, person.Key, isPersistent: false, bypassTwoFactor: false);
        if (result.Succeeded)
        {
            await RecordAsync("connexion", user.Id, how);
            return new ExternalOutcome(ExternalNext.SignedIn, User: user);
        }
        if (result.RequiresTwoFactor)
            return new ExternalOutcome(ExternalNext.TwoFactor, User: user);
        return await RefuseWithMessageAsync(
            result.IsLockedOut ? AccountFeature.LockedOutMessage(identity.Value) : Messages.Get(user.EmailConfirmed ? "account-disabled" : "account-unconfirmed"),
            person, user.Id, "connexion non autorisée");
    }

    private async Task<bool> IsStaffAsync(BerceauUser user) => (await users.GetRolesAsync(user)).Any(Roles.IsStaff);

    private Task<ExternalOutcome> RefuseAsync(string code, ExternalIdentity person, string? userId, string why) =>
        RefuseWithMessageAsync(ExternalOutcome.Refuse(code, person.Provider).Message!, person, userId, why);

    private async Task<ExternalOutcome> RefuseWithMessageAsync(string message, ExternalIdentity person, string? userId, string why)
    {
        // The provider's address is not written: it may belong to someone without an account here.
        await RecordAsync("connexion-refusee", userId, $"{person.Provider.DisplayName} : {why}");
        return new ExternalOutcome(ExternalNext.Refused, message);
    }

    private async Task RecordAsync(string action, string? userId, string details)
    {
        audit.Record(action, AccountAudit.UserEntity, userId, details);
        await db.SaveChangesAsync();
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException("Compte externe : " + string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
