using Berceau.Domain.Applications;
using Berceau.Domain.Common;
using Berceau.Web.Features.Applications.Family;
using Berceau.Web.Features.Offer.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.Applications.Staff;

/// <summary>
/// A guichet correction of a submitted application's answers (grid answers, minimum social): the form shows the current
/// answers, the post applies them through the feature's handler with the agent's reason, then the file page says what
/// changed. Both corrections are allowed on the same rule (<see cref="Allowed"/>) so that none slips in after the freeze.
/// </summary>
public abstract class ApplicationCorrectionPage<TInput>(CaseworkAccess access, NextCommissions commissions) : PageModel where TInput : new()
{
    [BindProperty]
    public TInput Input { get; set; } = new();

    public Application Application { get; private set; } = null!;
    public NextCommission? NextCommission { get; private set; }

    /// <summary>The status allows it and the freeze date has not passed (the file page shows the links on the same rule).</summary>
    public bool CanCorrect => Allowed(Application, NextCommission);

    public static bool Allowed(Application application, NextCommission? next) => application.GridAnswersCorrectable && next?.ChangesClosed != true;

    /// <summary>The form filled with the application's current answers.</summary>
    protected abstract TInput Current(Application application);

    protected abstract Task<Outcome<bool>> CorrectAsync(Application application, TInput input, CancellationToken ct);

    /// <summary>The confirmation shown on the file page.</summary>
    protected abstract string Corrected { get; }

    /// <summary>What else the form needs beyond the application and the next commission.</summary>
    protected virtual Task LoadMoreAsync(Application application, CancellationToken ct) => Task.CompletedTask;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var application = await access.FindAsync(id, tracked: false, ct);
        if (application is null) return NotFound();
        await LoadAsync(application, ct);
        if (!CanCorrect) return Redirect(DetailsModel.PathOf(id));
        Input = Current(application);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var application = await access.FindAsync(id, tracked: true, ct);
        if (application is null) return NotFound();
        ModelState.Clear();
        var outcome = await CorrectAsync(application, Input, ct);
        if (outcome.IsSuccess)
        {
            TempData[DetailsModel.MessageKey] = Corrected;
            return Redirect(DetailsModel.PathOf(id));
        }
        ModelState.AddProblems(outcome.Problems, nameof(Input));
        await LoadAsync(application, ct);
        return Page();
    }

    private async Task LoadAsync(Application application, CancellationToken ct)
    {
        Application = application;
        NextCommission = await commissions.ForAsync(application.CommuneCode, ct);
        await LoadMoreAsync(application, ct);
    }
}
