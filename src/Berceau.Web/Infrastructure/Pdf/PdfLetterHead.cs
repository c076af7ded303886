namespace Berceau.Web.Infrastructure.Pdf;

/// <summary>The head every letter to a family starts with, so that the decision and the « solutions » letters read alike.</summary>
public static class PdfLetterHead
{
    /// <summary>Sender, place and date, addressees and their postal address, subject, then the application's reference and child.</summary>
    public static void LetterHead(this PdfTextDocument pdf, string sender, string placeAndDate, IEnumerable<string> addressees, string? address,
        string subject, string reference, string child)
    {
        pdf.Paragraph(sender, bold: true);
        pdf.Paragraph(placeAndDate);
        foreach (var name in addressees) pdf.Paragraph(name);
        if (address is { Length: > 0 }) pdf.Paragraph(address);
        pdf.Title(subject);
        pdf.Field("Numéro de demande", reference);
        pdf.Field("Enfant", child);
    }
}
