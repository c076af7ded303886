using System.Globalization;
using Berceau.Data;
using Berceau.Domain.Access;
using Berceau.Domain.Commission;
using Berceau.Domain.Common;
using Berceau.Domain.Newsletter;
using Berceau.Domain.Schema;
using Berceau.Domain.Surveys;
using Berceau.Web.Features.Notifications;
using Berceau.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Surveys;

/// <summary>A published commission the families of which may be invited: its id, title and meeting day.</summary>
public sealed record InvitableCommission(Guid Id, string Title, DateOnly MeetingDate, string CommuneCode);

/// <summary>What an invitation round did: new invitations sent, addresses already invited (sent nothing more).</summary>
public sealed record InvitationCount(int Sent, int AlreadyInvited);

/// <summary>
/// Invites people to answer an open survey, each by an e-mail with their own signed link (outbox, saved with the invitations):
/// the families of a published commission of the survey's territory (Metz's practice), the members of partner organisations of
/// the département, or a pasted list of addresses. An address is invited once per survey; inviting it again sends nothing.
/// </summary>
public sealed class SurveyInvitations(BerceauDbContext db, SurveyAccess access, SurveyTokens tokens, Notifier notifier, AuditLog audit)
{
    public const int MaxPasted = 500;
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");
    private static readonly char[] Separators = ['\n', '\r', ',', ';', ' ', '\t'];

    /// <summary>The published commissions of the survey's commune (or of its département's communes), newest first.</summary>
    public async Task<IReadOnlyList<InvitableCommission>> CommissionsAsync(Survey survey, CancellationToken ct)
    {
        var sessions = await db.CommissionSessions.AsNoTracking().Where(s => s.Status == CommissionStatus.Published)
            .Where(s => survey.CommuneCode == null ? s.CommuneCode.StartsWith(survey.DepartementCode) : s.CommuneCode == survey.CommuneCode)
            .Select(s => new InvitableCommission(s.Id.Value, s.Title, s.MeetingDate, s.CommuneCode)).ToListAsync(ct);
        return [.. sessions.Where(s => TerritoryScope.DepartementOf(s.CommuneCode) == survey.DepartementCode)
            .OrderByDescending(s => s.MeetingDate).ThenBy(s => s.Id)];
    }

    public Task<List<PartnerOrganisation>> OrganisationsAsync(Survey survey, CancellationToken ct) =>
        db.PartnerOrganisations.AsNoTracking().Where(o => o.DepartementCode == survey.DepartementCode).OrderBy(o => o.Name).ToListAsync(ct);

    public async Task<(int Invited, int Answered)> CountsAsync(Guid survey, CancellationToken ct) =>
        (await db.SurveyInvitations.CountAsync(i => i.SurveyId == survey, ct), await db.SurveyInvitations.CountAsync(i => i.SurveyId == survey && i.Answered, ct));

    /// <summary>Every family whose application the commission examined, once per account with an address.</summary>
    public async Task<Outcome<InvitationCount>> InviteCommissionAsync(Survey survey, Guid? session, CancellationToken ct)
    {
        if (survey.Audience != SurveyAudience.Families) return Problem.Of("survey-commission-audience", "Commission");
        if (session is not { } id || !(await CommissionsAsync(survey, ct)).Any(c => c.Id == id)) return Problem.Of("survey-commission", "Commission");
        var sessionId = new CommissionSessionId(id);
        var emails = await db.CommissionEntries.AsNoTracking().Where(e => e.SessionId == sessionId)
            .Join(db.Applications, e => e.ApplicationId, a => a.Id, (e, a) => a.FamilyUserId)
            .Join(db.Users, userId => userId, u => u.Id, (userId, u) => u.Email)
            .Where(e => e != null).Select(e => e!).ToListAsync(ct);
        return await SendAsync(survey, emails, $"familles de la commission {id}", ct);
    }

