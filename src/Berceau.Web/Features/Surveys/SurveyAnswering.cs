using Berceau.Data;
using Berceau.Domain.Common;
using Berceau.Domain.Surveys;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Surveys;

/// <summary>Where a personal link stands: unknown or altered, already used, not open yet, closed (or past its day), or ready to answer.</summary>
public enum LinkState { Invalid, Answered, NotYetOpen, Closed, Ready }

/// <summary>
/// The respondent's side: the personal link opens the survey; the answers are checked (<see cref="SurveyResponse.Collect"/>) and
/// saved with the invitation marked answered, together or not at all. Answering twice is refused (the invitation is a concurrency
/// token: two answers sent at once count once): replacing a response would need to know which one is whose, and we do not keep that.
/// </summary>
public sealed class SurveyAnswering(BerceauDbContext db, SurveyAccess access, SurveyTokens tokens)
{
    public sealed record Opened(LinkState State, Survey? Survey, SurveyInvitation? Invitation);

    public async Task<Opened> OpenAsync(string? code, bool tracked, CancellationToken ct)
    {
        if (tokens.ReadAnswer(code) is not { } id) return new(LinkState.Invalid, null, null);
        var invitations = tracked ? db.SurveyInvitations : db.SurveyInvitations.AsNoTracking();
        var invitation = await invitations.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (invitation is null) return new(LinkState.Invalid, null, null);
        var survey = await db.Surveys.AsNoTracking().Include(s => s.Questions).FirstAsync(s => s.Id == invitation.SurveyId, ct);
        var today = access.Today;
        var state = invitation.Answered ? LinkState.Answered
            : survey.Status == SurveyStatus.Draft || (survey.Status == SurveyStatus.Open && today < survey.OpensOn) ? LinkState.NotYetOpen
            : survey.IsAnswerable(today) ? LinkState.Ready
            : LinkState.Closed;
        return new(state, survey, invitation);
    }

    /// <summary>Saves the answers; the state when the link does not allow it (then nothing is saved), or the problems of the form.</summary>
    public async Task<(LinkState State, Outcome<bool> Saved)> SubmitAsync(string? code, IReadOnlyDictionary<Guid, IReadOnlyList<string>> sent, CancellationToken ct)
    {
        var opened = await OpenAsync(code, tracked: true, ct);
        if (opened.State != LinkState.Ready) return (opened.State, Problem.Of("survey-already-answered", ""));
        var collected = SurveyResponse.Collect(opened.Survey!, sent);
        if (!collected.IsSuccess) return (LinkState.Ready, Outcome<bool>.Failure(collected.Problems));
        var marked = opened.Invitation!.MarkAnswered();
        if (!marked.IsSuccess) return (LinkState.Answered, marked);
        db.SurveyResponses.Add(collected.Value);
        try
        {
            await db.SaveChangesAsync(ct);
            return (LinkState.Answered, true);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The same link answered at the same moment in another tab: that answer counts, this one does not.
            db.ChangeTracker.Clear();
            return (LinkState.Answered, Problem.Of("survey-already-answered", ""));
        }
    }
}
