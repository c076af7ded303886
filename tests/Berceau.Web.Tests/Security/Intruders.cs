using System.Net.Http.Json;
using System.Text.Json;
using Berceau.Data;
using Berceau.Data.Identity;
using Berceau.Domain.Access;
using Berceau.Web.Tests.Features.Childminders;
using Berceau.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Berceau.Web.Tests.Security;

/// <summary>A signed-in person who must not reach the <see cref="VictimWorld"/>: its label (for failure messages) and client.</summary>
internal sealed record Intruder(string Label, HttpClient Client);

internal static class Intruders
{
    /// <summary>Le Blanc-Mesnil: a commune of the same département as the victims', where no test record lives.</summary>
    public const string OtherCommune = "93007";
    /// <summary>Hauts-de-Seine: another département.</summary>
    public const string OtherDepartement = "92";

    /// <summary>
    /// Another family; a childminder of another agrément; and every staff role (the administrator excepted: it administers
    /// accounts, it has no territory) once with a grant on another commune of the département and once on another département.
    /// </summary>
    public static async Task<IReadOnlyList<Intruder>> AllAsync(BerceauApp app)
    {
        var intruders = new List<Intruder>();
        var (family, _, _) = await Accounts.SignInAsNewFamilyAsync(app);
        intruders.Add(new("une autre famille", family));
        var own = await app.SaveAsync(ChildminderTestData.Childminder(ChildminderTestData.UniqueName("AM intruse")));
        var (childminder, _) = await app.SignedInChildminderAsync(own.Id);
        intruders.Add(new("un·e assistant·e maternel·le d’un autre agrément", childminder));
        foreach (var role in Roles.Staff.Where(r => r != Roles.Admin))
        {
            var (email, password) = await Accounts.CreateStaffAsync(app, role, commune: OtherCommune);
            intruders.Add(new($"{role} d’une autre commune ({OtherCommune})", await Accounts.SignInAsync(app, email, password)));
            (email, password) = await Accounts.CreateStaffAsync(app, role, departement: OtherDepartement);
            intruders.Add(new($"{role} d’un autre département ({OtherDepartement})", await Accounts.SignInAsync(app, email, password)));
        }
        return intruders;
    }

    /// <summary>
    /// A person with EVERY role, two-factor on, and grants on the victims' commune and département: it passes every page's
    /// role policy, so that what refuses its forged POSTs can only be the anti-forgery check.
    /// </summary>
    public static async Task<HttpClient> EveryRoleAsync(BerceauApp app)
    {
        var email = $"tous-roles.{Guid.NewGuid():N}@test.berceau.fr";
        await app.WithScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<BerceauUser>>();
            var db = services.GetRequiredService<BerceauDbContext>();
            var user = new BerceauUser
            {
                UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Test tous rôles", CreatedAt = app.Clock.GetUtcNow(), LockoutEnabled = true,
            };
            Assert.True((await users.CreateAsync(user, Accounts.Password)).Succeeded);
            Assert.True((await users.AddToRolesAsync(user, Roles.All)).Succeeded);
            db.UserGrants.Add(new UserGrant { UserId = user.Id, DepartementCode = "93" });
            db.UserGrants.Add(new UserGrant { UserId = user.Id, CommuneCode = VictimWorld.Commune });
            await db.SaveChangesAsync();
            var keys = (IUserAuthenticatorKeyStore<BerceauUser>)services.GetRequiredService<IUserStore<BerceauUser>>();
            await keys.SetAuthenticatorKeyAsync(user, Accounts.AuthenticatorKey, CancellationToken.None);
            Assert.True((await users.UpdateAsync(user)).Succeeded);
            Assert.True((await users.SetTwoFactorEnabledAsync(user, true)).Succeeded);
        });
        return await Accounts.SignInAsync(app, email, Accounts.Password);
    }

    /// <summary>
    /// The person's own anti-forgery token, read from a page it may open (every signed-in page has the sign-out form): a
    /// valid token, so that a refusal is the authorization's, not the anti-forgery check's.
    /// </summary>
    public static async Task<string> PageTokenAsync(HttpClient client)
    {
        foreach (var url in new[] { "/", "/famille/demandes", "/pro", "/am/disponibilites" })
        {
            using var response = await client.GetAsync(url);
            if (response.IsSuccessStatusCode && Forms.AntiforgeryToken(await response.Content.ReadAsStringAsync()) is { } token) return token;
        }
        throw new InvalidOperationException("Aucune page avec un jeton anti-falsification pour cette personne.");
    }

    /// <summary>The API's header token (GET /api/v1/antiforgery), or null when the person may not use the API.</summary>
    public static async Task<(string Header, string Token)?> ApiTokenAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/api/v1/antiforgery");
        if (!response.IsSuccessStatusCode) return null;
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        var values = json.EnumerateObject().Select(p => p.Value.GetString()!).ToList();
        return (values[0], values[1]);
    }
}