    /// <summary>Every member of the chosen partner organisations of the survey's département.</summary>
    public async Task<Outcome<InvitationCount>> InvitePartnersAsync(Survey survey, IReadOnlyList<Guid> organisations, CancellationToken ct)
    {
        if (survey.Audience != SurveyAudience.Partners) return Problem.Of("survey-partners-audience", "Organisations");
        var ids = (await OrganisationsAsync(survey, ct)).Select(o => o.Id).Where(o => organisations.Contains(o.Value)).ToList();
        if (ids.Count == 0) return Problem.Of("survey-organisations", "Organisations");
        var emails = await db.PartnerMembers.AsNoTracking().Where(m => ids.Contains(m.OrganisationId))
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => u.Email)
            .Where(e => e != null).Select(e => e!).ToListAsync(ct);
        return await SendAsync(survey, emails, $"membres de {ids.Count} organisation(s) partenaire(s)", ct);
    }

    /// <summary>Addresses pasted one per line (or separated by commas, semicolons or spaces); one bad address and nothing is sent.</summary>
    public async Task<Outcome<InvitationCount>> InvitePastedAsync(Survey survey, string? pasted, CancellationToken ct)
    {
        var typed = (pasted ?? "").Split(Separators, StringSplitOptions.RemoveEmptyEntries).ToList();
        if (typed.Count == 0) return Problem.Of("survey-emails-empty", "Emails");
        if (typed.Count > MaxPasted) return Problem.Of("survey-emails-many", "Emails", MaxPasted);
        var checkedEmails = typed.Select(t => (Typed: t, Checked: NewsletterSubscriber.CheckEmail(t))).ToList();
        var bad = checkedEmails.Where(c => !c.Checked.IsSuccess).Select(c => c.Typed).ToList();
        if (bad.Count > 0) return Problem.Of("survey-emails-bad", "Emails", string.Join(", ", bad.Take(10)) + (bad.Count > 10 ? "…" : ""));
        return await SendAsync(survey, [.. checkedEmails.Select(c => c.Checked.Value)], "liste d’adresses", ct);
    }

    private async Task<Outcome<InvitationCount>> SendAsync(Survey survey, IReadOnlyList<string> addresses, string source, CancellationToken ct)
    {
        if (survey.Status != SurveyStatus.Open) return Problem.Of("survey-not-open", "");
        // Open, but its last day is past: nobody could answer the link; the staff can still move the closing day.
        if (access.Today > survey.ClosesOn) return Problem.Of("survey-past-closing", "");
        var emails = addresses.Select(e => e.Trim().ToLowerInvariant()).Where(e => e.Length is > 0 and <= SurveyInvitation.MaxEmailLength)
            .Distinct(StringComparer.Ordinal).ToList();
        var already = (await db.SurveyInvitations.AsNoTracking().Where(i => i.SurveyId == survey.Id).Select(i => i.Email).ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
        var fresh = emails.Where(e => !already.Contains(e)).Select(e => new SurveyInvitation
        {
            SurveyId = survey.Id, Email = e, InvitedAt = access.Now, InvitedBy = access.UserId,
        }).ToList();
        db.SurveyInvitations.AddRange(fresh);
        await notifier.QueueManyAsync([.. fresh.Select(i => (new Recipient(i.Email), Mail(survey, i), $"{SurveysFeature.InvitationKind}:{i.Id}"))], ct);
        audit.Record(SurveyAudit.Invited, SurveyAudit.EntityType, survey.Id.ToString(), $"{fresh.Count} invitation(s) : {source}");
        var saved = await CaseSave.SaveAsync(db, "concurrency", ct);
        return saved.IsSuccess ? new InvitationCount(fresh.Count, emails.Count - fresh.Count) : Outcome<InvitationCount>.Failure(saved.Problems);
    }

    private OutgoingNotification Mail(Survey survey, SurveyInvitation invitation) => new(SurveysFeature.InvitationKind,
        $"Votre avis nous intéresse : {survey.Title}",
        $"""
        Bonjour,

        {(survey.Introduction.Length > 0 ? survey.Introduction : "Nous vous invitons à répondre à un court questionnaire de satisfaction.")}

        Le questionnaire est anonyme : vos réponses ne sont jamais rattachées à votre nom ni à votre adresse. Il est ouvert jusqu’au {survey.ClosesOn.ToString("d MMMM yyyy", French)} ; une seule réponse est possible avec ce lien personnel.
        """,
        $"{SurveysFeature.AnswerPath}?code={Uri.EscapeDataString(tokens.Answer(invitation.Id))}", InApp: false, CommuneCode: survey.CommuneCode);
}
