using Berceau.Domain.Governance;
using Berceau.Domain.Schema;
using Berceau.Web.Features.Offer.Staff;
using Berceau.Web.Features.Shared;
using Berceau.Web.Infrastructure;
using Berceau.Web.Infrastructure.Pdf;
using ClosedXML.Excel;
using Microsoft.Extensions.Options;

namespace Berceau.Web.Features.Schema;

/// <summary>The annual report on paper (A4, PdfPig with the DejaVu font), in the style of the « état d'avancement » PDF.</summary>
public sealed class AnnualReportPdf(PdfFonts fonts, IOptions<DeploymentOptions> deployment)
{
    public byte[] Build(AnnualReport r)
    {
        using var pdf = new PdfTextDocument(fonts, r.Title, $"{r.Title} – {AnnualReportText.Situation(r)}");
        pdf.Title(r.Title);
        pdf.Paragraph($"{deployment.Value.Name} – {r.DepartementName} – {AnnualReportText.Situation(r)}.");
        if (r.Schema.Source is { } source) pdf.Field("Source", source);

        pdf.Heading("Synthèse");
        pdf.Field($"Au 1er janvier {r.Year}", AnnualReportText.Tally(r.WholeAtStart));
        pdf.Field($"Au {OfferDisplay.Date(r.On)}", AnnualReportText.Tally(r.Whole));
        foreach (var axis in r.Axes) pdf.Field($"Axe {axis.Number}", AnnualReportText.Tally(axis.Tally));
        pdf.Paragraph($"Fiches dont l’état a changé en {r.Year}", bold: true);
        if (!r.Moved.Any()) pdf.Paragraph("Aucune fiche n’a changé d’état dans l’année.");
        foreach (var sheet in r.Moved) pdf.Item("–", sheet.Label, AnnualReportText.Changes(sheet));

        pdf.Heading($"États d’avancement de {r.Year}");
        foreach (var axis in r.Axes)
        {
            pdf.Paragraph(axis.Heading, bold: true);
            if (axis.Updates.Count == 0) pdf.Paragraph("Aucun état d’avancement daté de l’année.");
            foreach (var u in axis.Updates) pdf.Item("–", $"{OfferDisplay.Date(u.On)} – fiche {u.Sheet.Label} – {u.State.Label()}", u.Comment);
        }

        pdf.Heading("Indicateurs");
        if (r.Indicators.Count == 0) pdf.Paragraph("Aucune fiche n’a d’indicateur.");
        foreach (var i in r.Indicators)
            pdf.Item("–", $"Fiche {i.Sheet.Number} – {i.Label}" + (i.Target is { } t ? $" – cible : {t}" : ""),
                i.Observatory is { } o ? $"{o.Label} ({r.DepartementName}) : {AnnualReportText.Rate(i.Value)} en {r.Year}, {AnnualReportText.Rate(i.PreviousValue)} en {r.Year - 1}" : null);
        if (r.Planned is { } planned)
        {
            pdf.Field($"Places prévues en {r.Year}", $"{planned.Places} (dont {planned.PublishedPlaces} dans des fiches publiées)");
            if (planned.StaffNeeded is { } staff) pdf.Field(staff.Definition.Label, AnnualReportText.Figure(staff) + (staff.Note is { } note ? $" – {note}" : ""));
        }

        pdf.Heading("Gouvernance");
        pdf.Paragraph(AnnualReportText.GovernanceScope(r));
        if (AnnualReportText.NoMeeting(r) is { } none) pdf.Paragraph(none);
        if (r.Meetings.Count > 0) pdf.Paragraph(AnnualReportText.FollowUpCounts(r));
        foreach (var m in r.Meetings)
        {
            pdf.Paragraph($"{OfferDisplay.Date(m.Date)} – {m.Body} ({m.Kind.Label()}) – {AnnualReportText.Attendance(m)}", bold: true);
            if (m.Decisions.Count == 0) pdf.Paragraph("Aucune décision relevée.");
            foreach (var d in m.Decisions)
                pdf.Item($"{d.Number}.", d.Text, d.FollowUps.Count == 0 ? null
                    : string.Join(" ; ", d.FollowUps.Select(f => $"{f.Title} – {f.Owner}, échéance {OfferDisplay.Date(f.DueOn)} : {AnnualReportText.FollowUpState(f)}")));
        }
        return pdf.Build();
    }
}

