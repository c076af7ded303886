using System.Net;
using Berceau.Data.Identity;
using Berceau.Domain.Access;
using Berceau.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Berceau.Web.Tests.Features.Account;

[Collection(AppCollection.Name)]
[Trait("Category", "Database")]
public sealed class RegistrationTests(BerceauApp app)
{
    private const string RegisterUrl = "/compte/creer";
    private const string SentUrl = "/compte/creer/e-mail-envoye";
    private const string GoodPassword = "trois petits chats blancs";

    private static string NewEmail() => $"parent.{Guid.NewGuid():N}@exemple.fr";

    private Task<HttpResponseMessage> RegisterAsync(HttpClient client, string email, string password = GoodPassword,
        string? confirm = null, bool acceptsNotice = true)
    {
        var fields = new List<(string, string)>
        {
            ("Input.Email", email), ("Input.Password", password), ("Input.ConfirmPassword", confirm ?? password), ("Input.AcceptsNotice", "false"),
        };
        if (acceptsNotice) fields.Insert(3, ("Input.AcceptsNotice", "true"));
        return Forms.PostFormAsync(client, RegisterUrl, [.. fields]);
    }

    [Fact]
    public async Task Register_WithNewAddress_CreatesUnconfirmedFamily_ThatSignsInOnlyAfterOpeningTheEmailedLink()
    {
        var email = NewEmail();
        var client = Forms.Client(app);

        var response = await RegisterAsync(client, email);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(SentUrl, response.Headers.Location?.OriginalString);
        var user = await FindAsync(email);
        Assert.NotNull(user);
        Assert.False(user.EmailConfirmed);
        Assert.Equal([Roles.Family], await RolesOfAsync(user.Id));

        var refused = await Forms.PostFormAsync(Forms.Client(app), "/compte/connexion", ("Input.Email", email), ("Input.Password", GoodPassword));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(["Votre adresse e-mail n’est pas encore confirmée : ouvrez le lien de l’e-mail que nous vous avons envoyé à la création du compte."],
            await Forms.ErrorSummaryAsync(refused));
        Assert.Contains("href=\"/compte/confirmation/renvoyer\"", await refused.Content.ReadAsStringAsync());

        var mail = await Mail.SingleReceivedAsync(app, email);
        Assert.Contains("Subject: Confirmez votre adresse e-mail", mail);
        var confirmed = await Forms.Client(app).GetAsync(Mail.LinkTo(mail, "/compte/confirmer"));
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Contains("Adresse e-mail confirmée", await Forms.TextAsync(confirmed));
        Assert.Equal("no-referrer", Assert.Single(confirmed.Headers.GetValues("Referrer-Policy")));
        Assert.True((await FindAsync(email))!.EmailConfirmed);

        var signedIn = await Forms.PostFormAsync(Forms.Client(app), "/compte/connexion", ("Input.Email", email), ("Input.Password", GoodPassword));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/famille/demandes", signedIn.Headers.Location?.OriginalString);
        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityId == user.Id).Select(a => a.Action).ToListAsync());
        Assert.Contains("compte-famille-cree", audit);
        Assert.Contains("adresse-confirmee", audit);
    }

    [Theory]
    [InlineData("", GoodPassword, GoodPassword, true, "Saisissez une adresse e-mail.")]
    [InlineData("marie@commune", GoodPassword, GoodPassword, true, "Saisissez une adresse e-mail valide, par exemple prenom.nom@commune.fr.")]
    [InlineData("Marie <marie@exemple.fr>", GoodPassword, GoodPassword, true, "Saisissez une adresse e-mail valide, par exemple prenom.nom@commune.fr.")]
    [InlineData("<script>alert(1)</script>@exemple.fr", GoodPassword, GoodPassword, true, "Saisissez une adresse e-mail valide, par exemple prenom.nom@commune.fr.")]
    [InlineData("{0}", "", "", true, "Choisissez un mot de passe.")]
    [InlineData("{0}", "court", "court", true, "Le mot de passe doit contenir au moins 12 caractères.")]
    [InlineData("{0}", GoodPassword, "trois petits chats noirs", true, "Les deux mots de passe saisis ne sont pas identiques.")]
    [InlineData("{0}", GoodPassword, GoodPassword, false, "Cochez la case pour confirmer que vous avez lu la notice d’information sur vos données personnelles.")]
    public async Task Register_WithBadInput_ShowsTheFrenchMessageAndSavesNothing(string email, string password, string confirm, bool acceptsNotice, string message)
    {
        email = string.Format(System.Globalization.CultureInfo.InvariantCulture, email, NewEmail());
        var (users, messages) = await CountsAsync();

        var response = await RegisterAsync(Forms.Client(app), email, password, confirm, acceptsNotice);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([message], await Forms.ErrorSummaryAsync(response));
        Assert.Equal((users, messages), await CountsAsync());
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert", html);
        Assert.DoesNotContain(GoodPassword, html);
    }

    [Fact]
    public async Task Register_WithAnAddressThatHasAnAccount_ShowsTheSameScreen_AndEmailsTheOwnerOncePerDay()
    {
        var (email, password) = await Accounts.CreateFamilyAsync(app);
        var (users, _) = await CountsAsync();

        var first = await RegisterAsync(Forms.Client(app), email);
        var second = await RegisterAsync(Forms.Client(app), email);

        Assert.Equal(SentUrl, first.Headers.Location?.OriginalString);
        Assert.Equal(SentUrl, second.Headers.Location?.OriginalString);
        Assert.Equal(users, (await CountsAsync()).Users);
        var mail = await Mail.SingleReceivedAsync(app, email);
        Assert.Contains("Subject: Vous avez déjà un compte", mail);
        Assert.Contains("/compte/connexion", mail);
        // The existing password still works: nothing about the account changed.
        await Accounts.SignInAsync(app, email, password);
    }

    [Fact]
    public async Task Register_AgainBeforeConfirming_SendsTheConfirmationLinkAgain_NotASecondAccount()
    {
        // An account whose first e-mail was lost (created directly: the app's clock stays still in tests).
        var email = await CreateUnconfirmedFamilyAsync();

        var response = await RegisterAsync(Forms.Client(app), email);

        Assert.Equal(SentUrl, response.Headers.Location?.OriginalString);
        Assert.Equal(1, await app.WithDbAsync(db => db.Users.CountAsync(u => u.Email == email)));
        var mail = await Mail.SingleReceivedAsync(app, email);
        var confirmed = await Forms.Client(app).GetAsync(Mail.LinkTo(mail, "/compte/confirmer"));
        Assert.Contains("Adresse e-mail confirmée", await Forms.TextAsync(confirmed));
    }

    [Fact]
    public async Task ResendConfirmation_AnswersTheSameForAnyAddress_AndEmailsOnlyAnUnconfirmedAccount_OncePerQuarterHour()
    {
        var unconfirmed = await CreateUnconfirmedFamilyAsync();
        var unknown = NewEmail();
        var (confirmed, _) = await Accounts.CreateFamilyAsync(app);

        foreach (var email in new[] { unconfirmed, unconfirmed, unknown, confirmed })
        {
            var response = await Forms.PostFormAsync(Forms.Client(app), "/compte/confirmation/renvoyer", ("Input.Email", email));
            Assert.Equal(SentUrl, response.Headers.Location?.OriginalString);
        }

        Assert.Contains("Subject: Confirmez votre adresse e-mail", await Mail.SingleReceivedAsync(app, unconfirmed));
        Assert.Empty(await Mail.ReceivedAsync(app, unknown));
        Assert.Empty(await Mail.ReceivedAsync(app, confirmed));
    }

    [Fact]
    public async Task ResendConfirmation_WithABadAddress_ShowsTheFrenchMessage()
    {
        var response = await Forms.PostFormAsync(Forms.Client(app), "/compte/confirmation/renvoyer", ("Input.Email", "pas une adresse"));

        Assert.Equal(["Saisissez une adresse e-mail valide, par exemple prenom.nom@commune.fr."], await Forms.ErrorSummaryAsync(response));
    }

    [Theory]
    [InlineData("?utilisateur=inconnu&code=abc")]
    [InlineData("?code=abc")]
    [InlineData("")]
    public async Task Confirm_WithAWrongOrDamagedLink_SaysSoAndOffersANewEmail(string query)
    {
        var response = await Forms.Client(app).GetAsync("/compte/confirmer" + query);

        var text = await Forms.TextAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Lien de confirmation non valable", text);
        Assert.Contains("/compte/confirmation/renvoyer", text);
    }

    [Fact]
    public async Task Confirm_WithTheTokenOfAnotherAccount_ConfirmsNothing()
    {
        var victim = NewEmail();
        var attacker = NewEmail();
        await RegisterAsync(Forms.Client(app), victim);
        await RegisterAsync(Forms.Client(app), attacker);
        var attackerLink = Mail.LinkTo(await Mail.SingleReceivedAsync(app, attacker), "/compte/confirmer");
        var victimId = await Accounts.UserIdAsync(app, victim);
        var forged = System.Text.RegularExpressions.Regex.Replace(attackerLink, "utilisateur=[^&]+", "utilisateur=" + victimId);

        var response = await Forms.Client(app).GetAsync(forged);

        Assert.Contains("Lien de confirmation non valable", await Forms.TextAsync(response));
        Assert.False((await FindAsync(victim))!.EmailConfirmed);
    }

    private async Task<BerceauUser?> FindAsync(string email)
    {
        BerceauUser? user = null;
        await app.WithScopeAsync(async services => user = await services.GetRequiredService<UserManager<BerceauUser>>().FindByEmailAsync(email));
        return user;
    }

    private async Task<IList<string>> RolesOfAsync(string userId)
    {
        IList<string> roles = [];
        await app.WithScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<BerceauUser>>();
            roles = await users.GetRolesAsync((await users.FindByIdAsync(userId))!);
        });
        return roles;
    }

    private Task<(int Users, int Messages)> CountsAsync() =>
        app.WithDbAsync(async db => (await db.Users.CountAsync(), await db.OutboxMessages.CountAsync()));

    private async Task<string> CreateUnconfirmedFamilyAsync()
    {
        var email = NewEmail();
        await app.WithScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<BerceauUser>>();
            var user = new BerceauUser { UserName = email, Email = email, CreatedAt = app.Clock.GetUtcNow(), LockoutEnabled = true };
            Assert.True((await users.CreateAsync(user, GoodPassword)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.Family)).Succeeded);
        });
        return email;
    }
}
