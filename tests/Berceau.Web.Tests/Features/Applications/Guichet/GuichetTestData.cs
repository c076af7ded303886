using Berceau.Domain.Commission;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Berceau.Web.Tests.Features.Applications.ApplicationTestData;

namespace Berceau.Web.Tests.Features.Applications.Guichet;

/// <summary>
/// The commune of the guichet's follow-up tests: Bondy, used by no other class of the collection, so that the commission
/// sessions and crèches created here are the only ones its families see.
/// </summary>
internal static class GuichetTestData
{
    public const string Bondy = "93010";

    /// <summary>
    /// Replaces Bondy's commission sessions by one in preparation, freezing <paramref name="freezeInDays"/> and meeting
    /// <paramref name="meetingInDays"/> days from the fixed clock's day (the same in Paris at 09:00 UTC).
    /// </summary>
    public static Task<CommissionSession> OnlySessionAsync(this BerceauApp app, int freezeInDays, int meetingInDays, string title = "Commission de Bondy")
        => app.WithDbAsync(async db =>
        {
            db.CommissionSessions.RemoveRange(await db.CommissionSessions.Where(s => s.CommuneCode == Bondy).ToListAsync());
            var session = CommissionSession.Create(new CommissionSessionDraft(Bondy, [], title, Today.AddDays(meetingInDays), Today.AddDays(freezeInDays)),
                BerceauApp.Now, "test").Value;
            db.CommissionSessions.Add(session);
            await db.SaveChangesAsync();
            return session;
        });
}