/// <summary>
/// The annexes of the annual report in a workbook (ClosedXML): one sheet per table, each built from the same
/// <see cref="AnnualReport"/> as the page and the PDF. Text cells go through <see cref="SpreadsheetText.Safe"/> (no formula).
/// </summary>
public static class AnnualReportXlsx
{
    public static IReadOnlyList<string> SheetNames { get; } = ["Fiches", "États d’avancement", "Indicateurs", "Réunions", "Décisions et suivi"];

    public static byte[] Build(AnnualReport r)
    {
        using var workbook = new XLWorkbook();
        Sheet(workbook, SheetNames[0], ["Axe", "N°", "Fiche action", "Publiée", "Pilote et co-pilotes", $"État au 1er janvier {r.Year}", $"État au {OfferDisplay.Date(r.On)}", "Depuis le", "Changements d’état dans l’année", $"Places prévues en {r.Year}"],
            r.Sheets.Select(s => new object?[] { s.AxisNumber, s.Number, s.Title, s.IsPublished ? "oui" : "non (brouillon)", s.Pilots, s.StateAtStart.Label(), s.StateAtEnd.Label(), s.StateOn, AnnualReportText.Changes(s), s.PlannedInYear }));
        Sheet(workbook, SheetNames[1], ["Axe", "N°", "Fiche action", "Date", "État", "Commentaire"],
            r.Updates.Select(u => new object?[] { u.Sheet.AxisNumber, u.Sheet.Number, u.Sheet.Title + (u.Sheet.IsPublished ? "" : AnnualReportText.Draft), u.On, u.State.Label(), u.Comment }));
        Sheet(workbook, SheetNames[2], ["N°", "Fiche action", "Indicateur", "Cible", "Indicateur de l’observatoire", $"Valeur {r.Year} ({r.DepartementName})", $"Valeur {r.Year - 1}"],
            r.Indicators.Select(i => new object?[] { i.Sheet.Number, i.Sheet.Title, i.Label, i.Target, i.Observatory?.Label, i.Value, i.PreviousValue }));
        Sheet(workbook, SheetNames[3], ["Date", "Instance", "Type", "Présents", "Représentés", "Membres relevés", "Décisions"],
            r.Meetings.Select(m => new object?[] { m.Date, m.Body, m.Kind.Label(), m.Present, m.Represented, m.Listed, m.Decisions.Count }));
        Sheet(workbook, SheetNames[4], ["Date de la réunion", "Instance", "N°", "Décision", "Action de suivi", "Responsable", "Échéance", $"État au {OfferDisplay.Date(r.Today)}", "Commentaire"],
            r.Meetings.SelectMany(m => m.Decisions.SelectMany(d => d.FollowUps.Count == 0
                ? [new object?[] { m.Date, m.Body, d.Number, d.Text, null, null, null, null, null }]
                : d.FollowUps.Select(f => new object?[] { m.Date, m.Body, d.Number, d.Text, f.Title, f.Owner, f.DueOn, AnnualReportText.FollowUpState(f), f.Comment }))));
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static void Sheet(XLWorkbook workbook, string name, string[] headers, IEnumerable<object?[]> rows)
    {
        var sheet = workbook.Worksheets.Add(name);
        var widths = headers.Select(h => h.Length).ToArray();
        for (var c = 0; c < headers.Length; c++)
        {
            sheet.Cell(1, c + 1).Value = headers[c];
            sheet.Cell(1, c + 1).Style.Font.Bold = true;
        }
        var r = 2;
        foreach (var row in rows)
        {
            for (var c = 0; c < row.Length; c++)
            {
                var cell = sheet.Cell(r, c + 1);
                switch (row[c])
                {
                    case int n: cell.Value = n; break;
                    case decimal d: cell.Value = d; cell.Style.NumberFormat.Format = "0.0"; break;
                    case DateOnly day: cell.Value = day.ToDateTime(TimeOnly.MinValue); cell.Style.DateFormat.Format = "dd/mm/yyyy"; break;
                    case string s: cell.Value = SpreadsheetText.Safe(s); cell.DataType = XLDataType.Text; break;
                }
                widths[c] = Math.Max(widths[c], row[c] is string text ? text.Length : 10);
            }
            r++;
        }
        sheet.SheetView.FreezeRows(1);
        // Widths from the longest text: AdjustToContents measures fonts with System.Drawing, absent on Linux servers.
        for (var c = 0; c < headers.Length; c++)
        {
            sheet.Column(c + 1).Width = Math.Clamp(widths[c] + 2, 8, 60);
            if (widths[c] > 60) sheet.Column(c + 1).Style.Alignment.WrapText = true;
        }
    }
}
