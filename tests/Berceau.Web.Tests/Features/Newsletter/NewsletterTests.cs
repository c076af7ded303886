using System.Net;
using Berceau.Domain.Access;
using Berceau.Domain.Newsletter;
using Berceau.Domain.Practices;
using Berceau.Web.Tests.Features.Offer;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Tests.Features.Newsletter;

/// <summary>
/// The « journal du schéma » through the real pages and e-mails: double opt-in, sending to confirmed subscribers only, the
/// unsubscription link of each issue, the archive, bad input and who may send. Addresses are unique per test; only this class
/// sends issues.
/// </summary>
[Collection(AppCollection.Name)]
[Trait("Category", "Database")]
public sealed class NewsletterTests(BerceauApp app)
{
    private const string Archive = "/schema/93/journal";
    private const string Staff = "/pro/schema/journal?departement=93";

    private static string Address(string who) => $"{who}.{Guid.NewGuid():N}@exemple.fr";

    private async Task SubscribeAsync(string email)
    {
        using var visitor = app.Client();
        OfferTestData.AssertRedirectTo(await Forms.PostFormAsync(visitor, Archive, ("Email", email)), Archive);
    }

    private async Task FollowAsync(string emailText, string path)
    {
        using var visitor = app.Client();
        var link = Mail.LinkTo(emailText, path);
        var page = await Forms.TextAsync(await visitor.GetAsync(link));
        Assert.Contains("<form", page);
        var code = Forms.HiddenValue(page, "Code")!;
        var done = await Forms.TextAsync(await Forms.PostFormAsync(visitor, link, ("Code", code)));
        Assert.Contains(path == "/journal/confirmer" ? "Votre inscription est confirmée" : "Vous êtes désinscrit", done);
    }

    private Task<SubscriberStatus> StatusAsync(string email) =>
        app.WithDbAsync(db => db.NewsletterSubscribers.Where(s => s.Email == email).Select(s => s.Status).SingleAsync());

