using Berceau.Domain.Commission;
using Berceau.Web.Features.Offer.Staff;
using Berceau.Web.Features.Shared;
using Berceau.Web.Infrastructure.Pdf;
using Microsoft.Extensions.Options;

namespace Berceau.Web.Features.Commission;

/// <summary>The procès-verbal on paper (A4, PdfPig with the DejaVu font), the same content as the printable page.</summary>
public sealed class MinutesPdf(PdfFonts fonts, IOptions<DeploymentOptions> deployment, TimeProvider clock)
{
    public static string FileName(CommissionMinutes m) => $"proces-verbal-{m.Session.CommuneCode}-{m.Session.MeetingDate:yyyy-MM-dd}.pdf";

    public byte[] Build(CommissionMinutes m)
    {
        var s = m.Session;
        var o = m.Outcome;
        var printed = OfferDisplay.Instant(clock.GetUtcNow());
        using var pdf = new PdfTextDocument(fonts, $"Procès-verbal – {s.Title}", $"Procès-verbal – {s.Title} – établi le {printed}");

        pdf.Title($"Procès-verbal de la commission d’attribution – {s.Title}");
        pdf.Paragraph($"{deployment.Value.Name} – document établi le {printed}.");
        pdf.Field("Commune", m.CommuneName);
        pdf.Field("Réunion", OfferDisplay.Date(s.MeetingDate));
        pdf.Field("Gel des demandes", $"{OfferDisplay.Date(s.FreezeDate)}, grille de points n° {m.GridVersion}");
        pdf.Field("Validation", $"Le {OfferDisplay.Instant(s.ValidatedAt!.Value)} par {m.ValidatedBy}, calcul n° {m.Validated.Number}");

        pdf.Heading("Membres");
        if (!m.AttendanceRecorded) pdf.Paragraph("Les présences n’ont pas été relevées.");
        foreach (var member in m.Members)
            pdf.Item("–", $"{member.Name} ({member.Role.Label()}) : {CommissionMinutes.Attendance(member.Present)}");

        pdf.Heading("Chiffres");
        pdf.Field("Demandes examinées", o.Applications.ToString());
        pdf.Field("Places à attribuer", o.Seats.ToString());
        pdf.Field("Demandes placées", $"{o.Placed} ({CommissionMinutes.Percent(o.Placed, o.Applications)}), dont {o.Forced} placées d’office");
        pdf.Field("Premier vœu obtenu", $"{o.FirstWish} ({CommissionMinutes.Percent(o.FirstWish, o.Applications)} des demandes)");
        pdf.Field("Demandes sans place", $"{o.Applications - o.Placed} (un dossier de suivi est ouvert pour chacune)");
        pdf.Field("Places réservées", o.Reserved == 0 ? "Aucune" : $"{CommissionDisplay.ReservedSeats(o.Reserved)}, dont {o.ViaReserve} via une réserve");
        foreach (var r in o.ReservesByCategory)
            pdf.Item("–", $"{r.Seats} {CommissionDisplay.ReservedFor(r.Category)} : {CommissionDisplay.FilledViaReserve(r.Filled)}");
        pdf.Paragraph("Places par section", bold: true);
        foreach (var section in o.Sections)
            pdf.Item("–", $"{section.Structure} – {section.Section} : {section.Placed} attribuées sur {section.Seats}, dont {section.Forced} d’office"
                + (section.Reserves.Count > 0 ? $" ; places réservées : {string.Join(", ", section.Reserves.Select(r => $"{r.Seats} {CommissionDisplay.ReserveShort(r.Category)}"))}, "
                    + $"pourvues via une réserve : {section.ViaReserve}" : "")
                + (section.CutoffScore is { } cut ? $" ; score du dernier admis : {cut}" : ""));

        pdf.Heading("Décisions de la commission");
        if (m.Overrides.Count == 0) pdf.Paragraph("Aucune : la décision est la proposition du moteur.");
        for (var i = 0; i < m.Overrides.Count; i++)
        {
            var d = m.Overrides[i];
            pdf.Item($"{i + 1}.", $"Demande {d.Application} : {d.Decision}, le {OfferDisplay.Instant(d.At)} par {d.By}. Motif : « {d.Reason} ».",
                d.WithdrawnAt is { } withdrawn ? $"Retirée le {OfferDisplay.Instant(withdrawn)} par {d.WithdrawnBy}." : d.Applied ? "Appliquée au calcul validé." : null);
        }

        pdf.Heading("Contrôle");
        pdf.Paragraph("Chaque calcul peut être rejoué : refait avec la même instance et la même version du moteur, il doit donner exactement le même résultat.");
        pdf.Field("Calcul validé", $"n° {m.Validated.Number}, moteur {m.Validated.EngineVersion}");
        pdf.Field("Empreinte de l’instance", m.Validated.InstanceHash);
        pdf.Field("Empreinte du résultat", m.ResultHash);
        foreach (var r in m.Runs)
            pdf.Item("–", $"Calcul n° {r.Number}, lancé le {OfferDisplay.Instant(r.At)} par {r.By}", r.InstanceHash);
        return pdf.Build();
    }
}
