using Berceau.Domain.Observatory;
using Berceau.Web.Features.Observatory.Dashboard;
using Berceau.Web.Features.Offer.Staff;
using Berceau.Web.Features.Shared;
using Berceau.Web.Infrastructure.Pdf;
using Microsoft.Extensions.Options;

namespace Berceau.Web.Features.Observatory;

/// <summary>
/// The commune profile on paper (A4, <see cref="PdfTextDocument"/>): the same indicator tables as the page, each row
/// as a line « column : value » since the document has no table layout.
/// </summary>
public sealed class CommuneProfilePdf(PdfFonts fonts, IOptions<DeploymentOptions> deployment, TimeProvider clock)
{
    public static string FileName(string code) => $"observatoire-{code}.pdf";

    public byte[] Build(string name, IReadOnlyList<IndicatorTable> tables)
    {
        var printed = OfferDisplay.Instant(clock.GetUtcNow());
        using var pdf = new PdfTextDocument(fonts, $"Observatoire – {name}", $"Observatoire de l’accueil du jeune enfant – {name} – établi le {printed}");
        pdf.Title($"Observatoire de l’accueil du jeune enfant : {name}");
        pdf.Paragraph($"{deployment.Value.Name} – document établi le {printed}. Le taux de couverture compte les places d’accueil "
            + "offertes pour 100 enfants de moins de 3 ans (définition de la Cnaf), arrondi au dixième.");
        foreach (var table in tables)
        {
            pdf.Heading(table.Title);
            pdf.Paragraph($"Unité : {table.Unit}.");
            foreach (var row in table.Rows)
            {
                var values = row.Cells.Skip(1).Select((cell, i) =>
                    $"{table.Columns[i + 1].Header} : {(cell.Number is { } n ? DashboardTables.Format(n, cell.DecimalsIn(table.Columns[i + 1])) : cell.Text ?? "non disponible")}");
                pdf.Field(row.Cells[0].Text ?? "", string.Join(" ; ", values));
            }
            pdf.Paragraph($"Source : {table.Source}");
            if (table.Note is not null)
                pdf.Paragraph(table.Note);
        }
        return pdf.Build();
    }
}
