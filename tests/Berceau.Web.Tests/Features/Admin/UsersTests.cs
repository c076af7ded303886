using System.Net;
using System.Text.RegularExpressions;
using Berceau.Data.Identity;
using Berceau.Domain.Access;
using Berceau.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Berceau.Web.Tests.Features.Admin;

[Collection(AppCollection.Name)]
[Trait("Category", "Database")]
public sealed partial class UsersTests(BerceauApp app)
{
    private const string ListUrl = "/admin/utilisateurs";
    private const string CreateUrl = "/admin/utilisateurs/nouveau";
    private const string Montreuil = "93048";

    private async Task<HttpClient> AdminOf93Async()
    {
        var (email, password) = await Accounts.CreateStaffAsync(app, Roles.Admin, departement: "93");
        return await Accounts.SignInAsync(app, email, password);
    }

    private static (string, string)[] NewUser(string name, string email, string? role, params (string, string)[] grants) =>
        [("Input.DisplayName", name), ("Input.Email", email), .. role is null ? [] : new[] { ("Input.Roles", role) }, .. grants];

    private static string UniqueEmail() => $"cree.{Guid.NewGuid():N}@test.berceau.fr";

    private Task<BerceauUser?> FindAsync(string email) =>
        app.WithDbAsync(db => db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.NormalizedEmail == email.ToUpperInvariant()));

    [Fact]
    public async Task List_WhenDirector_IsForbidden()
    {
        var (email, password) = await Accounts.CreateStaffAsync(app, Roles.Director, departement: "93");
        var client = await Accounts.SignInAsync(app, email, password);

        var response = await client.GetAsync(ListUrl);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Accès refusé", await Forms.TextAsync(response));
    }

    [Fact]
    public async Task Create_WithValidInput_CreatesTheAccountAndShowsItsPasswordOnce()
    {
        var client = await AdminOf93Async();
        var email = UniqueEmail();

        var response = await Forms.PostFormAsync(client, CreateUrl,
            NewUser("Agente de Montreuil", email, Roles.Agent, ("Input.Communes", Montreuil)));

        var html = await Forms.TextAsync(response);
        Assert.Contains("Compte créé", html);
        var password = InitialPassword().Match(html).Groups[1].Value;
        Assert.Matches("^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$", password);
        var user = await FindAsync(email);
        Assert.NotNull(user);
        Assert.Equal("Agente de Montreuil", user.DisplayName);
        var grants = await app.WithDbAsync(db => db.UserGrants.Where(g => g.UserId == user.Id).ToListAsync());
        Assert.Equal(Montreuil, Assert.Single(grants).CommuneCode);
        var roles = await app.WithDbAsync(db => (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == user.Id select r.Name).ToListAsync());
        Assert.Equal([Roles.Agent], roles);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "utilisateur-cree" && a.EntityId == user.Id)));
        // The new agent signs in with it, and is sent to set up two-factor before any staff page.
        var agent = await Accounts.SignInAsync(app, email, password);
        var pro = await agent.GetAsync("/pro");
        Assert.StartsWith("/compte/double-authentification", pro.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Create_FamilyAccount_NeedsNoTerritory()
    {
        var client = await AdminOf93Async();
        var email = UniqueEmail();

        var response = await Forms.PostFormAsync(client, CreateUrl, NewUser("Famille Test", email, Roles.Family));

        Assert.Contains("Compte créé", await Forms.TextAsync(response));
        Assert.NotNull(await FindAsync(email));
    }

    [Theory]
    [InlineData("", Roles.Agent, "Saisissez une adresse e-mail.")]
    [InlineData("pas-une-adresse", Roles.Agent, "Saisissez une adresse e-mail valide, par exemple prenom.nom@commune.fr.")]
    [InlineData("sans-domaine@", Roles.Agent, "Saisissez une adresse e-mail valide, par exemple prenom.nom@commune.fr.")]
    [InlineData("VALID", null, "Choisissez au moins un rôle.")]
    public async Task Create_WithBadInput_ShowsFrenchErrorAndCreatesNothing(string email, string? role, string expected)
    {
        var client = await AdminOf93Async();
        var name = "Personne " + Guid.NewGuid().ToString("N");
        if (email == "VALID") email = UniqueEmail();

        var response = await Forms.PostFormAsync(client, CreateUrl, NewUser(name, email, role, ("Input.Communes", Montreuil)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new[] { expected }, await Forms.ErrorSummaryAsync(response));
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.DisplayName == name)));
    }

    [Fact]
    public async Task Create_StaffWithoutTerritory_IsRefused()
    {
        var client = await AdminOf93Async();
        var email = UniqueEmail();

        var response = await Forms.PostFormAsync(client, CreateUrl, NewUser("Sans territoire", email, Roles.Agent));

        Assert.Equal(
            new[] { "Donnez au moins un territoire à un compte professionnel : un département, une commune ou une structure." },
            await Forms.ErrorSummaryAsync(response));
        Assert.Null(await FindAsync(email));
    }

    [Fact]
    public async Task Create_WhenCommuneOfAnotherDepartement_IsRefused()
    {
        var client = await AdminOf93Async();
        var email = UniqueEmail();

        var response = await Forms.PostFormAsync(client, CreateUrl,
            NewUser("Agent de Boulogne", email, Roles.Agent, ("Input.Communes", "92012")));

        Assert.Equal(new[] { "« 92012 » n’est pas dans votre territoire : vous ne pouvez pas l’attribuer." }, await Forms.ErrorSummaryAsync(response));
        Assert.Null(await FindAsync(email));
    }

    [Fact]
    public async Task Create_WhenDepartementIsNotTheAdmins_IsRefused()
    {
        var client = await AdminOf93Async();
        var email = UniqueEmail();

        var response = await Forms.PostFormAsync(client, CreateUrl,
            NewUser("Admin du 92", email, Roles.Admin, ("Input.Departement", "92")));

        Assert.Equal(new[] { "« 92 » n’est pas dans votre territoire : vous ne pouvez pas l’attribuer." }, await Forms.ErrorSummaryAsync(response));
        Assert.Null(await FindAsync(email));
    }

    [Fact]
    public async Task Create_WithAnEmailAlreadyUsed_IsRefused()
    {
        var client = await AdminOf93Async();
        var (existing, _) = await Accounts.CreateFamilyAsync(app);

        var response = await Forms.PostFormAsync(client, CreateUrl, NewUser("Doublon", existing, Roles.Family));

        Assert.Contains($"L’adresse e-mail « {existing} » est déjà utilisée.", await Forms.ErrorSummaryAsync(response));
    }

    [Fact]
    public async Task Create_FacilitySearch_FindsFacilitiesOfTheTerritoryAndKeepsWhatWasTyped()
    {
        var client = await AdminOf93Async();
        var facility = await app.WithDbAsync(db => db.Facilities.AsNoTracking().Where(f => f.CommuneCode.StartsWith("93")).OrderBy(f => f.Name).Select(f => new { f.Id, f.Name }).FirstAsync());

        var response = await Forms.PostFormToAsync(client, CreateUrl, CreateUrl + "?handler=Structures",
            [.. NewUser("Direction test", "direction.test@test.berceau.fr", Roles.Director).Select(f => KeyValuePair.Create(f.Item1, f.Item2)),
             KeyValuePair.Create("Input.FacilitySearch", facility.Name)]);

        var html = await Forms.TextAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"value=\"{facility.Id}\"", html);
        Assert.Contains("value=\"direction.test@test.berceau.fr\"", html);
        Assert.Empty(Forms.ErrorSummary(html));
    }

    [Fact]
    public async Task List_ShowsAccountsOfTheTerritoryButNotThoseGrantedElsewhere()
    {
        var client = await AdminOf93Async();
        var (inside, _) = await Accounts.CreateStaffAsync(app, Roles.Agent, commune: Montreuil);
        var (outside, _) = await Accounts.CreateStaffAsync(app, Roles.Agent, commune: "92012");
        var (mixed, _) = await Accounts.CreateStaffAsync(app, Roles.Agent, departement: "93", commune: "92012");

        var html = await Forms.TextAsync(await client.GetAsync(ListUrl + "?search=test.berceau.fr&role=agent"));
        var insideAlone = await Forms.TextAsync(await client.GetAsync(ListUrl + "?search=" + Uri.EscapeDataString(inside)));

        Assert.Contains(inside, insideAlone);
        Assert.Contains("1 compte(s)", insideAlone);
        Assert.DoesNotContain(outside, html);
        Assert.DoesNotContain(mixed, html);
        var outsideId = await Accounts.UserIdAsync(app, outside);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{ListUrl}/{outsideId}")).StatusCode);
    }

    [Fact]
    public async Task List_FiltersByRole()
    {
        var client = await AdminOf93Async();
        var (director, _) = await Accounts.CreateStaffAsync(app, Roles.Director, commune: Montreuil);
        var (agent, _) = await Accounts.CreateStaffAsync(app, Roles.Agent, commune: Montreuil);

        var directors = await Forms.TextAsync(await client.GetAsync(ListUrl + "?role=direction&search=test.berceau.fr"));

        Assert.Contains(director, directors);
        Assert.DoesNotContain(agent, directors);
    }

    [Fact]
    public async Task List_PagesByTwentyFive()
    {
        var client = await AdminOf93Async();
        var marker = "Pagination" + Guid.NewGuid().ToString("N")[..8];
        await app.WithScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<BerceauUser>>();
            for (var i = 0; i < 27; i++)
            {
                var email = $"{marker.ToLowerInvariant()}.{i}@test.berceau.fr";
                await users.CreateAsync(new BerceauUser { UserName = email, Email = email, DisplayName = $"{marker} {i:D2}" });
            }
        });

        var first = await Forms.TextAsync(await client.GetAsync(ListUrl + "?search=" + marker));
        var second = await Forms.TextAsync(await client.GetAsync(ListUrl + "?search=" + marker + "&page=2"));

        Assert.Contains("27 compte(s)", first);
        Assert.Contains($"{marker} 24", first);
        Assert.DoesNotContain($"{marker} 25", first);
        Assert.Contains($"{marker} 26", second);
        Assert.Contains("page=2", first);
    }

    [Fact]
    public async Task Edit_ChangesRolesAndTerritoryAndAuditsIt()
    {
        var client = await AdminOf93Async();
        var (email, _) = await Accounts.CreateStaffAsync(app, Roles.Agent, commune: Montreuil);
        var id = await Accounts.UserIdAsync(app, email);
        var url = $"{ListUrl}/{id}";
        var stamp = Forms.HiddenValue(await (await client.GetAsync(url)).Content.ReadAsStringAsync(), "Input.ConcurrencyStamp")!;

        var response = await Forms.PostFormAsync(client, url,
            ("Input.DisplayName", "Nouveau nom"), ("Input.Roles", Roles.Agent), ("Input.Roles", Roles.Committee),
            ("Input.Communes", "93066"), ("Input.Communes", "93008"), ("Input.ConcurrencyStamp", stamp));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await Forms.TextAsync(await client.GetAsync(url));
        Assert.Contains("Les modifications ont été enregistrées.", page);
        var grants = await app.WithDbAsync(db => db.UserGrants.Where(g => g.UserId == id).Select(g => g.CommuneCode).OrderBy(c => c).ToListAsync());
        Assert.Equal(["93008", "93066"], grants);
        Assert.Equal("Nouveau nom", (await FindAsync(email))!.DisplayName);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "utilisateur-modifie" && a.EntityId == id)));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "lecture" && a.EntityId == id)));
    }

    [Fact]
    public async Task Edit_WhenSomeoneChangedTheAccountMeanwhile_ShowsFrenchMessageAndKeepsTheirChange()
    {
        var client = await AdminOf93Async();
        var (email, _) = await Accounts.CreateStaffAsync(app, Roles.Agent, commune: Montreuil);
        var id = await Accounts.UserIdAsync(app, email);
        var url = $"{ListUrl}/{id}";
        var stamp = Forms.HiddenValue(await (await client.GetAsync(url)).Content.ReadAsStringAsync(), "Input.ConcurrencyStamp")!;
        await app.WithScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<BerceauUser>>();
            var user = await users.FindByIdAsync(id);
            user!.DisplayName = "Changé par un collègue";
            await users.UpdateAsync(user);
        });

        var response = await Forms.PostFormAsync(client, url,
            ("Input.DisplayName", "Mon changement"), ("Input.Roles", Roles.Agent), ("Input.Communes", Montreuil), ("Input.ConcurrencyStamp", stamp));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            new[] { "Cet élément a été modifié par quelqu’un d’autre pendant votre saisie. Rechargez la page pour voir la dernière version." },
            await Forms.ErrorSummaryAsync(response));
        Assert.Equal("Changé par un collègue", (await FindAsync(email))!.DisplayName);
    }

    [Fact]
    public async Task Edit_WhenAdminRemovesOwnAdminRole_IsRefused()
    {
        var (adminEmail, password) = await Accounts.CreateStaffAsync(app, Roles.Admin, departement: "93");
        var client = await Accounts.SignInAsync(app, adminEmail, password);
        var id = await Accounts.UserIdAsync(app, adminEmail);
        var url = $"{ListUrl}/{id}";
        var stamp = Forms.HiddenValue(await (await client.GetAsync(url)).Content.ReadAsStringAsync(), "Input.ConcurrencyStamp")!;

        var response = await Forms.PostFormAsync(client, url,
            ("Input.DisplayName", "Moi"), ("Input.Roles", Roles.Agent), ("Input.Departement", "93"), ("Input.ConcurrencyStamp", stamp));

        Assert.Equal(new[] { "Vous ne pouvez pas retirer votre propre rôle d’administration." }, await Forms.ErrorSummaryAsync(response));
    }

    [Fact]
    public async Task Disable_PreventsSignInAndEnableRestoresIt()
    {
        var client = await AdminOf93Async();
        var (email, password) = await Accounts.CreateStaffAsync(app, Roles.Agent, commune: Montreuil);
        var id = await Accounts.UserIdAsync(app, email);

        var disabled = await PostActionAsync(client, id, "Disable");
        var refused = await Forms.PostFormAsync(Forms.Client(app), "/compte/connexion", ("Input.Email", email), ("Input.Password", password));
        var enabled = await PostActionAsync(client, id, "Enable");

        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        Assert.Equal(new[] { "Ce compte est désactivé. Adressez-vous à l’administration de votre territoire." }, await Forms.ErrorSummaryAsync(refused));
        Assert.Equal(HttpStatusCode.Redirect, enabled.StatusCode);
        await Accounts.SignInAsync(app, email, password);
        var actions = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityId == id).Select(a => a.Action).ToListAsync());
        Assert.Contains("utilisateur-desactive", actions);
        Assert.Contains("utilisateur-reactive", actions);
    }

    [Fact]
    public async Task Disable_OwnAccount_IsRefused()
    {
        var (adminEmail, password) = await Accounts.CreateStaffAsync(app, Roles.Admin, departement: "93");
        var client = await Accounts.SignInAsync(app, adminEmail, password);

        var response = await PostActionAsync(client, await Accounts.UserIdAsync(app, adminEmail), "Disable");

        Assert.Equal(new[] { "Vous ne pouvez pas désactiver votre propre compte." }, await Forms.ErrorSummaryAsync(response));
    }

    [Fact]
    public async Task Unlock_EndsALockout()
    {
        var client = await AdminOf93Async();
        var (email, password) = await Accounts.CreateStaffAsync(app, Roles.Agent, commune: Montreuil);
        var id = await Accounts.UserIdAsync(app, email);
        await app.WithScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<BerceauUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByIdAsync(id))!, DateTimeOffset.UtcNow.AddMinutes(15));
        });

        var response = await PostActionAsync(client, id, "Unlock");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await Accounts.SignInAsync(app, email, password);
    }

    [Fact]
    public async Task ResetTwoFactor_MakesTheStaffSetItUpAgain()
    {
        var client = await AdminOf93Async();
        var (email, password) = await Accounts.CreateStaffAsync(app, Roles.Agent, commune: Montreuil);
        var id = await Accounts.UserIdAsync(app, email);

        var response = await PostActionAsync(client, id, "ResetTwoFactor");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False((await FindAsync(email))!.TwoFactorEnabled);
        var agent = await Accounts.SignInAsync(app, email, password);
        Assert.StartsWith("/compte/double-authentification", (await agent.GetAsync("/pro")).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Action_WithStaleStamp_IsRefusedInFrench()
    {
        var client = await AdminOf93Async();
        var (email, _) = await Accounts.CreateStaffAsync(app, Roles.Agent, commune: Montreuil);
        var id = await Accounts.UserIdAsync(app, email);

        var response = await Forms.PostFormToAsync(client, $"{ListUrl}/{id}", $"{ListUrl}/{id}?handler=Disable",
            [KeyValuePair.Create("stamp", "perime")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("Cet élément a été modifié par quelqu’un d’autre", Assert.Single(await Forms.ErrorSummaryAsync(response)));
        Assert.False((await FindAsync(email))!.IsDisabled);
    }

    [Fact]
    public async Task Create_WithoutAntiforgeryToken_Returns400()
    {
        var client = await AdminOf93Async();
        var email = UniqueEmail();

        var response = await client.PostAsync(CreateUrl, new FormUrlEncodedContent(
            NewUser("Sans jeton", email, Roles.Family).Select(f => KeyValuePair.Create(f.Item1, f.Item2))));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(await FindAsync(email));
    }

    private static async Task<HttpResponseMessage> PostActionAsync(HttpClient client, string id, string handler)
    {
        var url = $"{ListUrl}/{id}";
        var stamp = Forms.HiddenValue(await (await client.GetAsync(url)).Content.ReadAsStringAsync(), "stamp")!;
        return await Forms.PostFormToAsync(client, url, $"{url}?handler={handler}", [KeyValuePair.Create("stamp", stamp)]);
    }

    [GeneratedRegex("<code id=\"mot-de-passe-provisoire\">([^<]+)</code>")]
    private static partial Regex InitialPassword();
}
