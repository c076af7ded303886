using Berceau.Web.Features.Offer.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Berceau.Web.Features.Childminders.Onboarding;

/// <summary>
/// An assistant·e maternel·le creates their account with their agrément number. The address is confirmed by e-mail, and an
/// agent of the commune attaches the account to the agrément after checking it.
/// </summary>
[AllowAnonymous]
public sealed class RegisterModel(ChildminderAccounts accounts, ChildminderQueries queries) : PageModel
{
    public const string Path = "/am/inscription";
    public const string SentPath = "/am/inscription/envoyee";

    [BindProperty]
    public ChildminderAccountInput Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> Communes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var communes = await LoadAsync(ct);
        var problems = await accounts.RegisterAsync(Input, communes, ct);
        if (problems.Count > 0)
        {
            ModelState.AddProblems(problems, nameof(Input));
            Input = Input with { Password = null, ConfirmPassword = null };
            return Page();
        }
        return Redirect(SentPath);
    }

    private async Task<IReadOnlySet<string>> LoadAsync(CancellationToken ct)
    {
        var all = await queries.AllCommunesAsync(ct);
        Communes = [.. all.Select(c => new SelectListItem($"{c.Name} ({c.PostalCodeList.FirstOrDefault()})", c.Code, c.Code == Input.CommuneCode))];
        return all.Select(c => c.Code).ToHashSet();
    }
}
