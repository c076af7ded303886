using Berceau.Domain.Offer;
using Berceau.Domain.Schema;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Berceau.Web.Features.Schema;

/// <summary>What the schéma's pages write the same way: state tags, choices, lines of text.</summary>
public static class SchemaDisplay
{
    public static string Colour(ProgressState state) => state switch
    {
        ProgressState.NotStarted => "grey",
        ProgressState.InProgress => "blue",
        ProgressState.Done => "green",
        _ => "red",
    };

    public static IReadOnlyList<SelectListItem> StateItems { get; } = [.. ProgressStates.All.Select(s => new SelectListItem(s.Label(), s.ToString()))];

    public static IReadOnlyList<SelectListItem> ObservatoryItems { get; } = [.. ObservatoryIndicators.All.Select(i => new SelectListItem(i.Label, i.Key))];

    public static IReadOnlyList<SelectListItem> PlannedModeItems { get; } = [.. PlannedPlaces.Modes.Select(m => new SelectListItem(m.Label(), m.Code()))];

    /// <summary>A « places prévues » line in words: « 12 places, Crèche collective / multi-accueil, Montreuil, 2026 (label) ».</summary>
    public static string Planned(PlannedPlaces p, IReadOnlyDictionary<string, string> communes) =>
        $"{p.Places} place{(p.Places > 1 ? "s" : "")}, {p.Mode.Label()}, "
        + (p.CommuneCode is { } c ? $"{communes.GetValueOrDefault(c, c)} ({c})" : "tout le département") + $", {p.Year}"
        + (p.Label is { } l ? $" – {l}" : "");

    /// <summary>The lines of a multi-line field (priorités, actions clés), for a list.</summary>
    public static IReadOnlyList<string> Lines(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static string Percent(int? percent) => percent is { } p ? $"{p} %" : "–";

    public static string Author(string by, IReadOnlyDictionary<string, string> names) =>
        by == Data.Seed.SchemaSeeder.DocumentsAuthor ? "Reprise des documents du CDSF" : names.GetValueOrDefault(by, "Compte supprimé");

    public static string Indicator(ActionSheetIndicator i) =>
        i.Label + (i.Target is { } t ? $" – cible : {t}" : "") + (ObservatoryIndicators.Find(i.ObservatoryKey) is { } o ? $" (observatoire : {o.Label})" : "");
}
