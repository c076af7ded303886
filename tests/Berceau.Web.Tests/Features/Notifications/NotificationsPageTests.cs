using System.Net;
using Berceau.Web.Features.Notifications;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Berceau.Web.Tests.Features.Notifications;

[Collection(AppCollection.Name)]
[Trait("Category", "Database")]
public sealed class NotificationsPageTests(BerceauApp app)
{
    [Fact]
    public async Task Notifications_ShowTheSignedInPersonsOwn_AndNobodyElses()
    {
        var (mine, myEmail, myId) = await Accounts.SignInAsNewFamilyAsync(app);
        var (theirs, _, _) = await Accounts.SignInAsNewFamilyAsync(app);
        await NotifyAsync(myEmail, myId, "Votre demande est complète", "/famille/demandes");

        var myPage = await Forms.TextAsync(await mine.GetAsync("/notifications"));
        var theirPage = await Forms.TextAsync(await theirs.GetAsync("/notifications"));

        Assert.Contains("Votre demande est complète", myPage);
        Assert.Contains("1 notification non lue.", myPage);
        Assert.Contains("href=\"/famille/demandes\"", myPage);
        Assert.DoesNotContain("Votre demande est complète", theirPage);
        Assert.Contains("Vous n’avez aucune notification pour le moment.", theirPage);
    }

    [Fact]
    public async Task MarkAllRead_MarksOnlyMine()
    {
        var (client, email, userId) = await Accounts.SignInAsNewFamilyAsync(app);
        await NotifyAsync(email, userId, "Première nouvelle", null);
        await NotifyAsync(email, userId, "Deuxième nouvelle", null);

        var response = await Forms.PostFormToAsync(client, "/notifications", "/notifications?handler=MarkAllRead", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Toutes vos notifications sont lues.", await Forms.TextAsync(await client.GetAsync("/notifications")));
        Assert.Equal(0, await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null)));
    }

    [Fact]
    public async Task Notifications_WhenAnonymous_AskToSignIn()
    {
        var response = await app.Client().GetAsync("/notifications");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/compte/connexion", response.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task Notification_WithScriptInItsText_IsShownAsText()
    {
        var (client, email, userId) = await Accounts.SignInAsNewFamilyAsync(app);
        await NotifyAsync(email, userId, "<script>alert(1)</script>", "https://exemple.org/ailleurs");

        var html = await (await client.GetAsync("/notifications")).Content.ReadAsStringAsync();

        Assert.DoesNotContain("<script>alert(1)", html);
        Assert.DoesNotContain("exemple.org", html);
    }

    private Task NotifyAsync(string email, string userId, string title, string? link) => app.WithScopeAsync(async services =>
    {
        await services.GetRequiredService<Notifier>().QueueAsync(new Recipient(email, userId),
            new OutgoingNotification("test", title, "Bonjour,\nVoici une nouvelle.", link), "test:" + Guid.NewGuid());
        await services.GetRequiredService<Berceau.Data.BerceauDbContext>().SaveChangesAsync();
    });
}
