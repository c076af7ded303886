using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.Surveys.Staff;

/// <summary>The pages with the survey's form (_SurveyFields.cshtml): creation and the survey's own page.</summary>
public abstract class SurveyFormPage : PageModel
{
    [BindProperty] public SurveyInput Input { get; set; } = new();
}
