using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.Newsletter.Public;

/// <summary>
/// The pages the e-mails' links open: confirm a subscription, unsubscribe. The link shows a button and the POST acts, so that a mail
/// scanner opening the link does neither. An altered or expired link says so and changes nothing.
/// </summary>
[AllowAnonymous]
public abstract class LinkModel(NewsletterActions actions) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    public LinkOutcome? Outcome { get; private set; }

    protected NewsletterActions Actions => actions;

    public void OnGet() { }

    protected abstract Task<LinkOutcome> ActAsync(CancellationToken ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Outcome = await ActAsync(ct);
        return Page();
    }
}

public sealed class ConfirmModel(NewsletterActions actions) : LinkModel(actions)
{
    protected override Task<LinkOutcome> ActAsync(CancellationToken ct) => Actions.ConfirmAsync(Code, ct);
}

public sealed class UnsubscribeModel(NewsletterActions actions) : LinkModel(actions)
{
    protected override Task<LinkOutcome> ActAsync(CancellationToken ct) => Actions.UnsubscribeAsync(Code, ct);
}
