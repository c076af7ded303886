using System.Text.RegularExpressions;
using Berceau.Data;
using Berceau.Domain.Common;
using Berceau.Domain.Fees;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Portal;

/// <summary>
/// The cost simulator: crèche (PSU barème), assistant·e maternel·le and garde à domicile (with the CMG), side by side.
/// A GET form: the URL of a result can be shared (it holds figures only). A valid result also stores the figures in the
/// <see cref="SimulationCookie"/>, so that every structure page shows the family's estimated cost.
/// </summary>
[AllowAnonymous]
public sealed partial class SimulatorModel(BerceauDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? AnnualResources { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Children { get; set; }

    /// <summary>"true" when a child of the household receives the AEEH; anything else (or no answer) is no.</summary>
    [BindProperty(SupportsGet = true)]
    public string? DisabledChild { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? HoursPerWeek { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? WeeksPerYear { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? AmHourlyWage { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? HomeCareHourlyWage { get; set; }

    /// <summary>The structure page the family came from, to go back to it (only a structure page: never an outside address).</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnTo { get; set; }

    public SimulationResult? Result { get; private set; }
    public SimulationInput? Input { get; private set; }
    public FeeParameterSet? Parameters { get; private set; }
    public IReadOnlyList<Problem> ParameterProblems { get; private set; } = [];
    public bool HasStoredFigures { get; private set; }
    public DateOnly Today { get; private set; }

    public string? SafeReturnTo => ReturnTo is not null && StructurePath().IsMatch(ReturnTo) ? ReturnTo : null;

    public IEnumerable<SelectListItem> YesNoItems => [new("Oui", "true"), new("Non", "false")];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var stored = SimulationCookie.Read(Request);
        HasStoredFigures = stored is not null;

        var resolved = FeeParameterSet.Resolve(await db.FeeParameters.AsNoTracking().ToListAsync(ct), Today);
        if (!resolved.IsSuccess)
        {
            // Configuration, not the family's input: say the simulator is unavailable, list what is missing for the admin.
            ParameterProblems = resolved.Problems;
            return;
        }
        Parameters = resolved.Value;

        if (!Request.Query.ContainsKey(nameof(AnnualResources)))
        {
            if (stored is not null) Show(stored);
            return;
        }

        var figures = new SimulationFigures(AnnualResources, Children, DisabledChild, HoursPerWeek, WeeksPerYear, AmHourlyWage, HomeCareHourlyWage);
        var input = figures.Parse();
        if (!input.IsSuccess)
        {
            AddErrors(input.Problems);
            return;
        }
        var simulation = CostSimulator.Simulate(input.Value, Parameters);
        if (!simulation.IsSuccess)
        {
            AddErrors(simulation.Problems.Select(SimulationFigures.Named));
            return;
        }
        Input = input.Value;
        Result = simulation.Value;
        SimulationCookie.Write(Response, figures, clock.GetUtcNow());
        HasStoredFigures = true;
    }

    /// <summary>Erases the figures kept in the browser (POST: it changes something, with antiforgery).</summary>
    public IActionResult OnPostForget()
    {
        SimulationCookie.Delete(Response);
        return Redirect("/simulateur");
    }

    private void Show(SimulationFigures figures)
    {
        AnnualResources = figures.AnnualResources;
        Children = figures.Children;
        DisabledChild = figures.DisabledChild;
        HoursPerWeek = figures.HoursPerWeek;
        WeeksPerYear = figures.WeeksPerYear;
        AmHourlyWage = figures.AmHourlyWage;
        HomeCareHourlyWage = figures.HomeCareHourlyWage;
    }

    private void AddErrors(IEnumerable<Problem> problems)
    {
        foreach (var problem in problems)
            ModelState.AddModelError(problem.Field, problem.Message);
    }

    public static string ParameterLabel(string key) => key switch
    {
        FeeParameterKeys.PsuFloor => "Plancher de ressources mensuelles",
        FeeParameterKeys.PsuCeiling => "Plafond de ressources mensuelles",
        FeeParameterKeys.CmgAmHourlyWageCap => "Salaire horaire maximal pris en compte par le CMG (assistant·e maternel·le)",
        FeeParameterKeys.CmgAmReferenceHourlyCost => "Coût horaire de référence du CMG (assistant·e maternel·le)",
        FeeParameterKeys.CmgGardeDomicileReferenceHourlyCost => "Coût horaire de référence du CMG (garde à domicile)",
        FeeParameterKeys.CmgGardeDomicileRateMultiplier => "Multiplicateur du taux d’effort (garde à domicile)",
        FeeParameterKeys.CmgMinimumFamilyShare => "Part minimale du coût restant à la charge de la famille",
        FeeParameterKeys.SimulatorAmDefaultHourlyWage => "Salaire horaire supposé sans réponse (assistant·e maternel·le)",
        FeeParameterKeys.SimulatorGardeDomicileDefaultHourlyWage => "Salaire horaire supposé sans réponse (garde à domicile)",
        _ when RateKey().Match(key) is { Success: true } m =>
            $"Taux d’effort, accueil {(m.Groups[1].Value == "collectif" ? "collectif" : "familial et parental")}, "
            + $"{m.Groups[2].Value} enfant{(m.Groups[2].Value == "1" ? "" : "s")} à charge",
        _ => key,
    };

    public static string ParameterValue(FeeParameter parameter) => parameter.Key switch
    {
        _ when parameter.Key.StartsWith("psu.taux.", StringComparison.Ordinal) =>
            (parameter.Value * 100m).ToString("0.####", PortalText.French) + "\u00a0%",
        FeeParameterKeys.CmgMinimumFamilyShare => (parameter.Value * 100m).ToString("0.##", PortalText.French) + "\u00a0%",
        FeeParameterKeys.CmgGardeDomicileRateMultiplier => "×\u00a0" + parameter.Value.ToString("0.##", PortalText.French),
        FeeParameterKeys.PsuFloor or FeeParameterKeys.PsuCeiling => PortalText.Euros(parameter.Value) + " par mois",
        _ => PortalText.Euros(parameter.Value) + " de l’heure",
    };

    [GeneratedRegex(@"^psu\.taux\.(collectif|familial)\.(\d+)$")]
    private static partial Regex RateKey();

    [GeneratedRegex("^/structures/[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")]
    private static partial Regex StructurePath();
}
