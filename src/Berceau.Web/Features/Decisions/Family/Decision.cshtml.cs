using Berceau.Domain.Applications;
using Berceau.Domain.Commission;
using Berceau.Web.Features.Applications.Family;
using Berceau.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.Decisions.Family;

/// <summary>
/// The family reads the commission's decision on its application (/famille/demandes/{id}/decision): the offer with its deadline
/// and the buttons to accept or refuse it (with an optional reason), or the waiting list and why; the letter to print or
/// download. Looked up by id AND owner: another family's id finds nothing (404), as on every family page.
/// </summary>
public sealed class DecisionModel(FamilyApplicationQueries applications, OfferQueries offers, DecisionLetters letters, OfferActions actions,
    DecisionLetterPdf pdf) : PageModel
{
    public const string MessageKey = "decision-message";

    [BindProperty]
    public string? Choice { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public Guid Id { get; private set; }
    public DecisionLetter Letter { get; private set; } = null!;
    public PlaceOffer? Offer { get; private set; }
    public bool CanAnswer { get; private set; }

    [TempData(Key = MessageKey)]
    public string? Message { get; set; }

    public static string PathOf(Guid application) => DecisionLetters.FamilyPath(application);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, tracked: false, ct) is { } denied ? denied : Page();

    public async Task<IActionResult> OnGetPdfAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, tracked: false, ct) is { } denied ? denied
            : File(pdf.Build(Letter), "application/pdf", DecisionLetter.FileName(Letter.Reference));

    public async Task<IActionResult> OnPostAnswerAsync(Guid id, CancellationToken ct)
    {
        var application = await applications.FindMineAsync(id, tracked: true, ct);
        if (application is null) return NotFound();
        var session = await offers.PublishedSessionOfAsync(application.Id, ct);
        var offer = session is null ? null : OfferQueries.Current(await offers.OffersOfAsync(session.Id, application.Id, tracked: true, ct));
        if (offer is null) return NotFound();
        ModelState.Clear();
        var answered = await actions.AnswerAsync(offer, application, Choice, Reason, applications.UserId, ct);
        if (answered.IsSuccess)
        {
            Message = AnsweredMessage(answered.Value, application.Status);
            return Redirect(PathOf(id));
        }
        foreach (var problem in answered.Problems) ModelState.AddModelError(problem.Field, problem.Message);
        return await LoadAsync(id, tracked: false, ct) ?? Page();
    }

    /// <summary>What the family reads once it answered, with what became of its application (the commune's rule, or the place it keeps).</summary>
    public static string AnsweredMessage(OfferStatus answer, ApplicationStatus now) => (answer, now) switch
    {
        (OfferStatus.Accepted, _) => "Vous avez accepté la place. La direction de la crèche va vous contacter pour préparer l’accueil de votre enfant.",
        (_, ApplicationStatus.Accepted) => "Vous avez refusé la place. Elle sera proposée à une autre famille ; vous gardez la place que vous aviez acceptée.",
        (_, ApplicationStatus.Waitlisted) => "Vous avez refusé la place. Elle sera proposée à une autre famille ; votre demande reste sur la liste d’attente.",
        _ => "Vous avez refusé la place. Elle sera proposée à une autre famille ; conformément au règlement de la commune, votre demande prend fin.",
    };

    private async Task<IActionResult?> LoadAsync(Guid id, bool tracked, CancellationToken ct)
    {
        var application = await applications.FindMineAsync(id, tracked, ct);
        if (application is null) return NotFound();
        var session = await offers.PublishedSessionOfAsync(application.Id, ct);
        var letter = session is null ? null : await letters.BuildAsync(session, application, ct);
        if (letter is null) return NotFound();
        (Id, Letter) = (id, letter);
        Offer = OfferQueries.Current(await offers.OffersOfAsync(session!.Id, application.Id, tracked: false, ct));
        CanAnswer = Offer is not null && Offer.IsOpenOn(ParisTime.DayOf(applications.Now)) && application.Status == ApplicationStatus.Offered;
        return null;
    }
}
