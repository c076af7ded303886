using Berceau.Data.Identity;
using Berceau.Domain.Common;
using Berceau.Web.Features.Account;
using Berceau.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Berceau.Web.Features.Admin.Users;

public sealed record AccountState(
    string Id,
    string Email,
    DateTimeOffset CreatedAt,
    bool IsDisabled,
    bool TwoFactorEnabled,
    DateTimeOffset? LockedOutUntil,
    string ConcurrencyStamp);

/// <summary>
/// One account: its roles and territory (the form), and the actions on the account itself (disable, reset two-factor,
/// unlock). Each action carries the concurrency stamp the admin saw, so that nobody undoes a colleague's change unseen.
/// </summary>
public sealed class EditModel(
    UserQueries queries,
    CurrentStaff staff,
    UserAdministration administration,
    UserManager<BerceauUser> users,
    AuditLog audit) : UserFormPageModel(queries, staff)
{
    private readonly CurrentStaff _staff = staff;

    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    public AccountState Account { get; private set; } = null!;

    /// <summary>An admin cannot disable their own account (nobody would be left to re-enable it).</summary>
    public bool IsSelf => Id == _staff.UserId;

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var territory = await LoadTerritoryAsync(ct);
        var user = await administration.FindManageableAsync(territory, Id, ct);
        if (user is null) return NotFound();
        await ShowAsync(user);
        Input = await InputOfAsync(user, user.ConcurrencyStamp, ct);
        await LoadChoicesAsync(search: false, ct);
        await audit.RecordReadAsync(AccountAudit.UserEntity, user.Id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var territory = await LoadTerritoryAsync(ct);
        var outcome = await administration.UpdateAsync(territory, _staff.UserId ?? "", Id, Input, ct);
        return await AfterAsync(outcome, "Les modifications ont été enregistrées.", ct);
    }

    public async Task<IActionResult> OnPostDisableAsync(string? stamp, CancellationToken ct) =>
        await AfterAsync(await administration.SetDisabledAsync(await LoadTerritoryAsync(ct), _staff.UserId ?? "", Id, stamp, disabled: true, ct),
            "Le compte est désactivé : la personne ne peut plus se connecter.", ct);

    public async Task<IActionResult> OnPostEnableAsync(string? stamp, CancellationToken ct) =>
        await AfterAsync(await administration.SetDisabledAsync(await LoadTerritoryAsync(ct), _staff.UserId ?? "", Id, stamp, disabled: false, ct),
            "Le compte est réactivé.", ct);

    public async Task<IActionResult> OnPostResetTwoFactorAsync(string? stamp, CancellationToken ct) =>
        await AfterAsync(await administration.ResetTwoFactorAsync(await LoadTerritoryAsync(ct), Id, stamp, ct),
            "La double authentification est réinitialisée : elle sera configurée à nouveau à la prochaine connexion.", ct);

    public async Task<IActionResult> OnPostUnlockAsync(string? stamp, CancellationToken ct) =>
        await AfterAsync(await administration.UnlockAsync(await LoadTerritoryAsync(ct), Id, stamp, ct),
            "Le compte est déverrouillé.", ct);

    protected override async Task BeforeRedisplayAsync(CancellationToken ct)
    {
        var user = await administration.FindManageableAsync(Territory, Id, ct);
        if (user is not null) await ShowAsync(user);
    }

    private async Task<IActionResult> AfterAsync(Outcome<string> outcome, string notice, CancellationToken ct)
    {
        if (outcome.IsSuccess)
        {
            Notice = notice;
            return RedirectToPage(new { id = Id });
        }
        if (outcome.Problems.Any(p => p.Code == "not-found")) return NotFound();
        ModelState.AddProblems(outcome.Problems);
        var user = await administration.FindManageableAsync(Territory, Id, ct);
        if (user is null) return NotFound();
        await ShowAsync(user);
        if (Input.DisplayName is null)
        {
            // An action button failed: the form below shows the account as it is now.
            Input = await InputOfAsync(user, user.ConcurrencyStamp, ct);
        }
        await LoadChoicesAsync(search: false, ct);
        return Page();
    }

    private async Task<UserInput> InputOfAsync(BerceauUser user, string? stamp, CancellationToken ct)
    {
        var grants = await Queries.GrantsOfAsync(user.Id, ct);
        return new UserInput
        {
            DisplayName = user.DisplayName,
            Roles = [.. await users.GetRolesAsync(user)],
            Departement = grants.Departement,
            Communes = [.. grants.Communes],
            Facilities = [.. grants.Facilities],
            ConcurrencyStamp = stamp,
        };
    }

    private async Task ShowAsync(BerceauUser user)
    {
        // Identity dates lockouts with the system clock, not TimeProvider: it is read the same way here.
        var lockedOut = await users.IsLockedOutAsync(user);
        Account = new AccountState(
            user.Id,
            user.Email ?? "",
            user.CreatedAt,
            user.IsDisabled,
            user.TwoFactorEnabled,
            lockedOut ? user.LockoutEnd : null,
            user.ConcurrencyStamp ?? "");
    }
}
