using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.Newsletter.Public;

/// <summary>/schema/{departement}/journal: the issues sent, newest first, and the subscription form (double opt-in).</summary>
[AllowAnonymous]
public sealed class ArchiveModel(NewsletterActions actions) : PageModel
{
    public string Departement { get; private set; } = "";
    public IReadOnlyList<IssueRow> Issues { get; private set; } = [];
    [BindProperty] public string? Email { get; set; }
    [TempData(Key = "journal-message")] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(string departement, CancellationToken ct) => await LoadAsync(departement, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string departement, CancellationToken ct)
    {
        if (!await LoadAsync(departement, ct)) return NotFound();
        var subscribed = await actions.SubscribeAsync(departement, Email, ct);
        if (!subscribed.IsSuccess)
        {
            ModelState.Clear();
            foreach (var problem in subscribed.Problems) ModelState.AddModelError(problem.Field, problem.Message);
            return Page();
        }
        Message = "Si cette adresse n’est pas déjà inscrite, un e-mail de confirmation vient de lui être envoyé : l’inscription sera faite quand vous aurez suivi son lien.";
        return Redirect(NewsletterFeature.ArchivePath(departement));
    }

    private async Task<bool> LoadAsync(string departement, CancellationToken ct)
    {
        if (!await actions.DepartementExistsAsync(departement, ct)) return false;
        Departement = departement;
        Issues = await actions.IssuesAsync(departement, ct);
        return true;
    }
}
