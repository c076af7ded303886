using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Berceau.Domain.Applications;
using Berceau.Domain.Offer;

namespace Berceau.Web.Features.Applications.Family;

/// <summary>
/// The family's copy of its application (right of access and portability, RULES §7): every field, every event, the list
/// of proofs. Labels in French, values as stored, so that the family can read it and another service can load it.
/// </summary>
public static class ApplicationExport
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static byte[] ToJson(Application a, string familyUserId, IReadOnlyList<DocumentSummary> documents, IReadOnlyDictionary<FacilityId, string> facilityNames,
        IReadOnlyList<AccessSummary> accesses) =>
        JsonSerializer.SerializeToUtf8Bytes(new
        {
            reference = a.Reference,
            statut = a.Status.Label(),
            commune = a.CommuneCode,
            adresse = new { voie = a.Street, codePostal = a.PostalCode, secteur = a.SectorId },
            enfant = new { prenom = a.ChildFirstName, nom = a.ChildLastName, dateNaissance = a.ChildBirthDate, dateAccouchementPrevue = a.ChildExpectedBirthDate },
            parents = a.Guardians.OrderBy(g => g.Rank).Select(g => new { prenom = g.FirstName, nom = g.LastName, situation = g.Situation?.Label() }),
            foyer = new { enfantsACharge = a.ChildrenInHousehold, membreEnSituationDeHandicap = a.DisabledMemberInHousehold, minimumSocial = a.ReceivesSocialMinimum, ressourcesAnnuellesN2 = a.AnnualResources, numeroCaf = a.CafNumber },
            grille = new
            {
                quotientFamilialCaf = a.QuotientFamilial,
                suiviPmiOuServiceSocial = a.SocialSupport,
                frereOuSoeurAccueilliDans = a.SiblingFacilities.Select(id => new { structure = id.Value, libelle = facilityNames.GetValueOrDefault(id) }),
                employeurPartenaireDe = a.PartnerEmployerFacilities.Select(id => new { structure = id.Value, libelle = facilityNames.GetValueOrDefault(id) }),
            },
            besoin = new { dateEntree = a.DesiredStart, jours = Offer.Staff.OfferDisplay.Days(a.Days), arrivee = a.From, depart = a.To },
            voeux = a.RankedWishes.Select(w => new
            {
                rang = w.Rank,
                structure = w.FacilityId?.Value,
                libelle = w.FacilityId is { } id ? facilityNames.GetValueOrDefault(id) : "Toute crèche de mon secteur",
            }),
            consentement = a.ConsentAt,
            creeeLe = a.CreatedAt,
            deposeeLe = a.SubmittedAt,
            derniereConfirmation = a.LastConfirmedOn,
            historique = ApplicationStatusHistory.InTimeOrder(a.StatusChanges).Select(c => new { de = c.From.Label(), vers = c.To.Label(), le = c.At, par = ApplicationDisplay.Who(c.By, familyUserId), motif = c.Reason }),
            evenements = a.Events.OrderBy(e => e.At).Select(e => new { evenement = e.Label, le = e.At, par = ApplicationDisplay.Who(e.By, familyUserId) }),
            piecesJustificatives = documents.Select(d => new { type = d.Kind.Label(), fichier = d.FileName, octets = d.Size, le = d.UploadedAt, verification = Applications.ProofDisplay.Review(d.Review), motifDuRefus = d.RejectionReason }),
            consultations = accesses.Select(x => new { le = x.At, service = Domain.Access.Roles.Label(x.Role), consultation = x.Kind.Label() }),
        }, Options);
}
