using System.Net;
using Berceau.Domain.Access;
using Berceau.Domain.Childminders;
using Berceau.Web.Features.Childminders;
using Berceau.Web.Features.Offer;
using Berceau.Web.Tests.Features.Offer;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Berceau.Web.Tests.Features.Childminders.ChildminderTestData;

namespace Berceau.Web.Tests.Features.Childminders;

/// <summary>How an assistant·e maternel·le gets an account: invited by the relais, or registered and checked by an agent.</summary>
[Collection(AppCollection2.Name)]
[Trait("Category", "Database")]
public sealed class ChildminderOnboardingTests(BerceauApp app)
{
    [Fact]
    public async Task Invitation_ByTheCommunesAgent_CreatesAnAccountAttachedToTheAgrement_AndWorksOnce()
    {
        var facility = await app.SaveAsync(Childminder(UniqueName("AM invitée")));
        using var agent = await app.SignedInAsync(Roles.Agent, commune: SaintOuen);
        var email = $"invitee.{Guid.NewGuid():N}@test.berceau.fr";

        using var invited = await Forms.PostFormAsync(agent, $"/pro/assistants-maternels/{facility.Id}/inviter", ("Input.Email", email));
        var link = Mail.LinkTo(await Mail.SingleReceivedAsync(app, email), ChildminderAccounts.InvitationPath);
        using var anonymous = app.Client();
        var form = await Forms.TextAsync(await anonymous.GetAsync(link));
        using var created = await Forms.PostFormAsync(anonymous, link,
            ("Input.Name", "Awa Diallo"), ("Input.Password", Accounts.Password), ("Input.ConfirmPassword", Accounts.Password));
        using var own = await anonymous.GetAsync($"/am/disponibilites/{facility.Id}");
        var again = await Forms.TextAsync(await app.Client().GetAsync(link));

        OfferTestData.AssertRedirectTo(invited, $"/pro/assistants-maternels/{facility.Id}/inviter");
        Assert.Contains(email, form);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Contains("n’est plus valable", again);
        var invitation = await app.WithDbAsync(db => db.ChildminderInvitations.AsNoTracking().SingleAsync(i => i.FacilityId == facility.Id));
        Assert.NotNull(invitation.UsedAt);
        Assert.DoesNotContain(link.Split("code=")[1], invitation.SecretHash);
        Assert.Equal([ChildminderAudit.Invited], (await OfferTestData.AuditOfAsync(app, facility.Id)).Select(a => a.Action));
        Assert.Equal([ChildminderAudit.InvitationUsed], (await app.AuditAsync(ChildminderAudit.InvitationEntity, invitation.Id.ToString())).Select(a => a.Action));
    }

