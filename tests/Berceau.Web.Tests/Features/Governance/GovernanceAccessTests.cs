using System.Net;
using Berceau.Domain.Access;
using Berceau.Domain.Governance;
using Berceau.Web.Tests.Features.Offer;
using Berceau.Web.Tests.Features.Schema;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Berceau.Web.Tests.Features.Governance.GovernanceTestData;

namespace Berceau.Web.Tests.Features.Governance;

/// <summary>
/// Who may read and change an instance: its département's secretariat manages; members of the organisations that sit in it read
/// and report on the follow-up actions their organisation owns (not another's); anyone else finds nothing (404), families are
/// refused (403), the anonymous are sent to sign in.
/// </summary>
[Collection(AppCollection.Name)]
[Trait("Category", "Database")]
public sealed class GovernanceAccessTests(BerceauApp app)
{
    private async Task<(DecisionFollowUp OfA, DecisionFollowUp OfB)> FollowUpsAsync(TestBody t)
    {
        var today = Today(app);
        return await app.WithDbAsync(async db =>
        {
            var meeting = await db.GovernanceMeetings.Include(m => m.Decisions).FirstAsync(m => m.Id == t.Today.Id);
            var decision = meeting.Decide("Décision de test d’accès", today, BerceauApp.Now, "test").Value;
            var ofA = DecisionFollowUp.Create(Departement, t.Id, meeting.Id, decision, "Action de A", t.A.Id, today.AddDays(5), today, null, BerceauApp.Now).Value;
            var ofB = DecisionFollowUp.Create(Departement, t.Id, meeting.Id, decision, "Action de B", t.B.Id, today.AddDays(5), today, null, BerceauApp.Now).Value;
            db.DecisionFollowUps.AddRange(ofA, ofB);
            await db.SaveChangesAsync();
            return (ofA, ofB);
        });
    }

    private static Task<HttpResponseMessage> ReportAsync(HttpClient client, DecisionFollowUp action, string status, string tokenUrl) =>
        Forms.PostFormToAsync(client, tokenUrl, $"/pro/schema/suivi/{action.Id}",
            [KeyValuePair.Create("Input.Version", "0"), KeyValuePair.Create("Input.Status", status), KeyValuePair.Create("Input.Comment", "Fait par test")]);

    [Fact]
    public async Task AMember_ReadsTheInstance_ReportsOnItsOwnActions_AndManagesNothing()
    {
        var t = await app.BodyAsync();
        var (ofA, ofB) = await FollowUpsAsync(t);
        using var member = await app.MemberAsync(t.A);

        foreach (var url in new[] { $"/pro/schema/instances/{t.Id}", MeetingPath(t.Today.Id), $"/pro/schema/suivi/{ofA.Id}", $"/pro/schema/suivi/{ofB.Id}" })
            Assert.Equal(HttpStatusCode.OK, (await member.GetAsync(url)).StatusCode);
        var list = await Forms.TextAsync(await member.GetAsync("/pro/schema/instances"));
        Assert.Contains(t.Body.Name, list);
        Assert.DoesNotContain("Créer une instance", list);

        SchemaTestData.AssertRedirect(await ReportAsync(member, ofA, "InProgress", $"/pro/schema/suivi/{ofA.Id}"));
        OfferTestData.AssertForbidden(await ReportAsync(member, ofB, "Done", $"/pro/schema/suivi/{ofA.Id}"));
        foreach (var url in new[] { $"/pro/schema/instances/edition/{t.Id}", $"/pro/schema/instances/{t.Id}/reunions/nouvelle", $"{MeetingPath(t.Today.Id)}/modifier",
                     $"{MeetingPath(t.Today.Id)}/compte-rendu", $"{MeetingPath(t.Today.Id)}/decisions/nouvelle", "/pro/schema/instances/edition" })
            OfferTestData.AssertForbidden(await member.GetAsync(url));
        OfferTestData.AssertForbidden(await Forms.PostFormToAsync(member, MeetingPath(t.Today.Id), $"{MeetingPath(t.Later.Id)}?handler=Invite",
            [KeyValuePair.Create("Invitation.Version", "0")]));
        OfferTestData.AssertForbidden(await Forms.PostFormToAsync(member, MeetingPath(t.Today.Id), $"/pro/schema/instances/{t.Id}?handler=RemoveMember",
            [KeyValuePair.Create("Removal.Version", "0"), KeyValuePair.Create("Removal.MemberId", t.MemberB.Id.ToString())]));

        var actions = await app.WithDbAsync(db => db.DecisionFollowUps.AsNoTracking().Where(a => a.MeetingId == t.Today.Id).ToDictionaryAsync(a => a.Id, a => a.Status));
        Assert.Equal((FollowUpStatus.InProgress, FollowUpStatus.ToDo), (actions[ofA.Id], actions[ofB.Id]));
        Assert.Equal(2, (await app.ReloadAsync(t.Id)).Members.Count);
        Assert.Empty(await app.MessagesAsync(t.Later.Id));
    }

