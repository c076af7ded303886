using System.Net;
using Berceau.Domain.Access;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Tests.Features.Account;

/// <summary>/pro, the staff home page (Features/Pro).</summary>
[Collection(AppCollection3.Name)]
[Trait("Category", "Database")]
public sealed class StaffHomeTests(BerceauApp app)
{
    [Fact]
    public async Task Pro_ForAnAdmin_GreetsByNameAndShowsRolesTerritoryAndAdminLinks()
    {
        var (email, password) = await Accounts.CreateStaffAsync(app, Roles.Admin, departement: "93", commune: "93048");
        var client = await Accounts.SignInAsync(app, email, password);

        var response = await client.GetAsync("/pro");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await Forms.TextAsync(response);
        Assert.Contains("Bonjour Test Administration", html);
        Assert.Contains("Administration", html);
        Assert.Contains("Département : Seine-Saint-Denis (93)", html.Replace('\u00a0', ' '));
        Assert.Contains("Commune : Montreuil (93048)", html.Replace('\u00a0', ' '));
        Assert.Contains("href=\"/pro/structures\"", html);
        Assert.Contains("href=\"/admin/utilisateurs\"", html);
        Assert.Contains("href=\"/admin/parametres\"", html);
    }

    [Fact]
    public async Task Pro_ForADirector_ShowsTheFacilityAndNoAdminLink()
    {
        var facility = await app.WithDbAsync(db => db.Facilities.AsNoTracking().Where(f => f.CommuneCode == "93048").OrderBy(f => f.Name).Select(f => new { f.Id, f.Name }).FirstAsync());
        var (email, password) = await Accounts.CreateStaffAsync(app, Roles.Director, facility: facility.Id.Value);
        var client = await Accounts.SignInAsync(app, email, password);

        var html = await Forms.TextAsync(await client.GetAsync("/pro"));

        Assert.Contains("Direction de structure", html);
        Assert.Contains("Structure : " + facility.Name, html.Replace('\u00a0', ' '));
        Assert.Contains("href=\"/pro/structures\"", html);
        Assert.DoesNotContain("href=\"/admin/utilisateurs\"", html);
    }

    [Fact]
    public async Task Pro_ForAFamily_IsForbidden()
    {
        var (email, password) = await Accounts.CreateFamilyAsync(app);
        var client = await Accounts.SignInAsync(app, email, password);

        var response = await client.GetAsync("/pro");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Accès refusé", await Forms.TextAsync(response));
    }
}
