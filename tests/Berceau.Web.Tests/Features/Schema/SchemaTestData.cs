using System.Net;
using Berceau.Domain.Access;
using Berceau.Domain.Schema;
using Berceau.Web.Tests.Features.Offer;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Tests.Features.Schema;

/// <summary>A schéma built for one test: two organisations, two axes, fiches piloted by each and a draft.</summary>
internal sealed record TestSchema(Sdsf Schema, PartnerOrganisation Pilot, PartnerOrganisation Other, ActionSheet Piloted, ActionSheet OthersSheet, ActionSheet Draft)
{
    public Guid Id => Schema.Id.Value;
}

/// <summary>
/// Data of the schéma's tests. A schéma belongs to a département, so every test builds its own in the 93 with its own names
/// and period (the demo's 2024-2026 and 2020-2024 are left alone); the commune-level account uses Sevran (93071).
/// « Another département » is the 92: a grant there covers nothing of the 93.
/// </summary>
internal static class SchemaTestData
{
    public const string Departement = "93";
    public const string OtherDepartement = "92";
    public const string Sevran = "93071";

    // Each test schéma gets a period of its own, so that the public page of a period shows one schéma.
    private static int _nextYear = 2000;

    public static DateOnly Today(BerceauApp app) => DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);

    /// <summary>
    /// A schéma of its own period; or of <paramref name="startYear"/>–<paramref name="startYear"/>+1 when given (2000, which the
    /// counter never gives, for the annual report's tests: a past period that no other test's public page or observatory reads),
    /// its two fiches published unless <paramref name="publish"/> is false (then it is nobody's public schéma).
    /// </summary>
    public static async Task<TestSchema> SchemaAsync(this BerceauApp app, int? startYear = null, bool publish = true)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var year = startYear ?? Interlocked.Increment(ref _nextYear);
        var pilot = PartnerOrganisation.Create(Departement, $"Pilote {tag}", []).Value;
        var other = PartnerOrganisation.Create(Departement, $"Autre organisation {tag}", []).Value;
        var schema = Sdsf.Create(Departement, $"Schéma de test {tag}", year, year + 1, "Documents de test", BerceauApp.Now).Value;
        var first = schema.AddAxis(1, $"Premier axe {tag}").Value;
        var second = schema.AddAxis(2, $"Second axe {tag}").Value;
        ActionSheet Sheet(SchemaAxis axis, string number, string title, PartnerOrganisation? by, bool publish)
        {
            var sheet = ActionSheet.Create(schema.Id, axis.Id, number, [], Content($"{title} {tag}"), BerceauApp.Now).Value;
            sheet.AssignPilots(by?.Id, []);
            if (publish) sheet.Publish();
            sheet.Version = 0;
            return sheet;
        }
        var piloted = Sheet(first, "1.1", "Fiche pilotée", pilot, publish);
        var others = Sheet(second, "2.1", "Fiche d’une autre organisation", other, publish);
        var draft = Sheet(first, "1.2", "Fiche en brouillon", pilot, publish: false);
        schema.Version = 0;
        await app.WithDbAsync(async db =>
        {
            db.PartnerOrganisations.AddRange(pilot, other);
            db.Schemas.Add(schema);
            db.ActionSheets.AddRange(piloted, others, draft);
            return await db.SaveChangesAsync();
        });
        return new TestSchema(schema, pilot, other, piloted, others, draft);
    }

    public static ActionSheetContent Content(string title) => new(title, "Une priorité\nUne autre priorité", "Communes", "Une action clé", "2025", null,
        [new IndicatorLine("Places créées", "500 places", null), new IndicatorLine("Taux de couverture", "60 %", "taux_global")]);

    /// <summary>A new account with the « partenaire » role and no territory, acting for <paramref name="organisation"/>, signed in.</summary>
    public static async Task<HttpClient> MemberAsync(this BerceauApp app, PartnerOrganisation organisation, string role = Roles.Partner,
        string? departement = null, string? commune = null)
    {
        var (email, password) = await Accounts.CreateStaffAsync(app, role, departement, commune);
        await app.LinkAsync(organisation, email);
        return await Accounts.SignInAsync(app, email, password);
    }

    public static async Task LinkAsync(this BerceauApp app, PartnerOrganisation organisation, string email)
    {
        var userId = await Accounts.UserIdAsync(app, email);
        await app.WithDbAsync(async db =>
        {
            db.PartnerMembers.Add(new PartnerMember { OrganisationId = organisation.Id, UserId = userId });
            return await db.SaveChangesAsync();
        });
    }

    /// <summary>The CDSF secretariat of the 93 (role pilotage, département granted), signed in.</summary>
    public static Task<HttpClient> SecretariatAsync(this BerceauApp app, string departement = Departement) =>
        app.SignedInAsync(Roles.Steering, departement: departement);

    public static Task<ActionSheet> SheetAsync(this BerceauApp app, ActionSheetId id) =>
        app.WithDbAsync(db => db.ActionSheets.AsNoTracking().Include(s => s.Updates).Include(s => s.CoPilots).Include(s => s.Indicators)
            .AsSplitQuery().FirstAsync(s => s.Id == id));

    public static Task<Sdsf> ReloadAsync(this BerceauApp app, SdsfId id) =>
        app.WithDbAsync(db => db.Schemas.AsNoTracking().Include(s => s.Axes).FirstAsync(s => s.Id == id));

    public static string SheetPath(ActionSheet sheet) => $"/pro/schema/fiches/{sheet.Id}";

    /// <summary>Posts an « état d'avancement » with the fiche's current version.</summary>
    /// <summary>The token is read from <paramref name="tokenUrl"/> (default: the fiche's page), for people who cannot open the fiche.</summary>
    public static Task<HttpResponseMessage> ProgressAsync(HttpClient client, ActionSheet sheet, string on, string? state, string comment, int? version = null, string? tokenUrl = null) =>
        Forms.PostFormToAsync(client, tokenUrl ?? SheetPath(sheet), SheetPath(sheet) + "?handler=Progress",
            [KeyValuePair.Create("Progress.Version", (version ?? sheet.Version).ToString()), KeyValuePair.Create("Progress.On", on),
             KeyValuePair.Create("Progress.State", state ?? ""), KeyValuePair.Create("Progress.Comment", comment)]);

    public static void AssertRedirect(HttpResponseMessage response) =>
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Redirection attendue, reçu {(int)response.StatusCode}");
}
