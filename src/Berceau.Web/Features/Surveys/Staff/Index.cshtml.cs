using Berceau.Domain.Surveys;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.Surveys.Staff;

/// <summary>/pro/enquetes: the surveys the person runs (their commune's, their département's), newest first.</summary>
/// With ?commission= (the link on a published commission's page), the open surveys for families of the commission's territory,
/// each with the button that invites that commission's families.
public sealed class IndexModel(SurveyAccess access, SurveyInvitations invitations) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Commission { get; set; }
    public IReadOnlyList<Survey> Surveys { get; private set; } = [];
    public bool CanCreate { get; private set; }
    public InvitableCommission? ForCommission { get; private set; }
    public IReadOnlyList<Survey> ForCommissionSurveys { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Surveys = await access.SurveysAsync(ct);
        CanCreate = (await access.TerritoriesAsync(ct)).Count > 0;
        if (Commission is not { } id) return;
        foreach (var survey in Surveys.Where(s => s.Status == SurveyStatus.Open && s.Audience == SurveyAudience.Families && s.IsAnswerable(access.Today)))
        {
            if ((await invitations.CommissionsAsync(survey, ct)).FirstOrDefault(c => c.Id == id) is not { } found) continue;
            ForCommission = found;
            ForCommissionSurveys = [.. ForCommissionSurveys, survey];
        }
    }
}
