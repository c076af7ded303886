using Berceau.Domain.Meetings;
using Berceau.Web.Features.Offer.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.Meetings;

/// <summary>
/// The cancellation link of the confirmation e-mail: whoever holds it may cancel that registration, with or without an
/// account (the secret in the link is the proof). An unknown link is « introuvable ».
/// </summary>
[AllowAnonymous]
public sealed class CancelModel(MeetingRegistrations registrations) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }

    public MeetingRegistration Registration { get; private set; } = null!;
    public InfoMeeting Meeting { get; private set; } = null!;
    public bool Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await registrations.FindByCodeAsync(Code, ct) is not { } found) return NotFound();
        (Registration, Meeting) = found;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await registrations.FindByCodeAsync(Code, ct) is not { } found) return NotFound();
        (Registration, Meeting) = found;
        var problems = await registrations.CancelAsync(Registration, ct);
        if (problems.Count > 0)
        {
            ModelState.AddProblems(problems, "");
            return Page();
        }
        Done = true;
        return Page();
    }
}
