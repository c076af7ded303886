using Berceau.Domain.Schema;
using Berceau.Web.Features.Offer.Staff;
using Berceau.Web.Features.Shared;
using Berceau.Web.Infrastructure.Pdf;
using Microsoft.Extensions.Options;

namespace Berceau.Web.Features.Schema;

/// <summary>The « état d'avancement » on paper (A4, PdfPig with the DejaVu font): the same content as the printable page.</summary>
public sealed class SchemaReportPdf(PdfFonts fonts, IOptions<DeploymentOptions> deployment)
{
    public static string FileName(SchemaReport r) =>
        $"etat-avancement-{r.Schema.DepartementCode}-{r.Schema.Period}" + (r.OnlyAxis is { } a ? $"-axe-{a.Number}" : "") + $"-{r.On:yyyy-MM-dd}.pdf";

    public static string Title(SchemaReport r) => $"État d’avancement – {r.Schema.Title}" + (r.OnlyAxis is { } a ? $" – axe {a.Number}" : "");

    public byte[] Build(SchemaReport r)
    {
        using var pdf = new PdfTextDocument(fonts, Title(r), $"{Title(r)} – au {OfferDisplay.Date(r.On)}");
        pdf.Title(Title(r));
        pdf.Paragraph($"{deployment.Value.Name} – {r.DepartementName} – situation au {OfferDisplay.Date(r.On)}.");
        if (r.Schema.Source is { } source) pdf.Field("Source", source);
        Tally(pdf, r.OnlyAxis is null ? "Ensemble du schéma" : "Ensemble de l’axe", r.Whole);
        foreach (var part in r.Axes)
        {
            pdf.Heading(part.Heading);
            Tally(pdf, "Fiches de l’axe", part.Tally);
            if (part.Sheets.Count == 0) pdf.Paragraph("Aucune fiche action dans cet axe.");
            foreach (var sheet in part.Sheets)
            {
                pdf.Paragraph($"Fiche {sheet.Number} – {sheet.Title}" + (sheet.IsPublished ? "" : " (brouillon)"), bold: true);
                pdf.Field("Pilote", sheet.Pilots.Length == 0 ? "Non désigné" : sheet.Pilots);
                pdf.Field("État", sheet.State.Label() + (sheet.StateOn is { } on ? $" au {OfferDisplay.Date(on)}" : " (aucun point d’avancement)"));
                if (sheet.LatestComment is { } comment) pdf.Field("Dernier point", comment);
                if (sheet.PlannedPlaces.Count > 0) pdf.Field("Places prévues", $"{sheet.PlannedTotal} au total");
                foreach (var line in sheet.PlannedPlaces) pdf.Item("–", line);
                foreach (var indicator in sheet.Indicators) pdf.Item("–", SchemaDisplay.Indicator(indicator));
            }
        }
        return pdf.Build();
    }

    private static void Tally(PdfTextDocument pdf, string label, ProgressTally t) =>
        pdf.Field(label, $"{t.Total} fiches : {string.Join(", ", ProgressStates.All.Select(s => $"{s.Label().ToLowerInvariant()} {t.Count(s)}"))} ; réalisées {SchemaDisplay.Percent(t.DonePercent)} (hors abandonnées)");
}
