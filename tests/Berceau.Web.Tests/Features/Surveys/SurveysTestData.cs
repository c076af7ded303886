using System.Globalization;
using Berceau.Domain.Surveys;
using Berceau.Web.Infrastructure;
using Berceau.Web.Tests.Features.Offer;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Tests.Features.Surveys;

/// <summary>Surveys made through the staff pages, and answered through the personal links of the e-mails.</summary>
internal static class SurveysTestData
{
    public const string Staff = "/pro/enquetes";
    public const string Answer = "/enquete/repondre";

    public static string Day(BerceauApp app, int days = 0) =>
        ParisTime.DayOf(app.Clock.GetUtcNow()).AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Unique(string what) => $"{what} {Guid.NewGuid():N}"[..(what.Length + 13)];

    public static (string, string)[] Fields(BerceauApp app, string territory, string title, string audience = "Families") =>
    [
        ("Input.Territory", territory), ("Input.Audience", audience), ("Input.Title", title),
        ("Input.Introduction", "Votre avis nous aide à améliorer l’accueil."), ("Input.OpensOn", Day(app)), ("Input.ClosesOn", Day(app, 20)),
    ];

    /// <summary>A draft created through /pro/enquetes/nouveau; its id.</summary>
    public static async Task<Guid> CreateAsync(BerceauApp app, HttpClient staff, string territory, string title, string audience = "Families")
    {
        var response = await Forms.PostFormAsync(staff, $"{Staff}/nouveau", Fields(app, territory, title, audience));
        OfferTestData.AssertRedirectTo(response, Staff + "/");
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    public static Task<HttpResponseMessage> PostAsync(HttpClient staff, Guid survey, string handler, params (string Name, string Value)[] fields) =>
        Forms.PostFormToAsync(staff, $"{Staff}/{survey}", $"{Staff}/{survey}?handler={handler}", fields.Select(f => KeyValuePair.Create(f.Name, f.Value)));

    public static Task<HttpResponseMessage> AddQuestionAsync(HttpClient staff, Guid survey, QuestionKind kind, string text, string options = "", bool required = true) =>
        PostAsync(staff, survey, "Add", ("Question.Kind", kind.ToString()), ("Question.Text", text), ("Question.Options", options),
            ("Question.Required", required ? "true" : "false"));

    /// <summary>A survey with the three questions the tests answer: satisfaction (required), multiple choice, free text (optional); opened.</summary>
    public static async Task<Guid> OpenedAsync(BerceauApp app, HttpClient staff, string territory, string title)
    {
        var id = await CreateAsync(app, staff, territory, title);
        OfferTestData.AssertRedirectTo(await AddQuestionAsync(staff, id, QuestionKind.Satisfaction, "Êtes-vous satisfait de l’information reçue ?"), $"{Staff}/{id}");
        OfferTestData.AssertRedirectTo(await AddQuestionAsync(staff, id, QuestionKind.MultipleChoice, "Comment avez-vous connu le service ?", "Mairie\nCaf\nBouche à oreille", required: false), $"{Staff}/{id}");
        OfferTestData.AssertRedirectTo(await AddQuestionAsync(staff, id, QuestionKind.FreeText, "Une suggestion ?", required: false), $"{Staff}/{id}");
        OfferTestData.AssertRedirectTo(await PostAsync(staff, id, "Open"), $"{Staff}/{id}");
        return id;
    }

    public static Task<HttpResponseMessage> InviteAsync(HttpClient staff, Guid survey, params string[] emails) =>
        Forms.PostFormToAsync(staff, $"{Staff}/{survey}/invitations", $"{Staff}/{survey}/invitations?handler=Emails",
            [KeyValuePair.Create("Emails", string.Join("\n", emails))]);

    public static Task<List<SurveyQuestion>> QuestionsAsync(BerceauApp app, Guid survey) =>
        app.WithDbAsync(db => db.SurveyQuestions.AsNoTracking().Where(q => q.SurveyId == survey).OrderBy(q => q.Position).ToListAsync());

    /// <summary>The personal link of the (last) invitation e-mail received at <paramref name="email"/>.</summary>
    public static async Task<string> LinkAsync(BerceauApp app, string email) =>
        Mail.LinkTo((await Mail.ReceivedAsync(app, email)).Last(m => m.Contains(Answer, StringComparison.Ordinal)), Answer);

    /// <summary>Opens the link and sends the answers (field q-{question} → values), even when the page shows no form.</summary>
    public static async Task<HttpResponseMessage> AnswerAsync(BerceauApp app, string link, params (Guid Question, string Value)[] answers)
    {
        var visitor = app.Client();
        var page = await Forms.TextAsync(await visitor.GetAsync(link));
        var code = Forms.HiddenValue(page, "Code") ?? Uri.UnescapeDataString(link.Split("code=")[1]);
        // A used or closed link shows no form: the token then comes from the sign-in page (any form of the site gives one).
        var formUrl = Forms.AntiforgeryToken(page) is null ? "/compte/connexion" : link;
        return await Forms.PostFormToAsync(visitor, formUrl, Answer,
            [KeyValuePair.Create("Code", code), .. answers.Select(a => KeyValuePair.Create(SurveyResponse.FieldOf(a.Question), a.Value))]);
    }
}
