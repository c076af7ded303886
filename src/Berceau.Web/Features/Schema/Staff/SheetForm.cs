using System.Globalization;
using Berceau.Domain.Offer;
using Berceau.Domain.Schema;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Berceau.Web.Features.Schema.Staff;

/// <summary>What the fiche form (_SheetFields) needs from its page: the input, the choices, and whether the placement and pilots are shown.</summary>
public interface ISheetFormPage
{
    SheetInput Input { get; }
    bool IsSecretariat { get; }
    IReadOnlyList<SelectListItem> AxisItems { get; }
    IReadOnlyList<SelectListItem> OrganisationItems { get; }
    /// <summary>The communes of the schéma's département, for the « places prévues » lines.</summary>
    IReadOnlyList<SelectListItem> CommuneItems { get; }
}

internal static class SheetForm
{
    /// <summary>Empty indicator lines offered below the existing ones: enough for a new fiche, never beyond the maximum.</summary>
    public const int BlankIndicators = 3;

    /// <summary>Empty « places prévues » lines offered below the existing ones.</summary>
    public const int BlankPlannedPlaces = 2;

    /// <summary>Blank indicator and « places prévues » lines to fill in, below the filled ones.</summary>
    public static void Pad(SheetInput input)
    {
        PadIndicators(input);
        var wanted = Math.Min(PlannedPlaces.MaxLines, input.PlannedPlaces.Count(p => !IsBlank(p)) + BlankPlannedPlaces);
        input.PlannedPlaces = [.. input.PlannedPlaces.Where(p => !IsBlank(p))];
        while (input.PlannedPlaces.Count < wanted) input.PlannedPlaces.Add(new PlannedPlacesInput());
    }

    private static void PadIndicators(SheetInput input)
    {
        var wanted = Math.Min(ActionSheet.MaxIndicators, input.Indicators.Count(i => !IsBlank(i)) + BlankIndicators);
        input.Indicators = [.. input.Indicators.Where(i => !IsBlank(i))];
        while (input.Indicators.Count < wanted) input.Indicators.Add(new IndicatorInput());
    }

    public static SheetInput From(ActionSheet sheet) => new()
    {
        Version = sheet.Version,
        AxisId = sheet.AxisId.ToString(),
        Number = sheet.Number,
        Title = sheet.Title,
        Issues = sheet.Issues,
        PilotId = sheet.PilotId?.ToString(),
        CoPilotIds = [.. sheet.CoPilots.Select(c => c.OrganisationId.ToString())],
        Actors = sheet.Actors,
        KeyActions = sheet.KeyActions,
        Schedule = sheet.Schedule,
        Means = sheet.Means,
        Indicators = [.. sheet.Indicators.OrderBy(i => i.Position).Select(i => new IndicatorInput { Label = i.Label, Target = i.Target, ObservatoryKey = i.ObservatoryKey })],
        PlannedPlaces = [.. sheet.PlannedPlaces.OrderBy(p => p.Position).Select(p => new PlannedPlacesInput
        {
            CommuneCode = p.CommuneCode, Year = p.Year.ToString(CultureInfo.InvariantCulture), Places = p.Places.ToString(CultureInfo.InvariantCulture),
            Mode = p.Mode.Code(), Label = p.Label,
        })],
    };

    public static async Task<(IReadOnlyList<SelectListItem> Axes, IReadOnlyList<SelectListItem> Organisations, IReadOnlyList<SelectListItem> Communes)> ChoicesAsync(
        Sdsf schema, SchemaQueries queries, CancellationToken ct) =>
        ([.. schema.Axes.OrderBy(a => a.Number).Select(a => new SelectListItem(a.Label.Length > 120 ? a.Label[..117] + "…" : a.Label, a.Id.ToString()))],
         [.. (await queries.OrganisationsAsync(schema.DepartementCode, ct)).Select(o => new SelectListItem(o.Name, o.Id.ToString()))],
         [.. (await queries.CommuneNamesAsync(schema.DepartementCode, ct)).Select(c => new SelectListItem($"{c.Value} ({c.Key})", c.Key))]);

    private static bool IsBlank(PlannedPlacesInput p) =>
        string.IsNullOrWhiteSpace(p.CommuneCode) && string.IsNullOrWhiteSpace(p.Year) && string.IsNullOrWhiteSpace(p.Places)
        && string.IsNullOrWhiteSpace(p.Mode) && string.IsNullOrWhiteSpace(p.Label);

    private static bool IsBlank(IndicatorInput i) =>
        string.IsNullOrWhiteSpace(i.Label) && string.IsNullOrWhiteSpace(i.Target) && string.IsNullOrWhiteSpace(i.ObservatoryKey);
}
