using Berceau.Web.Features.Offer.Staff;
using Microsoft.AspNetCore.Mvc;

namespace Berceau.Web.Features.Jobs.Staff;

/// <summary>A new offer, online at once until its expiry date.</summary>
public sealed class CreateModel(JobForms forms, JobQueries queries) : JobFormPage
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await forms.PosterAsync(ct) is not { } poster) return Forbid();
        Choices = poster.Choices;
        Input = new JobInput
        {
            ExpiresOn = InputReader.Format(queries.Today.AddMonths(JobForms.DefaultMonthsOnline)),
            CommuneCode = Choices.Communes.Count == 1 ? Choices.Communes[0].Code : null,
            FacilityId = Choices.Facilities.Count == 1 ? Choices.Facilities[0].Id.ToString() : null,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await forms.PosterAsync(ct) is not { } poster) return Forbid();
        Choices = poster.Choices;
        ModelState.Clear();
        var outcome = await forms.CreateAsync(poster.User, Choices, Input, ct);
        if (!outcome.IsSuccess)
        {
            ModelState.AddProblems(outcome.Problems, nameof(Input));
            return Page();
        }
        TempData[EditModel.MessageKey] = "L’offre d’emploi est publiée.";
        return Redirect(JobsFeature.StaffPath);
    }
}
