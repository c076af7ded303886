using System.Net;
using Berceau.Domain.Access;
using Berceau.Domain.Applications;
using Berceau.Domain.Offer;
using Berceau.Web.Tests.Support;
using static Berceau.Web.Tests.Features.Commission.CommissionTestData;

namespace Berceau.Web.Tests.Features.Commission;

/// <summary>
/// A session of Gagny (93032), the commune of the minutes, statistics and session-management tests and of no other test: two
/// crèches with one seat each and three families. The engine gives A to High, B to Low, and Middle has no place; forcing Middle
/// into A moves High to B and leaves Low without a place.
/// </summary>
internal sealed record GagnyScene(Guid Session, HttpClient Agent, HttpClient President, string PresidentEmail, HttpClient Member, string MemberEmail,
    Facility A, Facility B, Application High, Application Middle, Application Low)
{
    public const string Commune = "93032";
    public const string Urgency = "Situation d’urgence signalée par la PMI";

    /// <summary>Created and seats declared, not frozen.</summary>
    public static async Task<GagnyScene> PreparedAsync(BerceauApp app)
    {
        await app.EnsureGridAsync(Commune);
        var a = await app.CrecheAsync("A", Commune);
        var b = await app.CrecheAsync("B", Commune);
        var (agent, _) = await app.StaffAsync(Roles.Agent, Commune);
        var (president, presidentEmail) = await app.StaffAsync(Roles.Committee, Commune);
        var (member, memberEmail) = await app.StaffAsync(Roles.Committee, Commune);
        var high = await app.CompleteAsync("Haute", new(2026, 9, 1), [GuardianSituation.Employed, GuardianSituation.Employed], a, b);
        var middle = await app.CompleteAsync("Moyenne", new(2026, 9, 1), [GuardianSituation.Employed], a);
        var low = await app.CompleteAsync("Basse", new(2026, 9, 1), [GuardianSituation.JobSeeker, GuardianSituation.Other], a, b);
        var session = await app.CreateSessionAsync(agent, presidentEmail, [memberEmail], a, b);
        await DeclareAsync(agent, session, (a, 1), (b, 1));
        return new GagnyScene(session, agent, president, presidentEmail, member, memberEmail, a, b, high, middle, low);
    }

    public static async Task<GagnyScene> FrozenAsync(BerceauApp app)
    {
        var scene = await PreparedAsync(app);
        await scene.PostAsync("Freeze");
        return scene;
    }

    /// <summary>Frozen (the freeze runs the engine), optionally Middle forced into A with <see cref="Urgency"/> by the member, validated by the president.</summary>
    public static async Task<GagnyScene> ValidatedAsync(BerceauApp app, bool force = false)
    {
        var scene = await FrozenAsync(app);
        if (force)
        {
            var forced = await PostReviewAsync(scene.Member, scene.Session, "Override", ("Override.Application", scene.Middle.Reference),
                ("Override.Kind", "Force"), ("Override.Target", $"{scene.A.Id}:{scene.A.Sections[0].Id}"), ("Override.Reason", Urgency));
            Assert.Equal(HttpStatusCode.Redirect, forced.StatusCode);
        }
        await scene.PostAsync("Validate");
        return scene;
    }

    /// <summary>Posts a handler of the review screen as the president, and expects it done.</summary>
    public async Task PostAsync(string handler, params (string Name, string Value)[] fields)
    {
        var response = await PostReviewAsync(President, Session, handler, fields);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, string.Join(" | ", await Forms.ErrorSummaryAsync(response)));
    }

    public string Url(string page = "") => $"/pro/commissions/{Session}{page}";
}
