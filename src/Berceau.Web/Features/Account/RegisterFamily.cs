using Berceau.Data;
using Berceau.Data.Identity;
using Berceau.Domain.Access;
using Berceau.Domain.Common;
using Berceau.Web.Features.Notifications;
using Berceau.Web.Features.Shared;
using Berceau.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Berceau.Web.Features.Account;

/// <summary>What a parent types to create an account.</summary>
public sealed record RegistrationInput
{
    public string? Email { get; init; }
    public string? Password { get; init; }
    public string? ConfirmPassword { get; init; }
    public bool AcceptsNotice { get; init; }
}

/// <summary>
/// Creates a family account, not yet usable: the person must open the link e-mailed to them. The answer never tells
/// whether the address already had an account (that would let anyone test which parents use the service): a known
/// address gets the same screen, and its owner gets an e-mail saying so instead of a confirmation.
/// </summary>
public sealed class RegisterFamily(
    BerceauDbContext db,
    UserManager<BerceauUser> users,
    Notifier notifier,
    AuditLog audit,
    TimeProvider clock,
    IOptions<DeploymentOptions> deployment)
{
    public async Task<IReadOnlyList<Problem>> RegisterAsync(RegistrationInput input, CancellationToken ct = default)
    {
        var email = input.Email?.Trim() ?? "";
        var problems = await ValidateAsync(input, email);
        if (problems.Count > 0) return problems;

        var existing = await users.FindByEmailAsync(email);
        if (existing is not null)
        {
            // Hashing as the new-account path does keeps both answers equally slow, so timing does not tell them apart.
            users.PasswordHasher.HashPassword(existing, input.Password!);
            await NotifyExistingAsync(existing, ct);
            return [];
        }
        return await CreateAsync(email, input.Password!, ct);
    }

    /// <summary>Sends a new confirmation link to an account not confirmed yet; does nothing (silently) for any other address.</summary>
    public async Task ResendConfirmationAsync(string email, CancellationToken ct = default)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null || user.EmailConfirmed || user.IsDisabled) return;
        await QueueConfirmationAsync(user, ct);
        audit.Record("confirmation-renvoyee", AccountAudit.UserEntity, user.Id);
        await db.SaveChangesAsync(ct);
    }

    private async Task<List<Problem>> ValidateAsync(RegistrationInput input, string email)
    {
        var problems = new List<Problem>();
        if (EmailAddress.Problem(email, nameof(RegistrationInput.Email)) is { } badEmail) problems.Add(badEmail);
        problems.AddRange(await NewPassword.ProblemsAsync(users, email, input.Password, input.ConfirmPassword,
            nameof(RegistrationInput.Password), nameof(RegistrationInput.ConfirmPassword)));

        if (!input.AcceptsNotice)
            problems.Add(Problem.Of("notice-required", nameof(RegistrationInput.AcceptsNotice)));
        return problems;
    }

    private async Task<IReadOnlyList<Problem>> CreateAsync(string email, string password, CancellationToken ct)
    {
        var user = new BerceauUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = false,
            CreatedAt = clock.GetUtcNow(),
            LockoutEnabled = true,
        };
        // The account, its role, the confirmation e-mail and the audit line are committed together or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            // Another request created the same address a moment ago: answer as for any known address.
            if (created.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)))
                return [];
            return [.. created.Errors.Select(e => new Problem(e.Code, nameof(RegistrationInput.Email), e.Description))];
        }
        var role = await users.AddToRoleAsync(user, Roles.Family);
        if (!role.Succeeded)
            throw new InvalidOperationException("Rôle famille impossible à attribuer : " + string.Join(" ", role.Errors.Select(e => e.Description)));
        await QueueConfirmationAsync(user, ct);
        audit.Record("compte-famille-cree", AccountAudit.UserEntity, user.Id, "inscription en ligne ; notice d’information acceptée");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return [];
    }

    private async Task NotifyExistingAsync(BerceauUser user, CancellationToken ct)
    {
        if (!user.EmailConfirmed && !user.IsDisabled)
        {
            // Whoever registers again without having confirmed most likely lost the first e-mail: send the link again.
            await QueueConfirmationAsync(user, ct);
        }
        else
        {
            var isFamily = await users.IsInRoleAsync(user, Roles.Family);
            await notifier.QueueAsync(new Recipient(user.Email!, user.Id), AccountEmails.AlreadyExists(deployment.Value.Name, isFamily),
                AccountEmails.AlreadyExistsKey(user.Id, clock.GetUtcNow()), ct);
        }
        audit.Record("inscription-adresse-connue", AccountAudit.UserEntity, user.Id);
        await db.SaveChangesAsync(ct);
    }

    private async Task QueueConfirmationAsync(BerceauUser user, CancellationToken ct)
    {
        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        await notifier.QueueAsync(new Recipient(user.Email!, user.Id), AccountEmails.Confirmation(deployment.Value.Name, user.Id, token),
            AccountEmails.ConfirmationKey(user.Id, clock.GetUtcNow()), ct);
    }
}
