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
}

internal static class SheetForm
{
    /// <summary>Empty indicator lines offered below the existing ones: enough for a new fiche, never beyond the maximum.</summary>
    public const int BlankIndicators = 3;

    public static void PadIndicators(SheetInput input)
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
    };

    public static async Task<(IReadOnlyList<SelectListItem> Axes, IReadOnlyList<SelectListItem> Organisations)> ChoicesAsync(Sdsf schema, SchemaQueries queries, CancellationToken ct) =>
        ([.. schema.Axes.OrderBy(a => a.Number).Select(a => new SelectListItem(a.Label.Length > 120 ? a.Label[..117] + "…" : a.Label, a.Id.ToString()))],
         [.. (await queries.OrganisationsAsync(schema.DepartementCode, ct)).Select(o => new SelectListItem(o.Name, o.Id.ToString()))]);

    private static bool IsBlank(IndicatorInput i) =>
        string.IsNullOrWhiteSpace(i.Label) && string.IsNullOrWhiteSpace(i.Target) && string.IsNullOrWhiteSpace(i.ObservatoryKey);
}
