using System.Net;
using Berceau.Domain.Access;
using Berceau.Domain.Applications;
using Berceau.Domain.Offer;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Berceau.Web.Tests.Features.Commission.CommissionTestData;

namespace Berceau.Web.Tests.Features.Commission;

/// <summary>
/// A run with reserved seats in Stains (93072), a commune no other test class uses. Scores (parents + 2 months waited): the
/// five « Haute » families 62, « Insertion » (a parent looking for a job) 22, « Minima » (a minimum social) 2; at B the two
/// « Béta » families 52.
/// <list type="bullet">
/// <item>A, AVIP, 5 seats in Bébés: 1 reserved for a minimum social (taken by Minima), 1 for insertion (taken by Insertion), 3
/// ordinary seats for three Haute families; two Haute families wait.</item>
/// <item>B, not AVIP, 2 seats: 1 reserved for a minimum social that nobody of that public asks for, so both seats go to the
/// Béta families.</item>
/// </list>
/// </summary>
internal sealed record ReserveMarksScene(Guid Session, HttpClient President, HttpClient Agent, Facility A, Facility B,
    Application Poor, Application Seeker, IReadOnlyList<Application> High, IReadOnlyList<Application> Beta)
{
    public const string Commune = "93072";

    public string Url(string rest = "") => $"/pro/commissions/{Session}{rest}";

    /// <summary>Frozen and run once; validated too when <paramref name="validate"/>. <paramref name="members"/>: e-mails of members besides the president.</summary>
    public static Task<ReserveMarksScene> RunAsync(BerceauApp app, bool validate, params string[] members) =>
        RunAsync(app, Commune, validate, members);

    /// <summary>The same scene in another commune (for a test class of its own).</summary>
    public static async Task<ReserveMarksScene> RunAsync(BerceauApp app, string commune, bool validate, params string[] members)
    {
        await app.EnsureGridAsync(commune);
        var a = await app.CrecheAsync("A", commune);
        var b = await app.CrecheAsync("B", commune);
        await app.WithDbAsync(db => db.Facilities.Where(f => f.Id == a.Id).ExecuteUpdateAsync(s => s.SetProperty(f => f.IsAvip, true)));
        var (agent, _) = await app.StaffAsync(Roles.Agent, commune);
        var (president, presidentEmail) = await app.StaffAsync(Roles.Committee, commune);
        var high = new List<Application>();
        foreach (var name in new[] { "Haute-Une", "Haute-Deux", "Haute-Trois", "Haute-Quatre", "Haute-Cinq" })
            high.Add(await app.CompleteAsync(name, new(2026, 9, 1), [GuardianSituation.Employed, GuardianSituation.Employed], a));
        var seeker = await app.CompleteAsync("Insertion", new(2026, 9, 1), [GuardianSituation.JobSeeker, GuardianSituation.Other], a);
        var poor = await app.CompleteAsync("Minima", new(2026, 9, 1), [GuardianSituation.Other, GuardianSituation.Other], a);
        await app.WithDbAsync(db => db.Applications.Where(x => x.Id == poor.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.ReceivesSocialMinimum, true)));
        var beta = new List<Application>
        {
            await app.CompleteAsync("Béta-Une", new(2026, 9, 1), [GuardianSituation.Employed], b),
            await app.CompleteAsync("Béta-Deux", new(2026, 9, 1), [GuardianSituation.Employed], b),
        };
        var session = await app.CreateSessionAsync(agent, presidentEmail, members, a, b);
        await DeclareAsync(agent, session, (a, 5), (b, 2));
        foreach (var handler in validate ? new[] { "Freeze", "Validate" } : ["Freeze"])
        {
            var response = await PostReviewAsync(president, session, handler);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, handler + " : " + string.Join(" | ", await Forms.ErrorSummaryAsync(response)));
        }
        return new ReserveMarksScene(session, president, agent, a, b, poor, seeker, high, beta);
    }
}
