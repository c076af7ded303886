using System.Net;
using Berceau.Data;
using Berceau.Data.Identity;
using Berceau.Domain.Access;
using Berceau.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Berceau.Web.Tests.Security;

/// <summary>
/// Every staff page that shows a family's (or a visitor's) personal data records who read it (RULES §7): opening it as staff
/// adds a line in the audit log or in the file's access log (<c>ApplicationAccesses</c>, which the family reads), with the
/// reader's account id. The list names the pages; the sweep's addresses (<see cref="VictimWorld"/>) are the records read.
/// </summary>
[Collection(SecurityCollection.Name)]
[Trait("Category", "Database")]
public sealed class StaffAccessAuditTests(BerceauApp app)
{
    /// <summary>Staff pages showing personal data: a family's file, proof, case, letters, booking list, registration…</summary>
    public static readonly TheoryData<string> PersonalDataPages =
    [
        "pro/demandes/{id:guid}",
        // The proof's page shows its name and kind; reading the file itself is the download, recorded in the file's access log.
        "pro/demandes/{id:guid}/pieces/{documentId:guid}?handler=Download",
        "pro/suivi/{id:guid}",
        "pro/suivi/{id:guid}/courrier",
        "pro/suivi/{id:guid}/courriers/{letterId:guid}",
        "pro/accueil-occasionnel/structures/{id:guid}/jour",
        "pro/accueil-occasionnel/dossiers/{id:guid}",
        "pro/commissions/{id:guid}",
        "pro/commissions/{id:guid}/courriers/{applicationId:guid}",
        "pro/reunions/{id:guid}",
        "pro/reunions/{id:guid}/export",
    ];

    [Theory]
    [MemberData(nameof(PersonalDataPages))]
    public async Task OpeningAPersonalDataPage_AsStaff_IsRecordedWithTheReadersAccount(string template)
    {
        var world = await VictimWorld.OfAsync(app);
        var (email, password) = await Accounts.CreateStaffAsync(app, Roles.Agent, commune: VictimWorld.Commune);
        await GrantEveryRoleAsync(email);
        using var staff = await Accounts.SignInAsync(app, email, password);
        var userId = await Accounts.UserIdAsync(app, email);
        var parts = template.Split('?');
        var url = world.Urls[parts[0]] + (parts.Length > 1 ? "?" + parts[1] : "");
        var before = await RecordedReadsAsync(userId);

        using var response = await staff.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(await RecordedReadsAsync(userId) > before, $"GET {url} par un agent : aucune ligne d’audit ni d’accès au dossier.");
    }

    private Task<int> RecordedReadsAsync(string userId) =>
        app.WithDbAsync(async db => await db.AuditEntries.CountAsync(a => a.UserId == userId) + await db.ApplicationAccesses.CountAsync(a => a.UserId == userId));

    /// <summary>The pages above belong to several roles (guichet, commission, direction, relais): one reader holding them all.</summary>
    private Task GrantEveryRoleAsync(string email) =>
        app.WithScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<BerceauUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            Assert.True((await users.AddToRolesAsync(user, Roles.Staff.Where(r => r != Roles.Agent))).Succeeded);
            var db = services.GetRequiredService<BerceauDbContext>();
            db.UserGrants.Add(new UserGrant { UserId = user.Id, DepartementCode = "93" });
            await db.SaveChangesAsync();
        });
}
