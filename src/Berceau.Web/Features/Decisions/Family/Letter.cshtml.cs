using Berceau.Web.Features.Applications.Family;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.Decisions.Family;

/// <summary>The family's decision letter, to print (/famille/demandes/{id}/decision/courrier); its own application only.</summary>
public sealed class LetterModel(FamilyApplicationQueries applications, OfferQueries offers, DecisionLetters letters) : PageModel
{
    public Guid Id { get; private set; }
    public DecisionLetter Letter { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var application = await applications.FindMineAsync(id, tracked: false, ct);
        if (application is null) return NotFound();
        var session = await offers.PublishedSessionOfAsync(application.Id, ct);
        var letter = session is null ? null : await letters.BuildAsync(session, application, ct);
        if (letter is null) return NotFound();
        (Id, Letter) = (id, letter);
        return Page();
    }
}
