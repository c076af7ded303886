using System.Globalization;
using Berceau.Domain.Applications;
using Berceau.Domain.Offer;
using Berceau.Web.Features.Applications.Family;
using Berceau.Web.Features.Offer.Staff;
using Berceau.Web.Features.Notifications;
using Berceau.Web.Features.Shared;
using Berceau.Web.Infrastructure.Pdf;
using Microsoft.Extensions.Options;

namespace Berceau.Web.Features.Applications;

/// <summary>What the summary shows besides the application itself.</summary>
public sealed record ApplicationSummaryData(
    Application Application,
    string CommuneName,
    string? SectorName,
    IReadOnlyDictionary<FacilityId, string> FacilityNames,
    IReadOnlyList<DocumentSummary> Documents,
    IReadOnlyList<TimelineItem> Timeline,
    DateTimeOffset PrintedAt);

/// <summary>
/// The family's application on paper (RULES §7, right of access): a readable A4 PDF with the reference, the status and
/// what comes next, the child, the household, the wishes in order, the proofs and their check, the dates, the history
/// and the information notice. Written for the family (« vous »), also when the guichet prints it for a family at the
/// counter. The JSON export carries the same data for machines.
/// </summary>
public sealed class ApplicationSummaryPdf(PdfFonts fonts, ApplicationFileQueries queries, TimeProvider clock, IOptions<DeploymentOptions> deployment, PublicLinks links)
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static string FileName(Application a) => $"{a.Reference}.pdf";

    /// <summary>
    /// Reads what the summary needs and writes it. The caller found the application through its own access rule (the
    /// family's ownership, the agent's territory) and audits the download.
    /// </summary>
    public async Task<byte[]> BuildAsync(Application a, CancellationToken ct) => Build(new ApplicationSummaryData(a,
        await queries.CommuneNameAsync(a.CommuneCode, ct),
        await queries.SectorNameAsync(a.SectorId, ct),
        await queries.FacilityNamesAsync(GridAnswersDisplay.FacilityIds(a), ct),
        await queries.DocumentsAsync(a.Id.Value, ct),
        // Written for the family: its own steps read « Vous », the guichet's « Le guichet », whoever prints it.
        ApplicationDisplay.Timeline(a, a.FamilyUserId ?? ""),
        clock.GetUtcNow()));

    public byte[] Build(ApplicationSummaryData data)
    {
        var a = data.Application;
        var d = deployment.Value;
        var printed = OfferDisplay.Instant(data.PrintedAt);
        using var pdf = new PdfTextDocument(fonts, $"Demande {a.Reference}", $"Demande {a.Reference} – établi le {printed}");

        pdf.Title("Résumé de votre demande de place en crèche");
        pdf.Paragraph($"{d.Name} – document établi le {printed}.");
        pdf.Field("Numéro de demande", a.Reference);
        pdf.Field("Commune", data.CommuneName);
        pdf.Field("Statut", a.Status.Label());
        pdf.Paragraph(ApplicationDisplay.NextStep(a.Status, a.ConfirmationDueOn));

        pdf.Heading("L’enfant");
        pdf.Field("Nom", ApplicationDisplay.ChildName(a.ChildFirstName, a.ChildLastName));
        if (a.ChildBirthDate is { } born) pdf.Field("Date de naissance", OfferDisplay.Date(born));
        if (a.ChildExpectedBirthDate is { } expected) pdf.Field("Date prévue d’accouchement", OfferDisplay.Date(expected));

        pdf.Heading("Le foyer");
        pdf.Field("Adresse", string.Join(", ", new[] { a.Street, $"{a.PostalCode} {data.CommuneName}".Trim() }.Where(s => !string.IsNullOrWhiteSpace(s))));
        pdf.Field("Secteur", data.SectorName);
        foreach (var g in a.Guardians.OrderBy(g => g.Rank))
            pdf.Field(a.Guardians.Count > 1 ? $"Parent {g.Rank}" : "Parent",
                $"{g.FirstName} {g.LastName}".Trim() + (g.Situation is { } s ? " – " + s.Label() : ""));
        pdf.Field("Enfants à charge", a.ChildrenInHousehold.ToString(French));
        pdf.Field("Membre du foyer en situation de handicap", OfferDisplay.YesNo(a.DisabledMemberInHousehold));
        pdf.Field("Minimum social dans le foyer (RSA, AAH, ASS…)", OfferDisplay.YesNo(a.ReceivesSocialMinimum));
        pdf.Field("Ressources de l’année N-2", a.AnnualResources is { } r ? r.ToString("N0", French) + " €" : null);
        pdf.Field("Numéro d’allocataire CAF", a.CafNumber);
        pdf.Field("Quotient familial CAF", GridAnswersDisplay.Quotient(a.QuotientFamilial));
        pdf.Field("Suivi par la PMI ou un service social", OfferDisplay.YesNo(a.SocialSupport));
        pdf.Field("Frère ou sœur déjà accueilli", GridAnswersDisplay.Structures(a.SiblingFacilities, data.FacilityNames));
        pdf.Field("Employeur partenaire d’un parent", GridAnswersDisplay.Structures(a.PartnerEmployerFacilities, data.FacilityNames));

        pdf.Heading("L’accueil souhaité");
        pdf.Field("Date d’entrée", OfferDisplay.Date(a.DesiredStart));
        pdf.Field("Jours", OfferDisplay.Days(a.Days));
        pdf.Field("Horaires", OfferDisplay.Hours(a.From, a.To));

        pdf.Heading("Vos choix de crèches, par ordre de préférence");
        if (a.Wishes.Count == 0) pdf.Paragraph("Aucun choix pour l’instant.");
        foreach (var wish in a.RankedWishes)
            pdf.Item($"{wish.Rank}.", wish.FacilityId is { } id
                ? data.FacilityNames.TryGetValue(id, out var name) ? name : "Crèche qui n’existe plus"
                : "Toute crèche de mon secteur");

        pdf.Heading("Pièces justificatives");
        IReadOnlyList<ProofKind> missing = ApplicationStatuses.IsFinal(a.Status) ? []
            : Proofs.Missing(a, data.Documents.Where(x => x.Review != ProofReview.Rejected).Select(x => x.Kind));
        if (data.Documents.Count == 0) pdf.Paragraph("Aucune pièce envoyée.");
        foreach (var doc in data.Documents)
            pdf.Item("–", $"{doc.Kind.Label()} : {doc.FileName}",
                $"Envoyée le {OfferDisplay.Instant(doc.UploadedAt)} – " + doc.Review switch
                {
                    ProofReview.Validated => "acceptée par le guichet",
                    ProofReview.Rejected => "refusée par le guichet : " + doc.RejectionReason,
                    _ => "pas encore vérifiée",
                });
        if (missing.Count > 0)
        {
            pdf.Paragraph("Pièces à fournir :", bold: true);
            foreach (var kind in missing) pdf.Item("–", kind.Label());
        }

        pdf.Heading("Dates");
        pdf.Field("Demande créée le", OfferDisplay.Instant(a.CreatedAt));
        pdf.Field("Déposée le", a.SubmittedAt is { } at ? OfferDisplay.Instant(at) : "Pas encore déposée");
        pdf.Field("Notice d’information acceptée le", a.ConsentAt is { } consent ? OfferDisplay.Instant(consent) : null);
        if (a.LastConfirmedOn is { } confirmed) pdf.Field("Dernière confirmation", OfferDisplay.Date(confirmed));
        if (a.ConfirmationDueOn is { } due) pdf.Field("Prochaine confirmation", "À partir du " + OfferDisplay.Date(due));

        pdf.Heading("Historique");
        // Oldest first, as a record reads; the timeline comes newest first (creation last among equal instants).
        foreach (var item in data.Timeline.Reverse())
            pdf.Item("–", $"{OfferDisplay.Instant(item.At)} : {item.Title} ({item.Who})", item.Reason is null ? null : "Motif : " + item.Reason);

        pdf.Heading("Vos données personnelles");
        pdf.Paragraph("Vos réponses servent uniquement à étudier votre demande de place (mission de service public, article 6-1-e du RGPD). "
            + "Elles sont lues par le guichet de votre commune et la commission d’attribution, puis effacées si votre enfant n’est pas "
            + "accueilli, après que la demande est devenue caduque ou a été annulée. Chaque consultation de votre dossier par un "
            + "professionnel est enregistrée et vous pouvez la voir dans votre espace famille.");
        pdf.Paragraph("Vous pouvez consulter vos données, les télécharger, les faire corriger et demander leur effacement depuis votre "
            + "espace famille, ou en écrivant au délégué à la protection des données.");
        pdf.Field("Responsable du traitement", $"{d.Publisher}, {d.PublisherAddress}");
        pdf.Field("Délégué à la protection des données", $"{d.DpoEmail} – {d.DpoAddress}");
        pdf.Field("Notice complète", links.Absolute("/donnees-personnelles"));
        pdf.Paragraph("Si vous estimez que vos droits ne sont pas respectés, vous pouvez adresser une réclamation à la CNIL "
            + "(www.cnil.fr, 3 place de Fontenoy, TSA 80715, 75334 Paris CEDEX 07).");
        return pdf.Build();
    }
}
