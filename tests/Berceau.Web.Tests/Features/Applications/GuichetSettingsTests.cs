using System.Net;
using System.Text.Json;
using Berceau.Domain.Access;
using Berceau.Web.Features.Applications.Settings;
using Berceau.Web.Tests.Features.Applications.Api;
using Berceau.Web.Tests.Features.Applications.BackOffice;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Berceau.Web.Tests.Features.Applications.ApplicationTestData;

namespace Berceau.Web.Tests.Features.Applications;

/// <summary>
/// Each commune sets how many ranked wishes its guichet takes; the family form, the counter form, the API and the wishes
/// page all apply it. A commune no other test uses, so that its limit changes nothing elsewhere.
/// </summary>
[Collection(AppCollection3.Name)]
[Trait("Category", "Database")]
public sealed class GuichetSettingsTests(BerceauApp app)
{
    private const string Noisy = "93051";

    private static string SettingsPath => EditModel.PathOf(Noisy);

    private async Task<HttpClient> AdminOfAsync(string commune)
    {
        var (email, password) = await Accounts.CreateStaffAsync(app, Roles.Admin, commune: commune);
        return await Accounts.SignInAsync(app, email, password);
    }

    private async Task<Dictionary<string, string>> FormAsync(params string[] wishes)
    {
        var postalCode = await app.WithDbAsync(db => db.Communes.Where(c => c.Code == Noisy).Select(c => c.PostalCodes).FirstAsync());
        var form = ValidForm(Noisy, wishes);
        form["Input.PostalCode"] = postalCode.Split('|')[0];
        return form;
    }

    [Fact]
    public async Task TheCommunesLimit_IsAppliedByTheFamilyForm_TheCounterForm_TheApi_AndTheWishesPage()
    {
        var creches = await app.CrechesAsync(Noisy, 3);
        var ids = creches.Select(c => c.Id.ToString()).ToArray();
        var admin = await AdminOfAsync(Noisy);

        using var saved = await Forms.PostFormAsync(admin, SettingsPath, ("Input.MaxWishes", "2"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(2, await app.WithDbAsync(db => db.GuichetSettings.Where(s => s.CommuneCode == Noisy).Select(s => s.MaxWishes).SingleAsync()));
        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == ChangeGuichetSettings.AuditEntity && a.EntityId == Noisy).ToListAsync());
        Assert.Equal("vœux au plus : 6 → 2", Assert.Single(audit).Details);
        Assert.Contains("jusqu’à 2 crèches", await Forms.TextAsync(await admin.GetAsync(SettingsPath)));

        var (family, userId) = await app.SignedInFamilyAsync();
        var newPage = await Forms.TextAsync(await family.GetAsync(NewPath(Noisy)));
        Assert.Contains("Classez jusqu’à 2 crèches", newPage);
        Assert.Contains("name=\"Input.Wishes[1]\"", newPage);
        Assert.DoesNotContain("name=\"Input.Wishes[2]\"", newPage);
        var tooMany = await Forms.TextAsync(await PostAsync(family, NewPath(Noisy), await FormAsync(ids)));
        Assert.Contains("La commune accepte au plus 2 vœux", tooMany);

        var (api, _) = await ApiClients.FamilyAsync(app);
        var body = ApiClients.ValidBody(Noisy, ids);
        body["postalCode"] = (await FormAsync())["Input.PostalCode"];
        using var refused = await ApiClients.PostAsync(api, body, Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await ApiClients.JsonAsync(refused)).GetProperty("errors");
        Assert.Contains("au plus 2 vœux", errors.GetProperty("wishes[0]")[0].GetString());

        var agent = await app.SignedInAgentAsync(Noisy);
        var counter = await FormAsync(ids);
        counter["Input.CreationKey"] = Guid.NewGuid().ToString();
        var counterPage = await Forms.TextAsync(await PostAsync(agent, "/pro/demandes/nouvelle?commune=" + Noisy, counter));
        Assert.Contains("La commune accepte au plus 2 vœux", counterPage);
        Assert.False(await app.WithDbAsync(db => db.Applications.AnyAsync(a => a.CommuneCode == Noisy)));

        using var accepted = await PostAsync(family, NewPath(Noisy), await FormAsync(ids[0], ids[1]));
        var id = IdFrom(accepted);
        var wishesPath = $"/famille/demandes/{id}/voeux";
        var version = (await app.StoredAsync(id)).Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var rerank = await Forms.TextAsync(await Forms.PostFormAsync(family, wishesPath,
            ("Input.Version", version), ("Input.Wishes[0]", ids[2]), ("Input.Wishes[1]", ids[1]), ("Input.Wishes[2]", ids[0])));
        Assert.Contains("La commune accepte au plus 2 vœux", rerank);
        Assert.Equal([creches[0].Id, creches[1].Id], (await app.StoredAsync(id)).RankedWishes.Select(w => w.FacilityId!.Value));
        Assert.Single(await app.ApplicationsOfAsync(userId));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("21")]
    [InlineData("six")]
    [InlineData("")]
    public async Task ALimitOutsideOneToTwenty_IsRefused_InFrench_AndNothingChanges(string value)
    {
        var admin = await AdminOfAsync(Noisy);
        var before = await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == ChangeGuichetSettings.AuditEntity));

        using var response = await Forms.PostFormAsync(admin, SettingsPath, ("Input.MaxWishes", value));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(Forms.ErrorSummary(await Forms.TextAsync(response)));
        Assert.Equal(before, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == ChangeGuichetSettings.AuditEntity)));
    }

    [Fact]
    public async Task AnAdminOfAnotherCommune_GetsNotFound_OnGetAndPost_AndChangesNothing()
    {
        var other = await AdminOfAsync(SaintDenis);
        var before = await app.WithDbAsync(db => db.GuichetSettings.AsNoTracking().FirstOrDefaultAsync(s => s.CommuneCode == Noisy));
        var token = await Forms.AntiforgeryTokenAsync(other, EditModel.PathOf(SaintDenis));

        using var read = await other.GetAsync(SettingsPath);
        using var write = await other.PostAsync(SettingsPath, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.MaxWishes"] = "1",
            [Forms.TokenField] = token,
        }));
        var list = await Forms.TextAsync(await other.GetAsync(IndexModel.Path));

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, write.StatusCode);
        Assert.Equal(before?.MaxWishes, (await app.WithDbAsync(db => db.GuichetSettings.AsNoTracking().FirstOrDefaultAsync(s => s.CommuneCode == Noisy)))?.MaxWishes);
        Assert.Contains(SaintDenis, list);
        Assert.DoesNotContain(Noisy, list);
    }

    [Fact]
    public async Task AnAgent_CannotOpenTheSettings()
    {
        var agent = await app.SignedInAgentAsync(Noisy);

        using var response = await agent.GetAsync(SettingsPath);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
