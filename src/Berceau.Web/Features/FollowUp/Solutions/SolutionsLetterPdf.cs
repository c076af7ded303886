using Berceau.Web.Features.Offer.Staff;
using Berceau.Web.Infrastructure.Pdf;

namespace Berceau.Web.Features.FollowUp.Solutions;

/// <summary>The « solutions » letter as an A4 PDF (DejaVu Sans embedded, as the decision letters).</summary>
public sealed class SolutionsLetterPdf(PdfFonts fonts)
{
    public byte[] Build(SolutionsLetter letter)
    {
        using var pdf = new PdfTextDocument(fonts, $"Solutions d’accueil – demande {letter.Reference}", $"Demande {letter.Reference} – courrier du {OfferDisplay.Date(letter.Date)}");
        pdf.LetterHead(letter.Sender, $"{letter.CommuneName}, le {OfferDisplay.Date(letter.Date)}", letter.Addressees, letter.Address,
            SolutionsLetter.Subject, letter.Reference, letter.Child);
        pdf.Paragraph(letter.Need);
        foreach (var section in letter.Sections)
        {
            pdf.Heading(section.Heading);
            foreach (var item in section.Items)
                pdf.Item("–", item.Title, string.Join(" ", new[] { item.Detail, item.Link }.Where(s => s is not null)));
            if (section.Note is { } note) pdf.Paragraph(note);
        }
        pdf.Paragraph(letter.Closing);
        return pdf.Build();
    }
}
