using Berceau.Domain.Staffing;
using Berceau.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Berceau.Web.Features.Jobs.Staff;

/// <summary>What the post and edit pages share: the input and the choices of the fields (_JobFields.cshtml).</summary>
[Authorize(Policy = WebServices.StaffPolicy)]
public abstract class JobFormPage : PageModel
{
    [BindProperty]
    public JobInput Input { get; set; } = new();

    public PostingChoices Choices { get; protected set; } = new([], []);

    public IReadOnlyList<SelectListItem> CommuneItems => [.. Choices.Communes.Select(c => new SelectListItem(c.Name, c.Code))];

    public IReadOnlyList<SelectListItem> FacilityItems => [.. Choices.Facilities.Select(f => new SelectListItem(f.Name, f.Id.ToString()))];

    public static IReadOnlyList<SelectListItem> ProfessionItems { get; } =
        [.. Professions.All.Select(p => new SelectListItem(p.Label(), p.ToString()))];

    public static IReadOnlyList<SelectListItem> ContractItems { get; } =
        [.. ContractTypes.All.Select(c => new SelectListItem(c.Label(), c.ToString()))];

    public static IReadOnlyList<SelectListItem> TimeItems { get; } = [new("Temps plein", "true"), new("Temps partiel", "false")];
}
