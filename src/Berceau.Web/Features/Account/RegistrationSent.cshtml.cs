using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.Account;

/// <summary>
/// The one answer to a registration or a request for a new confirmation e-mail, whatever the address: it does not say
/// whether an account exists.
/// </summary>
[AllowAnonymous]
public sealed class RegistrationSentModel : PageModel
{
    public void OnGet()
    {
    }
}
