using Berceau.Domain.Access;
using Berceau.Web.Tests.Support;
using Microsoft.Playwright;

namespace Berceau.Web.Tests.BrowserTests;

/// <summary>
/// Issue 9, the « journal du schéma » end to end: a reader subscribes and confirms by the e-mail's link, the secretariat sends the
/// drafted issue to the confirmed subscribers, the reader finds it in the archive. Axe-clean on every page.
/// </summary>
[Collection(AppCollection.Name)]
[Trait("Category", "Browser")]
public sealed class NewsletterBrowserTests(BerceauApp app) : BrowserTest(app)
{
    [Fact]
    public async Task AReaderSubscribesAndConfirms_TheSecretariatSendsAnIssue_AndTheArchiveShowsIt()
    {
        var email = $"lectrice.{Guid.NewGuid():N}@exemple.fr";
        await Page.GotoAsync("/schema/93/journal");
        await AssertNoAxeViolationAsync("la page du journal du schéma");
        await Page.GetByLabel("Adresse e-mail").FillAsync("lectrice@");
        await Page.GetByRole(AriaRole.Button, new() { Name = "S’inscrire" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Saisissez une adresse e-mail valide" })).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("l’inscription refusée");
        await Page.GetByLabel("Adresse e-mail").FillAsync(email);
        await Page.GetByRole(AriaRole.Button, new() { Name = "S’inscrire" }).ClickAsync();
        await Expect(Page.GetByText("un e-mail de confirmation vient de lui être envoyé", new() { Exact = false })).ToBeVisibleAsync();

        await Page.GotoAsync(Mail.LinkTo(await Mail.SingleReceivedAsync(App, email), "/journal/confirmer"));
        await AssertNoAxeViolationAsync("la confirmation d’inscription");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Confirmer mon inscription" }).ClickAsync();
        await Expect(Page.GetByText("Votre inscription est confirmée", new() { Exact = false })).ToBeVisibleAsync();

        await Context.ClearCookiesAsync();
        await SignInAsStaffAsync(Roles.Steering, departement: "93");
        await Page.GotoAsync("/pro/schema/journal?departement=93");
        await AssertNoAxeViolationAsync("la composition d’un numéro");
        var title = $"Journal navigateur {Guid.NewGuid():N}"[..32];
        await Page.GetByLabel("Titre").FillAsync(title);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Envoyer aux abonnés confirmés" }).ClickAsync();
        await Expect(Page.GetByText("est envoyé à", new() { Exact = false })).ToBeVisibleAsync();
        Assert.Contains(title, (await Mail.ReceivedAsync(App, email)).Last());

        await Context.ClearCookiesAsync();
        await Page.GotoAsync("/schema/93/journal");
        await Page.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = title })).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("un numéro des archives");
        Assert.Empty(OutsideRequests);
        Assert.Empty(ScriptErrors);
    }
}