    [Fact]
    public async Task Invitation_WithABadAddress_IsRefusedInFrench()
    {
        var facility = await app.SaveAsync(Childminder(UniqueName("AM adresse")));
        using var agent = await app.SignedInAsync(Roles.Agent, commune: SaintOuen);

        using var response = await Forms.PostFormAsync(agent, $"/pro/assistants-maternels/{facility.Id}/inviter", ("Input.Email", "pas-une-adresse"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Saisissez une adresse e-mail valide", Assert.Single(Forms.ErrorSummary(await Forms.TextAsync(response))));
        Assert.False(await app.WithDbAsync(db => db.ChildminderInvitations.AnyAsync(i => i.FacilityId == facility.Id)));
    }

    [Fact]
    public async Task Invitation_ByAnAgentOfAnotherCommune_OrByAChildminder_IsForbidden()
    {
        var facility = await app.SaveAsync(Childminder(UniqueName("AM protégée")));
        using var elsewhere = await app.SignedInAsync(Roles.Agent, commune: Montreuil);
        var (childminder, _) = await app.SignedInChildminderAsync(facility.Id);

        using var read = await elsewhere.GetAsync($"/pro/assistants-maternels/{facility.Id}/inviter");
        using var write = await Forms.PostFormToAsync(elsewhere, "/pro/assistants-maternels", $"/pro/assistants-maternels/{facility.Id}/inviter",
            [new("Input.Email", "x@test.berceau.fr")]);
        using var asChildminder = await childminder.GetAsync("/pro/assistants-maternels");

        OfferTestData.AssertForbidden(read);
        OfferTestData.AssertForbidden(write);
        OfferTestData.AssertForbidden(asChildminder);
        Assert.False(await app.WithDbAsync(db => db.ChildminderInvitations.AnyAsync(i => i.FacilityId == facility.Id)));
    }

    [Fact]
    public async Task Invitation_LinkDamagedOrExpired_SaysItIsNoLongerValid_AndCreatesNothing()
    {
        var facility = await app.SaveAsync(Childminder(UniqueName("AM expirée")));
        using var agent = await app.SignedInAsync(Roles.Agent, commune: SaintOuen);
        var email = $"late.{Guid.NewGuid():N}@test.berceau.fr";
        await Forms.PostFormAsync(agent, $"/pro/assistants-maternels/{facility.Id}/inviter", ("Input.Email", email));
        var link = Mail.LinkTo(await Mail.SingleReceivedAsync(app, email), ChildminderAccounts.InvitationPath);
        await app.WithDbAsync(async db =>
        {
            await db.ChildminderInvitations.Where(i => i.FacilityId == facility.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.ExpiresAt, app.Clock.GetUtcNow().AddMinutes(-1)));
            return 0;
        });

        var damaged = await Forms.TextAsync(await app.Client().GetAsync(ChildminderAccounts.InvitationPath + "?code=abc"));
        var expired = await Forms.TextAsync(await app.Client().GetAsync(link));

        Assert.Contains("n’est plus valable", damaged);
        Assert.Contains("n’est plus valable", expired);
        Assert.DoesNotContain("Créer mon compte", expired);
    }

    [Fact]
    public async Task SelfRegistration_IsPending_UntilTheCommunesAgentAttachesTheAgrement()
    {
        var number = $"AG-{Guid.NewGuid():N}"[..14];
        var facility = await app.SaveAsync(Childminder(UniqueName("AM inscrite"), number));
        var email = $"self.{Guid.NewGuid():N}@test.berceau.fr";

        using var registered = await Forms.PostFormAsync(app.Client(), "/am/inscription",
            ("Input.Name", "Fatou Camara"), ("Input.Email", email), ("Input.Password", Accounts.Password), ("Input.ConfirmPassword", Accounts.Password),
            ("Input.CommuneCode", SaintOuen), ("Input.AgrementNumber", number.ToLowerInvariant()), ("Input.AcceptsNotice", "true"));
        var confirm = Mail.LinkTo(await Mail.SingleReceivedAsync(app, email), "/compte/confirmer");
        await app.Client().GetAsync(confirm);
        using var childminder = await Accounts.SignInAsync(app, email, Accounts.Password);
        var before = await Forms.TextAsync(await childminder.GetAsync("/am/disponibilites"));
        using var agent = await app.SignedInAsync(Roles.Agent, commune: SaintOuen);
        var worklist = await Forms.TextAsync(await agent.GetAsync("/pro/assistants-maternels/inscriptions"));
        var registration = await app.WithDbAsync(db => db.ChildminderRegistrations.AsNoTracking().SingleAsync(r => r.AgrementNumber == number.ToLowerInvariant()));
        var page = await Forms.TextAsync(await agent.GetAsync($"/pro/assistants-maternels/inscriptions/{registration.Id}"));
        using var accepted = await Forms.PostFormAsync(agent, $"/pro/assistants-maternels/inscriptions/{registration.Id}?handler=Accept",
            ("Input.Version", "0"), ("Input.FacilityId", facility.Id.ToString()));
        var after = await Forms.TextAsync(await childminder.GetAsync("/am/disponibilites"));

        OfferTestData.AssertRedirectTo(registered, "/am/inscription/envoyee");
        Assert.Contains("Votre inscription est en attente", before);
        Assert.Contains("Fatou Camara", worklist);
        Assert.Contains("(même numéro)", page);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Contains(facility.Name, after);
        Assert.Contains("Nombre de places disponibles", after);
        var stored = await app.WithDbAsync(db => db.ChildminderRegistrations.AsNoTracking().SingleAsync(r => r.Id == registration.Id));
        Assert.Equal(RegistrationStatus.Accepted, stored.Status);
        Assert.Equal(facility.Id, stored.FacilityId);
        Assert.Equal([ChildminderAudit.Registered, ChildminderAudit.RegistrationAccepted],
            (await app.AuditAsync(ChildminderAudit.RegistrationEntity, registration.Id.ToString())).Select(a => a.Action));
        Assert.Contains(await Mail.ReceivedAsync(app, email), m => m.Contains("Votre inscription est accept", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SelfRegistration_Refused_NeedsAReason_AndTheChildminderReadsIt()
    {
        var email = $"refused.{Guid.NewGuid():N}@test.berceau.fr";
        var number = $"AG-{Guid.NewGuid():N}"[..14];
        await Forms.PostFormAsync(app.Client(), "/am/inscription",
            ("Input.Name", "Nadia Benali"), ("Input.Email", email), ("Input.Password", Accounts.Password), ("Input.ConfirmPassword", Accounts.Password),
            ("Input.CommuneCode", SaintOuen), ("Input.AgrementNumber", number), ("Input.AcceptsNotice", "true"));
        var registration = await app.WithDbAsync(db => db.ChildminderRegistrations.AsNoTracking().SingleAsync(r => r.AgrementNumber == number));
        using var agent = await app.SignedInAsync(Roles.Agent, commune: SaintOuen);
        var url = $"/pro/assistants-maternels/inscriptions/{registration.Id}";

        using var noReason = await Forms.PostFormToAsync(agent, url, url + "?handler=Refuse", [new("Input.Version", "0"), new("Input.Reason", "")]);
        using var noFacility = await Forms.PostFormToAsync(agent, url, url + "?handler=Accept", [new("Input.Version", "0"), new("Input.FacilityId", "")]);
        using var refused = await Forms.PostFormToAsync(agent, url, url + "?handler=Refuse",
            [new("Input.Version", "0"), new("Input.Reason", "Ce numéro d’agrément n’est pas connu de la PMI.")]);

        Assert.Contains("Écrivez pourquoi l’inscription est refusée", Assert.Single(Forms.ErrorSummary(await Forms.TextAsync(noReason))));
        Assert.Contains("Choisissez la fiche", Assert.Single(Forms.ErrorSummary(await Forms.TextAsync(noFacility))));
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        var stored = await app.WithDbAsync(db => db.ChildminderRegistrations.AsNoTracking().SingleAsync(r => r.Id == registration.Id));
        Assert.Equal(RegistrationStatus.Refused, stored.Status);
        Assert.Contains(await Mail.ReceivedAsync(app, email), m => m.Contains("pas connu de la PMI", StringComparison.Ordinal));
        Assert.False(await app.WithDbAsync(db => db.UserGrants.AnyAsync(g => g.UserId == registration.UserId)));
    }

    [Fact]
    public async Task SelfRegistration_WithNothingFilled_NamesEveryField_AndCreatesNoAccount()
    {
        using var response = await Forms.PostFormAsync(app.Client(), "/am/inscription", ("Input.Name", ""));
        var errors = Forms.ErrorSummary(await Forms.TextAsync(response));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(errors, e => e.Contains("prénom et nom", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("adresse e-mail", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("mot de passe", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(errors, e => e.Contains("commune", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("numéro d’agrément", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("notice", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Registration_OfAnotherCommune_IsNotFound_ForAnAgent()
    {
        var number = $"AG-{Guid.NewGuid():N}"[..14];
        await Forms.PostFormAsync(app.Client(), "/am/inscription",
            ("Input.Name", "Inès Martin"), ("Input.Email", $"other.{Guid.NewGuid():N}@test.berceau.fr"), ("Input.Password", Accounts.Password),
            ("Input.ConfirmPassword", Accounts.Password), ("Input.CommuneCode", SaintOuen), ("Input.AgrementNumber", number), ("Input.AcceptsNotice", "true"));
        var registration = await app.WithDbAsync(db => db.ChildminderRegistrations.AsNoTracking().SingleAsync(r => r.AgrementNumber == number));
        using var elsewhere = await app.SignedInAsync(Roles.Agent, commune: Montreuil);

        using var read = await elsewhere.GetAsync($"/pro/assistants-maternels/inscriptions/{registration.Id}");
        var list = await Forms.TextAsync(await elsewhere.GetAsync("/pro/assistants-maternels/inscriptions"));

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.DoesNotContain("Inès Martin", list);
    }
}
