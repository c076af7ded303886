using System.Net;
using Berceau.Domain.Governance;
using Berceau.Domain.Notifications;
using Berceau.Domain.Schema;
using Berceau.Web.Tests.Features.Schema;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Tests.Features.Governance;

/// <summary>
/// An instance built for one test in the 93: organisation A sits with a named person and her e-mail, organisation B without
/// one (its invitations go to the accounts linked to it), organisation C is of the 93 but not in the instance. A meeting today
/// (attendance and decisions may be recorded) and one in <paramref name="laterDays"/> days.
/// </summary>
internal sealed record TestBody(GovernanceBody Body, PartnerOrganisation A, PartnerOrganisation B, PartnerOrganisation Outsider,
    GovernanceMeeting Today, GovernanceMeeting Later, string Tag)
{
    public Guid Id => Body.Id;
    public GovernanceMember MemberA => Body.Members.Single(m => m.OrganisationId == A.Id);
    public GovernanceMember MemberB => Body.Members.Single(m => m.OrganisationId == B.Id);
    public string EmailA => MemberA.Email!;
}

internal static class GovernanceTestData
{
    public const string Departement = SchemaTestData.Departement;

    public static DateOnly Today(BerceauApp app) => DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);

    public static async Task<TestBody> BodyAsync(this BerceauApp app, int laterDays = 2)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var a = PartnerOrganisation.Create(Departement, $"Caf test {tag}", []).Value;
        var b = PartnerOrganisation.Create(Departement, $"Ville test {tag}", []).Value;
        var c = PartnerOrganisation.Create(Departement, $"Hors instance {tag}", []).Value;
        var body = GovernanceBody.Create(Departement, GovernanceKind.SteeringCommittee, $"Comité de pilotage {tag}", null, [], BerceauApp.Now).Value;
        body.AddMember(a.Id, MemberRole.Chair, "Marie Présidente", $"marie-{tag}@caf-test.fr", null);
        body.AddMember(b.Id, MemberRole.Member, null, null, null);
        body.Version = 0;
        var today = Today(app);
        var now = GovernanceMeeting.Schedule(body.Id, new MeetingSlot(today, new TimeOnly(9, 30), new TimeOnly(12, 0), "Salle du conseil, Bobigny", null),
            ["Ouverture", "Bilan des fiches"], today, BerceauApp.Now).Value;
        var later = GovernanceMeeting.Schedule(body.Id, new MeetingSlot(today.AddDays(laterDays), new TimeOnly(14, 0), new TimeOnly(16, 0), null, "https://visio.example/cdsf"),
            ["Point d’étape"], today, BerceauApp.Now).Value;
        await app.WithDbAsync(async db =>
        {
            db.PartnerOrganisations.AddRange(a, b, c);
            db.GovernanceBodies.Add(body);
            db.GovernanceMeetings.AddRange(now, later);
            return await db.SaveChangesAsync();
        });
        return new TestBody(body, a, b, c, now, later, tag);
    }

    public static Task<GovernanceMeeting> MeetingAsync(this BerceauApp app, Guid id) =>
        app.WithDbAsync(db => db.GovernanceMeetings.AsNoTracking().Include(m => m.Agenda).Include(m => m.Attendance).Include(m => m.Decisions)
            .AsSplitQuery().FirstAsync(m => m.Id == id));

    public static Task<GovernanceBody> ReloadAsync(this BerceauApp app, Guid id) =>
        app.WithDbAsync(db => db.GovernanceBodies.AsNoTracking().Include(b => b.Members).Include(b => b.Axes).AsSplitQuery().FirstAsync(b => b.Id == id));

    /// <summary>The outbox messages about a meeting (their key holds its id), with their attachments, oldest first.</summary>
    public static Task<List<OutboxMessage>> MessagesAsync(this BerceauApp app, Guid meeting) =>
        app.WithDbAsync(db =>
        {
            var id = meeting.ToString("N");
            return db.OutboxMessages.AsNoTracking().Include(m => m.Attachments).Where(m => m.IdempotencyKey.Contains(id))
                .OrderBy(m => m.Id).ToListAsync();
        });

    public static string Calendar(OutboxMessage message) =>
        System.Text.Encoding.UTF8.GetString(Assert.Single(message.Attachments).Content);

    public static Task<List<DecisionFollowUp>> FollowUpsAsync(this BerceauApp app, Guid meeting) =>
        app.WithDbAsync(db => db.DecisionFollowUps.AsNoTracking().Where(a => a.MeetingId == meeting).OrderBy(a => a.CreatedAt).ThenBy(a => a.Id).ToListAsync());

    public static Task<List<string>> AuditAsync(this BerceauApp app, Guid entity) =>
        app.WithDbAsync(db =>
        {
            var id = entity.ToString();
            return db.AuditEntries.AsNoTracking().Where(a => a.EntityId == id).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
        });

    public static string MeetingPath(Guid id) => $"/pro/schema/reunions/{id}";

    public static void AssertNotFound(HttpResponseMessage response) =>
        Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"Introuvable (404) attendu, reçu {(int)response.StatusCode}");
}
