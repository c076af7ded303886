using Berceau.Web.Features.Offer.Staff;
using Berceau.Web.Infrastructure.Pdf;

namespace Berceau.Web.Features.Decisions;

/// <summary>The decision letter as an A4 PDF (DejaVu Sans embedded, as the application summary), for the family and the guichet.</summary>
public sealed class DecisionLetterPdf(PdfFonts fonts)
{
    public byte[] Build(DecisionLetter letter)
    {
        using var pdf = new PdfTextDocument(fonts, $"Décision – demande {letter.Reference}", $"Demande {letter.Reference} – courrier du {OfferDisplay.Date(letter.Date)}");
        pdf.LetterHead(letter.Sender, $"{letter.CommuneName}, le {OfferDisplay.Date(letter.Date)}", letter.Addressees, letter.Address,
            letter.Subject, letter.Reference, letter.Child);
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
