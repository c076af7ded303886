using System.Net;
using Berceau.Domain.Access;
using Berceau.Domain.Applications;
using Berceau.Domain.Commission;
using Berceau.Domain.Offer;
using Berceau.Web.Tests.Features.Commission;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Berceau.Web.Tests.Features.Commission.CommissionTestData;

namespace Berceau.Web.Tests.Features.Decisions;

/// <summary>A family with its account (signed in; the password for a browser), and its application.</summary>
internal sealed record Family(HttpClient Client, string Email, string Password, string UserId, Application Application)
{
    public Guid Id => Application.Id.Value;
}

/// <summary>
/// A validated session in Tremblay-en-France (93073), a commune no other test class uses (Rosny-sous-Bois, first chosen, is the
/// grid-answers tests' commune without a grid, and a session needs one). Two crèches with one seat each and four families:
/// High (two working parents; A then B) gets A, Low (a job seeker; A then B) gets B, Middle (one working parent alone; A only)
/// is 1st on A's waiting list, Last (no work; A only) after Low.
/// Scores at A: High 62, Middle 52, Low 22, Last 2 (parents + 2 months waited).
/// </summary>
internal sealed record Scene(Guid Session, HttpClient President, HttpClient Agent, HttpClient Member, Facility A, Facility B,
    Family High, Family Middle, Family Low, Family Last)
{
    public const string Commune = "93073";

    /// <summary>The scene in <paramref name="commune"/> (Tremblay by default; the reattribution-chain tests use La Courneuve, 93027).</summary>
    public static async Task<Scene> ValidatedAsync(BerceauApp app, string commune = Commune)
    {
        await app.EnsureGridAsync(commune);
        var a = await app.CrecheAsync("A", commune);
        var b = await app.CrecheAsync("B", commune);
        var (agent, _) = await app.StaffAsync(Roles.Agent, commune);
        var (president, presidentEmail) = await app.StaffAsync(Roles.Committee, commune);
        var (member, memberEmail) = await app.StaffAsync(Roles.Committee, commune);
        var high = await FamilyAsync(app, "Haute", [GuardianSituation.Employed, GuardianSituation.Employed], a, b);
        var middle = await FamilyAsync(app, "Moyenne", [GuardianSituation.Employed], a);
        var low = await FamilyAsync(app, "Basse", [GuardianSituation.JobSeeker, GuardianSituation.Other], a, b);
        var last = await FamilyAsync(app, "Dernière", [GuardianSituation.Other, GuardianSituation.Other], a);

        var session = await app.CreateSessionAsync(agent, presidentEmail, [memberEmail], a, b);
        await DeclareAsync(agent, session, (a, 1), (b, 1));
        foreach (var handler in new[] { "Freeze", "Validate" })
        {
            var response = await PostReviewAsync(president, session, handler);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, handler + " : " + string.Join(" | ", await Forms.ErrorSummaryAsync(response)));
        }
        return new Scene(session, president, agent, member, a, b, high, middle, low, last);
    }

    /// <summary>Validated (in <paramref name="commune"/>, Tremblay unless a test class has its own), then published by the agent with the default delay (10 days) and <paramref name="mode"/>.</summary>
    public static async Task<Scene> PublishedAsync(BerceauApp app, ReattributionMode mode = ReattributionMode.AgentConfirms, string commune = Commune)
    {
        var scene = await ValidatedAsync(app, commune);
        var response = await scene.PublishAsync(scene.Agent, "10", mode.ToString());
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, string.Join(" | ", await Forms.ErrorSummaryAsync(response)));
        return scene;
    }

    public Task<HttpResponseMessage> PublishAsync(HttpClient client, string days, string mode) =>
        Forms.PostFormAsync(client, $"/pro/commissions/{Session}/publication", ("Input.OfferDays", days), ("Input.Mode", mode));

    public string OffersPath => $"/pro/commissions/{Session}/propositions";

    /// <summary>An agent (or member) offers a free seat of a crèche's only section from the offers page.</summary>
    public Task<HttpResponseMessage> OfferSeatAsync(HttpClient client, Facility creche, int seat = 1) =>
        Forms.PostFormToAsync(client, OffersPath, $"{OffersPath}?handler=Offer&section={creche.Sections[0].Id}&seat={seat}", []);

    /// <summary>The family answers from its decision page: « accepter » or « refuser ».</summary>
    public static Task<HttpResponseMessage> AnswerAsync(Family family, string choice, string? reason = null, Guid? application = null)
    {
        var path = $"/famille/demandes/{application ?? family.Id}/decision";
        var fields = new List<KeyValuePair<string, string>> { new("Choice", choice) };
        if (reason is not null) fields.Add(new("Reason", reason));
        return Forms.PostFormToAsync(family.Client, $"/famille/demandes/{family.Id}/decision", path + "?handler=Answer", fields);
    }

    public static async Task<Family> FamilyAsync(BerceauApp app, string child, GuardianSituation[] parents, params Facility[] wishes)
    {
        var (email, password) = await Accounts.CreateFamilyAsync(app);
        var client = await Accounts.SignInAsync(app, email, password);
        var userId = await Accounts.UserIdAsync(app, email);
        var application = await app.CompleteAsync(child, new(2026, 9, 1), parents, wishes);
        await app.WithDbAsync(async db =>
        {
            var tracked = await db.Applications.SingleAsync(x => x.Id == application.Id);
            Assert.True(tracked.AttachFamily(userId, BerceauApp.Now).IsSuccess);
            return await db.SaveChangesAsync();
        });
        return new Family(client, email, password, userId, application);
    }
}
