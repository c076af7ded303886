using Berceau.Domain.Access;
using Berceau.Web.Tests.Support;
using Microsoft.Playwright;
using static Berceau.Web.Tests.Features.Surveys.SurveysTestData;

namespace Berceau.Web.Tests.BrowserTests;

/// <summary>
/// Issue 9, satisfaction surveys end to end: a commune's agent creates a survey, writes its questions, opens it and invites
/// families; a family answers through its e-mail's link (first without answering, then properly); the results show a table and
/// a chart drawn by Chart.js. Axe-clean and within the CSP on every page.
/// </summary>
[Collection(AppCollection3.Name)]
[Trait("Category", "Browser")]
public sealed class SurveyBrowserTests(BerceauApp app) : BrowserTest(app)
{
    [Fact]
    public async Task AnAgentCreatesAndOpensASurvey_AFamilyAnswersByItsLink_AndTheResultsShowAChart()
    {
        await SignInAsStaffAsync(Roles.Agent, commune: "93048");
        await Page.GotoAsync(Staff);
        await AssertNoAxeViolationAsync("la liste des questionnaires");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Créer un questionnaire" }).ClickAsync();
        await AssertNoAxeViolationAsync("la création d’un questionnaire");
        var title = Unique("Questionnaire navigateur");
        await Page.GetByLabel("Familles").CheckAsync();
        await Page.GetByLabel("Titre").FillAsync("ab");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Créer le brouillon" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Donnez un titre au questionnaire" })).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("la création refusée");
        await Page.GetByLabel("Territoire").SelectOptionAsync(new SelectOptionValue { Label = "Montreuil (93048)" });
        await Page.GetByLabel("Titre").FillAsync(title);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Créer le brouillon" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = title })).ToBeVisibleAsync();
        var id = Guid.Parse(Page.Url.Split('/')[^1]);

        await Page.GetByLabel("Question", new() { Exact = true }).FillAsync("Êtes-vous satisfait de l’accueil ?");
        await Page.GetByLabel("Échelle de satisfaction", new() { Exact = false }).CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Ajouter la question" }).ClickAsync();
        await Expect(Page.GetByText("La question est ajoutée.")).ToBeVisibleAsync();
        await Page.GetByLabel("Question", new() { Exact = true }).FillAsync("Une suggestion ?");
        await Page.GetByLabel("Texte libre").CheckAsync();
        await Page.GetByLabel("Réponse obligatoire").UncheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Ajouter la question" }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Monter la question 2" }).ClickAsync();
        await Expect(Page.Locator("ol.govuk-list--number > li").First).ToContainTextAsync("Une suggestion ?");
        await AssertNoAxeViolationAsync("l’éditeur de questions");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Ouvrir le questionnaire" }).ClickAsync();
        await Expect(Page.GetByText("Le questionnaire est ouvert", new() { Exact = false })).ToBeVisibleAsync();

        await Page.GetByRole(AriaRole.Link, new() { Name = "Inviter des personnes à répondre" }).ClickAsync();
        await AssertNoAxeViolationAsync("les invitations");
        var people = Enumerable.Range(1, 5).Select(i => $"famille{i}.{Guid.NewGuid():N}@exemple.fr").ToArray();
        await Page.GetByLabel("Adresses e-mail").FillAsync(string.Join("\n", people));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Inviter ces adresses" }).ClickAsync();
        await Expect(Page.GetByText("5 invitation(s) envoyée(s)", new() { Exact = false })).ToBeVisibleAsync();

        // Four families answer by their links; the fifth in the browser, without signing in.
        var questions = await QuestionsAsync(App, id);
        var scale = questions.Single(q => q.Kind == Domain.Surveys.QuestionKind.Satisfaction).Id;
        foreach (var (person, level) in people[..4].Zip(new[] { "0", "1", "0", "3" }))
            await AnswerAsync(App, await LinkAsync(App, person), (scale, level));
        var link = await LinkAsync(App, people[4]);
        await Context.ClearCookiesAsync();
        await Page.GotoAsync(link);
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = title })).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("la page de réponse");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Envoyer mes réponses" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Répondez à cette question." })).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("la réponse incomplète");
        await Page.GetByLabel("Plutôt satisfait").CheckAsync();
        await Page.GetByLabel("Une suggestion ?", new() { Exact = false }).FillAsync("Plus de réunions le samedi.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Envoyer mes réponses" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Merci pour votre réponse" })).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("les remerciements");
        await Page.GotoAsync(link);
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Vous avez déjà répondu" })).ToBeVisibleAsync();

        await SignInAsStaffAsync(Roles.Agent, commune: "93048");
        await Page.GotoAsync($"{Staff}/{id}/resultats");
        await Expect(Page.GetByText("Taux de satisfaction : 80 %")).ToBeVisibleAsync();
        await Expect(Page.GetByText("Plus de réunions le samedi.")).ToBeVisibleAsync();
        var canvas = Page.Locator("canvas[data-chart]");
        Assert.Equal(1, await canvas.CountAsync());
        await Expect(canvas).ToBeVisibleAsync();
        Assert.True(await canvas.EvaluateAsync<bool>("c => window.Chart.getChart(c) !== undefined"), "Chart.js n’a pas dessiné le graphique");
        await AssertNoAxeViolationAsync("les résultats");
        foreach (var person in people) await Expect(Page.GetByText(person)).ToHaveCountAsync(0);
        Assert.Empty(OutsideRequests);
        Assert.Empty(ScriptErrors);
    }
}