    [Fact]
    public async Task AnIssue_GoesToConfirmedSubscribersOnly_EachWithItsUnsubscriptionLink_AndIsArchived()
    {
        string confirmed = Address("abonnee"), pending = Address("attente"), leaving = Address("partant");
        foreach (var email in new[] { confirmed, pending, leaving }) await SubscribeAsync(email);
        await FollowAsync(await Mail.SingleReceivedAsync(app, confirmed), "/journal/confirmer");
        await FollowAsync(await Mail.SingleReceivedAsync(app, leaving), "/journal/confirmer");
        Assert.Equal(SubscriberStatus.Pending, await StatusAsync(pending));

        using var secretariat = await app.SignedInAsync(Roles.Steering, departement: "93");
        var title = $"Journal de test {Guid.NewGuid():N}"[..30];
        OfferTestData.AssertRedirectTo(await Forms.PostFormAsync(secretariat, Staff, ("Title", title), ("Body", "Les nouvelles du schéma : la fiche 1.1 avance.")), "/pro/schema/journal");
        var first = (await Mail.ReceivedAsync(app, confirmed)).Last();
        Assert.Contains(title, first);
        Assert.Contains("la fiche 1.1 avance", first);
        Assert.Single(await Mail.ReceivedAsync(app, pending));
        var leavingMails = await Mail.ReceivedAsync(app, leaving);
        Assert.Equal(2, leavingMails.Count);
        await FollowAsync(leavingMails[^1], "/journal/desinscription");
        Assert.Equal(SubscriberStatus.Unsubscribed, await StatusAsync(leaving));

        var issue = await app.WithDbAsync(db => db.NewsletterIssues.AsNoTracking().SingleAsync(i => i.Title == title));
        using var anonymous = app.Client();
        Assert.Contains(title, await Forms.TextAsync(await anonymous.GetAsync(Archive)));
        var archived = await Forms.TextAsync(await anonymous.GetAsync($"{Archive}/{issue.Number}"));
        Assert.Contains("la fiche 1.1 avance", archived);
        Assert.DoesNotContain("/journal/desinscription", archived);

        var second = $"Journal suivant {Guid.NewGuid():N}"[..30];
        OfferTestData.AssertRedirectTo(await Forms.PostFormAsync(secretariat, Staff, ("Title", second), ("Body", "Un deuxième numéro pour les abonnés restants.")), "/pro/schema/journal");
        Assert.Contains(second, (await Mail.ReceivedAsync(app, confirmed)).Last());
        Assert.Equal(2, (await Mail.ReceivedAsync(app, leaving)).Count);
        Assert.Equal(issue.Number + 1, await app.WithDbAsync(db => db.NewsletterIssues.Where(i => i.Title == second).Select(i => i.Number).SingleAsync()));
        Assert.Contains("numéro du journal envoyé", await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityId == issue.Id.ToString()).Select(a => a.Action).ToListAsync()));
    }

    [Fact]
    public async Task TheDraft_GathersWhatWasPublishedSinceTheLastIssue()
    {
        var practice = GoodPractice.Imported($"Pratique du brouillon {Guid.NewGuid():N}"[..32], PracticeTheme.Outreach, PracticeFormat.Intermediate, "Bondy",
            [new PracticeSection("Contexte", "Un bus petite enfance dans les quartiers.")], "test", app.Clock.GetUtcNow(), "test");
        await app.WithDbAsync(db => { db.GoodPractices.Add(practice); return db.SaveChangesAsync(); });
        using var secretariat = await app.SignedInAsync(Roles.Steering, departement: "93");
        var page = await Forms.TextAsync(await secretariat.GetAsync(Staff));
        Assert.Contains("États d’avancement des fiches actions", page);
        Assert.Contains(practice.Title + " (Bondy)", page);
        Assert.Contains($"/bonnes-pratiques/{practice.Id}", page);
    }

    [Fact]
    public async Task TheDraft_TellsTheMeetingsHeldAndPlanned_ByInstanceAndDayOnly()
    {
        var t = await Features.Governance.GovernanceTestData.BodyAsync(app, laterDays: 9);
        var today = Features.Governance.GovernanceTestData.Today(app);
        await app.WithDbAsync(async db =>
        {
            var meeting = await db.GovernanceMeetings.Include(m => m.Attendance).Include(m => m.Decisions).FirstAsync(m => m.Id == t.Today.Id);
            Assert.True(meeting.RecordAttendance([new(t.MemberA.Id, Berceau.Domain.Governance.Presence.Present, null)], [t.MemberA.Id, t.MemberB.Id],
                $"Compte rendu confidentiel {t.Tag}", today).IsSuccess);
            Assert.True(meeting.Decide($"Décision interne {t.Tag}", today, BerceauApp.Now, "test").IsSuccess);
            Assert.True(meeting.Decide($"Autre décision {t.Tag}", today, BerceauApp.Now, "test").IsSuccess);
            return await db.SaveChangesAsync();
        });
        using var secretariat = await app.SignedInAsync(Roles.Steering, departement: "93");

        var page = await Forms.TextAsync(await secretariat.GetAsync(Staff));

        Assert.Contains($"- Comité de pilotage « {t.Body.Name} » réuni le {today:dd/MM/yyyy} : 2 décisions.", page);
        Assert.Contains($"- Comité de pilotage « {t.Body.Name} » le {today.AddDays(9):dd/MM/yyyy}.", page);
        Assert.Contains("Prochaines réunions", page);
        // Governance is staff only: neither the minutes, the decisions' text, who came, the place nor the visio link.
        Assert.DoesNotContain($"Compte rendu confidentiel {t.Tag}", page);
        Assert.DoesNotContain($"Décision interne {t.Tag}", page);
        Assert.DoesNotContain("Marie Présidente", page);
        Assert.DoesNotContain("https://visio.example/cdsf", page);
        // Another département's secretariat drafts without them.
        using var other = await app.SignedInAsync(Roles.Steering, departement: "92");
        Assert.DoesNotContain(t.Body.Name, await Forms.TextAsync(await other.GetAsync("/pro/schema/journal?departement=92")));
    }

    [Fact]
    public async Task BadInputAndAlteredLinks_ChangeNothing_AndOnlyTheSecretariatSends()
    {
        using var visitor = app.Client();
        var refused = await Forms.PostFormAsync(visitor, Archive, ("Email", "pas-une-adresse"));
        Assert.Contains("Saisissez une adresse e-mail valide", Assert.Single(Forms.ErrorSummary(await Forms.TextAsync(refused))));
        Assert.False(await app.WithDbAsync(db => db.NewsletterSubscribers.AnyAsync(s => s.Email == "pas-une-adresse")));

        var email = Address("double");
        await SubscribeAsync(email);
        await SubscribeAsync(email.ToUpperInvariant());
        Assert.Equal(1, await app.WithDbAsync(db => db.NewsletterSubscribers.CountAsync(s => s.Email == email)));
        var code = Mail.LinkTo((await Mail.ReceivedAsync(app, email))[0], "/journal/confirmer").Split("code=")[1];
        var altered = await Forms.TextAsync(await Forms.PostFormAsync(visitor, "/journal/confirmer", ("Code", code[..^4] + "AAAA")));
        Assert.Contains("Ce lien n’est pas valable", altered);
        var wrongPurpose = await Forms.TextAsync(await Forms.PostFormAsync(visitor, "/journal/desinscription", ("Code", Uri.UnescapeDataString(code))));
        Assert.Contains("Ce lien n’est pas valable", wrongPurpose);
        Assert.Equal(SubscriberStatus.Pending, await StatusAsync(email));
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/schema/99/journal")).StatusCode);

        using var secretariat = await app.SignedInAsync(Roles.Steering, departement: "93");
        var before = await app.WithDbAsync(db => db.NewsletterIssues.CountAsync());
        var empty = await Forms.PostFormAsync(secretariat, Staff, ("Title", "abc"), ("Body", "court"));
        var errors = Forms.ErrorSummary(await Forms.TextAsync(empty));
        Assert.Contains(errors, e => e.StartsWith("Donnez un titre au numéro", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Le texte du numéro fait de 20", StringComparison.Ordinal));
        Assert.Equal(before, await app.WithDbAsync(db => db.NewsletterIssues.CountAsync()));

        using var otherDepartement = await app.SignedInAsync(Roles.Steering, departement: "92");
        Assert.Equal(HttpStatusCode.NotFound, (await otherDepartement.GetAsync(Staff)).StatusCode);
        using var partner = await app.SignedInAsync(Roles.Partner, departement: "93");
        OfferTestData.AssertForbidden(await partner.GetAsync(Staff));
    }
}
