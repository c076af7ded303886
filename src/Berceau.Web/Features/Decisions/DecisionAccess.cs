using Berceau.Domain.Commission;
using Berceau.Web.Features.Commission;

namespace Berceau.Web.Features.Decisions;

/// <summary>
/// Who may act on a session's decisions, asked by every staff handler on GET and POST (the folder policy only says "staff"):
/// <list type="bullet">
/// <item>Publish: the president, or an agent (or admin) whose territory covers the commune.</item>
/// <item>Follow the offers, offer released seats, withdraw an offer, read a family's letter: the session's members and admins
/// of its territory (<see cref="CommissionAccess.CanReviewAsync"/>), and the commune's agents, whose guichet follows the families.</item>
/// </list>
/// </summary>
public sealed class DecisionAccess(CommissionAccess commission)
{
    public string UserId => commission.UserId;
    public DateTimeOffset Now => commission.Now;
    public DateOnly Today => commission.Today;

    public async Task<bool> CanManageAsync(CommissionSession session, CancellationToken ct) =>
        await commission.CanReviewAsync(session, ct) || await commission.CanPrepareAsync(session.CommuneCode, ct);

    public async Task<bool> CanPublishAsync(CommissionSession session, CancellationToken ct)
    {
        if (session.IsPresident(UserId)) return await commission.CanReviewAsync(session, ct);
        return await commission.CanPrepareAsync(session.CommuneCode, ct);
    }
}
