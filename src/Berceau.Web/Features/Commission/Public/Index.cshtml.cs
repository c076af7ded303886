using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.Commission.Public;

/// <summary>
/// The commissions whose figures are public (/commissions): the communes that have some, then a commune's sessions
/// (?commune=93032), each linking to its statistics. For anyone, without an account.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(PublicCommissions commissions) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "commune")]
    public string? Commune { get; set; }

    public string? CommuneName { get; private set; }
    public IReadOnlyList<(string Code, string Name)> Communes { get; private set; } = [];
    public IReadOnlyList<PublicSession> Sessions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Commune))
        {
            Communes = await commissions.CommunesAsync(ct);
            return Page();
        }
        CommuneName = await commissions.CommuneNameAsync(Commune.Trim(), ct);
        if (CommuneName is null) return NotFound();
        Sessions = await commissions.OfCommuneAsync(Commune.Trim(), ct);
        return Page();
    }
}
