using Berceau.Data;
using Berceau.Domain.Newsletter;
using Berceau.Web.Features.Schema;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Newsletter.Staff;

/// <summary>
/// /pro/schema/journal?departement=93: the CDSF secretariat composes the next issue from a draft of the recent progress and good
/// practices, edits it and sends it to the confirmed subscribers; the issues sent and the subscribers' count. Another département
/// is not found.
/// </summary>
public sealed class IndexModel(BerceauDbContext db, SchemaAccess access, NewsletterActions actions) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "departement")] public string? Departement { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Body { get; set; }
    [TempData(Key = "journal-staff-message")] public string? Message { get; set; }

    public IReadOnlyList<string> Departements { get; private set; } = [];
    public IReadOnlyList<IssueRow> Issues { get; private set; } = [];
    public IReadOnlyDictionary<SubscriberStatus, int> Subscribers { get; private set; } = new Dictionary<SubscriberStatus, int>();
    public int Number { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await FindAsync(ct)) return NotFound();
        (Title, Body, Number) = await actions.DraftAsync(Departement!, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await FindAsync(ct)) return NotFound();
        var sent = await actions.SendAsync(Departement!, Title, Body, (await access.UserAsync(ct)).UserId, ct);
        if (sent.IsSuccess)
        {
            Message = $"Le n° {sent.Value.Number} est envoyé à {sent.Value.Recipients} abonné{(sent.Value.Recipients > 1 ? "s" : "")} confirmé{(sent.Value.Recipients > 1 ? "s" : "")} et publié dans les archives.";
            return Redirect($"{NewsletterFeature.StaffPath}?departement={Departement}");
        }
        ModelState.Clear();
        foreach (var problem in sent.Problems) ModelState.AddModelError(problem.Field, problem.Message);
        Number = (await actions.DraftAsync(Departement!, ct)).Number;
        return Page();
    }

    private async Task<bool> FindAsync(CancellationToken ct)
    {
        var user = await access.UserAsync(ct);
        Departements = [.. user.Scope.Departements.Where(user.IsSecretariatOf).Order(StringComparer.Ordinal)];
        Departement ??= Departements.FirstOrDefault();
        if (Departement is null || !user.IsSecretariatOf(Departement)) return false;
        Issues = await actions.IssuesAsync(Departement, ct);
        var counts = await db.NewsletterSubscribers.AsNoTracking().Where(s => s.DepartementCode == Departement)
            .GroupBy(s => s.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        Subscribers = Enum.GetValues<SubscriberStatus>().ToDictionary(s => s, s => counts.FirstOrDefault(c => c.Key == s)?.Count ?? 0);
        return true;
    }
}
