using Berceau.Domain.Applications;
using Berceau.Domain.Common;
using Berceau.Domain.Grid;
using Berceau.Web.Features.Portal;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Berceau.Web.Features.Grid;

/// <summary>
/// A commune's points grid in plain French, and a score simulator: the family answers the questions and reads its points,
/// criterion by criterion. A GET form (nothing is stored, the URL holds the answers); seniority is not simulated, it comes with
/// the application.
/// </summary>
[AllowAnonymous]
public sealed class PublicModel(GridQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Parent1 { get; set; }
    [BindProperty(SupportsGet = true)] public string? Parent2 { get; set; }
    [BindProperty(SupportsGet = true)] public string? Quotient { get; set; }
    [BindProperty(SupportsGet = true)] public string? Disability { get; set; }
    [BindProperty(SupportsGet = true)] public string? Support { get; set; }

    public string CommuneName { get; private set; } = "";
    public string CommuneCode { get; private set; } = "";
    public PointsGrid? Grid { get; private set; }
    public ScoreBreakdown? Score { get; private set; }
    public IReadOnlyDictionary<Guid, string> StructureNames { get; private set; } = new Dictionary<Guid, string>();

    public static IEnumerable<SelectListItem> SituationItems(bool withNone) =>
        [.. withNone ? [new SelectListItem("Pas de second parent dans le foyer", "aucun")] : Array.Empty<SelectListItem>(),
         .. Situations.Select(s => new SelectListItem(char.ToUpper(GridText.SituationName(s.Value)[0]) + GridText.SituationName(s.Value)[1..], s.Key))];

    public IEnumerable<SelectListItem> YesNoItems => [new("Oui", "oui"), new("Non", "non")];

    private static readonly Dictionary<string, GuardianSituation> Situations = new()
    {
        ["emploi"] = GuardianSituation.Employed, ["formation"] = GuardianSituation.Training, ["recherche"] = GuardianSituation.JobSeeker,
        ["insertion"] = GuardianSituation.Insertion, ["autre"] = GuardianSituation.Other,
    };

    public async Task<IActionResult> OnGetAsync(string commune, CancellationToken ct)
    {
        var found = await queries.CommuneAsync(commune, ct);
        if (found is null) return NotFound();
        (CommuneName, CommuneCode) = (found.Name, found.Code);
        Grid = (await queries.VersionsAsync(found.Code, ct)).InForce(queries.Today);
        if (Grid is { StructureBonuses.Count: > 0 })
            StructureNames = (await queries.StructuresAsync(found.Code, ct)).ToDictionary(s => s.Id, s => s.Name);
        if (Grid is null || Parent1 is null) return Page();

        var input = Parse();
        if (ModelState.IsValid) Score = ScoreCalculator.ForFamily(Grid, input, queries.Today);
        return Page();
    }

    private ScoreInput Parse()
    {
        var parents = new List<GuardianSituation>();
        if (Situations.TryGetValue(Parent1 ?? "", out var first)) parents.Add(first);
        else ModelState.AddModelError(nameof(Parent1), Messages.Get("required"));
        if (Situations.TryGetValue(Parent2 ?? "", out var second)) parents.Add(second);
        else if (Parent2 != "aucun") ModelState.AddModelError(nameof(Parent2), Messages.Get("required"));

        decimal? quotient = null;
        if (!string.IsNullOrWhiteSpace(Quotient))
        {
            if (PortalInput.TryNumber(Quotient, out var qf) && qf is >= 0 and <= 100_000)
                quotient = qf;
            else ModelState.AddModelError(nameof(Quotient), Problem.Of("out-of-range", nameof(Quotient), 0, "100 000").Message);
        }
        return new ScoreInput
        {
            Parents = parents, SingleParent = Parent2 == "aucun", QuotientFamilial = quotient,
            DisabilityInHousehold = Disability == "oui", SocialSupport = Support == "oui",
        };
    }
}
