using Berceau.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Berceau.Web.Features.Admin.Users;

/// <summary>Creates a staff or family account; its initial password is shown once, on the confirmation.</summary>
public sealed class CreateModel(UserQueries queries, CurrentStaff staff, UserAdministration administration)
    : UserFormPageModel(queries, staff)
{
    public CreatedAccount? Created { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadTerritoryAsync(ct);
        await LoadChoicesAsync(search: false, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var territory = await LoadTerritoryAsync(ct);
        var outcome = await administration.CreateAsync(territory, Input, ct);
        if (!outcome.IsSuccess)
        {
            ModelState.AddProblems(outcome.Problems);
            await LoadChoicesAsync(search: false, ct);
            return Page();
        }
        // Rendered in this response rather than after a redirect: the password must not travel in a URL or a cookie.
        Created = outcome.Value;
        return Page();
    }
}
