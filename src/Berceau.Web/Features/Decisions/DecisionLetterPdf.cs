using Berceau.Web.Features.Offer.Staff;
using Berceau.Web.Infrastructure.Pdf;

namespace Berceau.Web.Features.Decisions;

/// <summary>The decision letter as an A4 PDF (DejaVu Sans embedded, as the application summary), for the family and the guichet.</summary>
public sealed class DecisionLetterPdf(PdfFonts fonts)
{
    public byte[] Build(DecisionLetter letter)
    {
        using var pdf = new PdfTextDocument(fonts, $"Décision – demande {letter.Reference}", $"Demande {letter.Reference} – courrier du {OfferDisplay.Date(letter.Date)}");
        pdf.Paragraph(letter.Sender, bold: true);
        pdf.Paragraph($"{letter.CommuneName}, le {OfferDisplay.Date(letter.Date)}");
        foreach (var name in letter.Addressees) pdf.Paragraph(name);
        if (letter.Address is { Length: > 0 } address) pdf.Paragraph(address);
        pdf.Title(letter.Subject);
        pdf.Field("Numéro de demande", letter.Reference);
        pdf.Field("Enfant", letter.Child);
        pdf.Heading("La décision");
        foreach (var line in letter.Decision) pdf.Paragraph(line);
        pdf.Heading("Et maintenant ?");
        foreach (var line in letter.NextSteps) pdf.Paragraph(line);
        pdf.Heading("Contester la décision");
        pdf.Paragraph(letter.Appeal);
        pdf.Field("Votre espace famille", letter.FamilyLink);
        return pdf.Build();
    }
}
