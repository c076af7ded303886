using Berceau.Data;
using Berceau.Data.Commission;
using Berceau.Domain.Applications;
using Berceau.Domain.Commission;
using Berceau.Web.Features.Applications.Family;
using Berceau.Web.Features.Commission;
using Berceau.Web.Features.Notifications;
using Berceau.Web.Features.Offer.Staff;
using Berceau.Web.Features.Shared;
using Berceau.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Berceau.Web.Features.Decisions;

/// <summary>
/// A decision letter (courrier de décision), the same for the family and the guichet, on screen, printed or as a PDF: who it is
/// for, what the commission decided (the current offer, or the waiting list with the engine's explanation), what to do next,
/// and how to contest it.
/// </summary>
public sealed record DecisionLetter(
    string Sender, string Reference, string Child, IReadOnlyList<string> Addressees, string? Address, string CommuneName,
    DateOnly Date, string Subject, bool IsOffer, OfferStatus? OfferStatus, IReadOnlyList<string> Decision, IReadOnlyList<string> NextSteps,
    string Appeal, string FamilyLink)
{
    public static string FileName(string reference) => $"decision-{reference}.pdf";
}

/// <summary>Builds <see cref="DecisionLetter"/> from a published session and one application it examined.</summary>
public sealed class DecisionLetters(BerceauDbContext db, CommissionQueries queries, OfferQueries offers, IOptions<DeploymentOptions> deployment,
    PublicLinks links)
{
    public static string FamilyPath(Guid application) => $"/famille/demandes/{application}/decision";

    /// <summary>Null when the session did not examine the application or is not published.</summary>
    public async Task<DecisionLetter?> BuildAsync(CommissionSession session, Application application, CancellationToken ct)
    {
        if (session.Status != CommissionStatus.Published) return null;
        var published = await PublishedRun.LoadAsync(db, queries, session, ct);
        var instanceId = published?.InstanceIdOf(application.Id);
        if (published is null || instanceId is null) return null;
        var commune = await db.Communes.AsNoTracking().Where(c => c.Code == session.CommuneCode).Select(c => c.Name).FirstOrDefaultAsync(ct) ?? session.CommuneCode;
        var all = await offers.OffersOfAsync(session.Id, application.Id, tracked: false, ct);
        var offer = OfferQueries.Current(all);
        // A seat at a better wish offered to a family that had accepted a place: it keeps that place until it accepts this one.
        var kept = offer?.Status == OfferStatus.Proposed ? all.FirstOrDefault(o => o.Status == OfferStatus.Accepted) : null;
        var upgrade = offer is not null && all.Any(o => o.Id != offer.Id && o.Status is OfferStatus.Accepted or OfferStatus.Replaced);
        var child = ApplicationDisplay.ChildName(application.ChildFirstName, application.ChildLastName);
        var intro = $"La commission d’attribution des places en crèche de {commune}, réunie le {OfferDisplay.Date(session.MeetingDate)}, "
            + $"a examiné votre demande n° {application.Reference} pour {child}.";
        var link = links.Absolute(FamilyPath(application.Id.Value));
        List<string> decision = [intro];
        List<string> next = [];
        if (offer is not null)
        {
            var where = published.SectionOf(offer.SectionId);
            var place = $"{DecisionText.Creche(published.FacilityName(offer.FacilityId))}, section « {where?.Section.Name} », à partir du {OfferDisplay.Date(published.AvailableOn(offer.SectionId))}";
            decision.Add(offer.Round == 0 ? $"Elle vous propose une place à {place}."
                : upgrade ? $"Une place s’est libérée depuis dans une crèche que vous aviez mieux classée : elle vous est proposée selon votre rang sur sa liste d’attente, à {place}."
                : $"Elle n’avait pas pu vous proposer de place. Une place s’est libérée depuis : elle vous est proposée selon votre rang sur la liste d’attente, à {place}.");
            if (await ScoreAsync(session, application, offer.FacilityId.Value, ct) is { } score) decision.Add($"Vos points à cette crèche : {score}.");
            // Only the commission's own offer can come from a reserve: a reattributed seat follows the waiting list.
            if (offer.Round == 0 && published.Run.Placements.GetValueOrDefault(instanceId)?.ViaReserve is { } reserve) decision.Add(DecisionText.ViaReserve(reserve));
            next.AddRange(offer.Status switch
            {
                OfferStatus.Proposed when kept is not null => [$"Répondez au plus tard le {OfferDisplay.Date(offer.Deadline)}, dans votre espace famille ({link}) ou au guichet de votre commune.",
                    $"Si vous refusez cette place ou ne répondez pas, vous gardez votre place à {DecisionText.Creche(published.FacilityName(kept.FacilityId))}. "
                    + "Si vous l’acceptez, votre place actuelle sera proposée à une autre famille."],
                OfferStatus.Proposed => [$"Répondez au plus tard le {OfferDisplay.Date(offer.Deadline)}, dans votre espace famille ({link}) ou au guichet de votre commune.",
                    "Sans réponse à cette date, la place sera proposée à une autre famille."],
                OfferStatus.Accepted => [$"Vous avez accepté cette place le {Day(offer.AnsweredAt)}. La direction de la crèche vous contactera pour préparer l’accueil de votre enfant."],
                OfferStatus.Refused => [$"Vous avez refusé cette place le {Day(offer.AnsweredAt)}."],
                OfferStatus.Expired => [DecisionText.Expired(offer.Deadline)],
                OfferStatus.Replaced => [$"Vous avez accepté le {Day(offer.AnsweredAt)} une place dans une crèche que vous aviez mieux classée : celle-ci a été libérée."],
                _ => [$"Cette proposition a été retirée le {Day(offer.AnsweredAt)} : {offer.Reason}"],
            });
            // Refused or expired: what the commune's rule made of the application.
            if (!offer.Status.HoldsSeat() && offer.Status is OfferStatus.Refused or OfferStatus.Expired)
                next.AddRange(AfterDeclined(application.Status, offer.Status));
        }
        else
        {
            decision.Add("Elle n’a pas pu vous proposer de place : votre demande reste sur la liste d’attente.");
            decision.AddRange(DecisionText.Waitlist(published.Run, instanceId, published.Names.Structure));
            next.Add("Si une place se libère dans une crèche que vous avez demandée, elle vous sera proposée selon votre rang, sans attendre la prochaine commission.");
            next.Add("Pensez à confirmer votre demande tous les trois mois dans votre espace famille.");
            next.Add("En attendant, le relais petite enfance de votre commune peut vous aider à trouver un ou une assistante maternelle, ou une place en accueil occasionnel.");
        }
        var appeal = $"Si vous n’êtes pas d’accord avec cette décision, vous pouvez écrire à la mairie de {commune} (recours gracieux) "
            + "ou saisir le tribunal administratif, dans les deux mois qui suivent sa réception.";
        var address = string.Join(", ", new[] { application.Street, $"{application.PostalCode} {commune}".Trim() }.Where(s => !string.IsNullOrWhiteSpace(s)));
        return new DecisionLetter(deployment.Value.Name, application.Reference, child,
            [.. application.Guardians.OrderBy(g => g.Rank).Select(g => $"{g.FirstName} {g.LastName}".Trim()).Where(n => n.Length > 0)],
            application.ErasedAt is null ? address : null, commune,
            offer is null ? ParisTime.DayOf(session.PublishedAt ?? session.CreatedAt) : ParisTime.DayOf(offer.OfferedAt),
            offer is null ? "Décision de la commission d’attribution : liste d’attente" : "Décision de la commission d’attribution : proposition de place",
            offer is not null, offer?.Status, decision, next, appeal, link);
    }

    private static IEnumerable<string> AfterDeclined(ApplicationStatus status, OfferStatus offer) => status switch
    {
        ApplicationStatus.Waitlisted => [offer == OfferStatus.Refused ? PlaceOffer.BackOnWaitlistAfterRefusal : PlaceOffer.BackOnWaitlistAfterExpiry],
        ApplicationStatus.Lapsed => [PlaceOffer.LapsedAfterExpiry],
        ApplicationStatus.Declined => ["Conformément au règlement de la commune, votre demande prend fin. Si votre situation a changé, le guichet de votre commune peut la remettre sur la liste d’attente."],
        _ => [],
    };

    private static string Day(DateTimeOffset? at) => at is { } a ? OfferDisplay.Date(ParisTime.DayOf(a)) : "";

    /// <summary>The application's points at the structure, as the freeze computed them.</summary>
    private async Task<int?> ScoreAsync(CommissionSession session, Application application, Guid facility, CancellationToken ct)
    {
        var json = await db.CommissionEntries.AsNoTracking().Where(e => e.SessionId == session.Id && e.ApplicationId == application.Id)
            .Select(e => e.ScoresJson).FirstOrDefaultAsync(ct);
        var scores = json is null ? null : StoredScores.Read(json, await StoredScores.TableAsync(db, session.Id, ct));
        return scores?.FirstOrDefault(s => s.Facility == facility)?.Total;
    }
}
