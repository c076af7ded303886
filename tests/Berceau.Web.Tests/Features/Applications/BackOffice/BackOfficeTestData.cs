using System.Globalization;
using System.Net;
using Berceau.Domain.Access;
using Berceau.Domain.Applications;
using Berceau.Domain.Offer;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Berceau.Web.Tests.Features.Applications.ApplicationTestData;
using ApplicationId = Berceau.Domain.Applications.ApplicationId;

namespace Berceau.Web.Tests.Features.Applications.BackOffice;

/// <summary>Agents of a commune and applications with names no other test uses, so that searches find only the test's own.</summary>
internal static class BackOfficeTestData
{
    public static string V(int version) => version.ToString(CultureInfo.InvariantCulture);

    /// <summary>A family name made of letters only (the application's name check refuses digits), unique to the test.</summary>
    public static string UniqueFamilyName() =>
        "Zed" + new string([.. Guid.NewGuid().ToString("N")[..10].Select(c => (char)('a' + Convert.ToInt32(c.ToString(), 16)))]);

    public static async Task<HttpClient> SignedInAgentAsync(this BerceauApp app, string commune = Montreuil, string role = Roles.Agent)
    {
        var (email, password) = await Accounts.CreateStaffAsync(app, role, commune: commune);
        return await Accounts.SignInAsync(app, email, password);
    }

    /// <summary>
    /// A submitted application of a new family in <paramref name="commune"/> with a unique child name, through the domain;
    /// confirmed last on <paramref name="submittedOn"/> (its queue depends on it).
    /// </summary>
    public static async Task<Submitted> FamilyApplicationAsync(this BerceauApp app, string commune = Montreuil, DateOnly? submittedOn = null)
    {
        var (client, userId) = await app.SignedInFamilyAsync();
        var (id, reference, name) = await app.SubmittedForAsync(userId, commune, submittedOn ?? Today.AddDays(-3));
        return new Submitted(id, reference, name, client, userId);
    }

    /// <summary>
    /// A submitted application with a unique child name, through the domain: of the family <paramref name="familyUserId"/>,
    /// or made at the counter (null) by "agent-test".
    /// </summary>
    public static async Task<(Guid Id, string Reference, string ChildLastName)> SubmittedForAsync(this BerceauApp app, string? familyUserId, string commune, DateOnly on)
    {
        var creches = await app.CrechesAsync(commune, 1);
        var by = familyUserId ?? "agent-test";
        var name = UniqueFamilyName();
        var at = new DateTimeOffset(on.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
        var application = new Application { Reference = $"DEM-TEST-{Guid.NewGuid():N}"[..24], FamilyUserId = familyUserId, CreatedBy = by, CommuneCode = commune, CreatedAt = at };
        var request = new ApplicationRequest
        {
            Child = new ChildInput("Noé", name, new DateOnly(2026, 3, 1), null),
            Guardians = [new GuardianInput("Léa", name, GuardianSituation.JobSeeker)],
            DesiredStart = on.AddMonths(2),
            Days = WeekDays.Weekdays,
            From = new TimeOnly(8, 0),
            To = new TimeOnly(17, 0),
            Wishes = [new WishInput(creches[0].Id)],
        };
        Assert.True(application.Fill(request, new ApplicationAddress("3 rue Test", MontreuilPostalCode, null), consent: true, at).IsSuccess);
        Assert.True(application.Submit(new WishChoices(new HashSet<FacilityId> { creches[0].Id }, null), on, at, by).IsSuccess);
        await app.WithDbAsync(db => { db.Applications.Add(application); return db.SaveChangesAsync(); });
        return (application.Id.Value, application.Reference, name);
    }

    public static async Task<Guid> DocumentAsync(this BerceauApp app, Submitted application, string kind = "Address")
    {
        using var response = await ProofFiles.UploadAsync(application.Family, application.Id, kind, ProofFiles.Pdf(), "justificatif.pdf");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await app.WithDbAsync(db => db.ApplicationDocuments.Where(d => d.ApplicationId == new ApplicationId(application.Id))
            .OrderByDescending(d => d.UploadedAt).Select(d => d.Id).FirstAsync());
    }

    public static Task<HttpResponseMessage> MoveAsync(HttpClient agent, Guid id, int version, string to, string reason = "", params string[] missing)
    {
        var fields = new List<KeyValuePair<string, string>> { new("Move.Version", V(version)), new("Move.To", to), new("Move.Reason", reason) };
        fields.AddRange(missing.Select(m => KeyValuePair.Create("Move.Missing", m)));
        return Forms.PostFormAsync(agent, $"/pro/demandes/{id}/statut", fields);
    }
}

internal sealed record Submitted(Guid Id, string Reference, string ChildLastName, HttpClient Family, string FamilyUserId);