    [Fact]
    public async Task Outsiders_FindNothing_FamiliesAreRefused_AndTheAnonymousSignIn()
    {
        var t = await app.BodyAsync();
        var (ofA, _) = await FollowUpsAsync(t);
        await app.WithDbAsync(async db =>
        {
            db.GovernanceDocuments.Add(new MeetingDocument
            {
                MeetingId = t.Today.Id, Title = "Support", FileName = "support.pdf", ContentType = "application/pdf", Size = 8, Content = "%PDF-1.4"u8.ToArray(),
                UploadedAt = BerceauApp.Now, UploadedBy = "test",
            });
            return await db.SaveChangesAsync();
        });
        var document = await app.WithDbAsync(db => db.GovernanceDocuments.Where(d => d.MeetingId == t.Today.Id).Select(d => d.Id).SingleAsync());
        var urls = new[]
        {
            $"/pro/schema/instances/{t.Id}", MeetingPath(t.Today.Id), $"{MeetingPath(t.Today.Id)}/compte-rendu", $"{MeetingPath(t.Today.Id)}/documents/{document}",
            $"/pro/schema/suivi/{ofA.Id}", $"/pro/schema/instances/edition/{t.Id}",
        };
        using var insider = await app.MemberAsync(t.B);
        Assert.Equal(HttpStatusCode.OK, (await insider.GetAsync($"{MeetingPath(t.Today.Id)}/documents/{document}")).StatusCode);

        using var outsider = await app.MemberAsync(t.Outsider);
        using var otherSecretariat = await app.SecretariatAsync(SchemaTestData.OtherDepartement);
        using var reader = await app.SignedInAsync(Roles.Observatory, departement: Departement);
        foreach (var client in new[] { outsider, otherSecretariat, reader })
        {
            foreach (var url in urls) AssertNotFound(await client.GetAsync(url));
            AssertNotFound(await Forms.PostFormToAsync(client, "/pro", $"/pro/schema/suivi/{ofA.Id}",
                [KeyValuePair.Create("Input.Version", "0"), KeyValuePair.Create("Input.Status", "Done")]));
            AssertNotFound(await Forms.PostFormToAsync(client, "/pro", $"{MeetingPath(t.Later.Id)}?handler=Invite", [KeyValuePair.Create("Invitation.Version", "0")]));
            var list = await Forms.TextAsync(await client.GetAsync("/pro/schema/instances"));
            Assert.DoesNotContain(t.Body.Name, list);
            Assert.DoesNotContain("Action de A", await Forms.TextAsync(await client.GetAsync("/pro/schema/suivi")));
        }
        var (family, _, _) = await Accounts.SignInAsNewFamilyAsync(app);
        using (family)
        {
            foreach (var url in urls.Append("/pro/schema/instances").Append("/pro/schema/suivi")) OfferTestData.AssertForbidden(await family.GetAsync(url));
        }
        using var anonymous = app.Client();
        var response = await anonymous.GetAsync(MeetingPath(t.Today.Id));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/compte/connexion", response.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(FollowUpStatus.ToDo, await app.WithDbAsync(db => db.DecisionFollowUps.Where(a => a.Id == ofA.Id).Select(a => a.Status).SingleAsync()));
        Assert.Empty(await app.MessagesAsync(t.Later.Id));
    }
}
