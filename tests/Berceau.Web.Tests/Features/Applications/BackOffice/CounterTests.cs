using System.Net;
using System.Text.RegularExpressions;
using Berceau.Domain.Applications;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Berceau.Web.Tests.Features.Applications.ApplicationTestData;
using static Berceau.Web.Tests.Features.Applications.BackOffice.BackOfficeTestData;
using ApplicationId = Berceau.Domain.Applications.ApplicationId;

namespace Berceau.Web.Tests.Features.Applications.BackOffice;

/// <summary>An agent files an application at the counter; the family attaches it to its account with a one-time code.</summary>
[Collection(AppCollection3.Name)]
[Trait("Category", "Database")]
public sealed partial class CounterTests(BerceauApp app)
{
    private const string NewPath = "/pro/demandes/nouvelle?commune=" + Montreuil;

    private async Task<(Guid Id, HttpClient Agent)> CounterApplicationAsync(string? lastName = null)
    {
        var creches = await app.CrechesAsync(Montreuil, 2);
        var agent = await app.SignedInAgentAsync();
        var form = ValidForm(Montreuil, creches[0].Id.ToString(), creches[1].Id.ToString());
        form["Input.Child.LastName"] = lastName ?? UniqueFamilyName();
        form["Input.CreationKey"] = Guid.NewGuid().ToString();
        using var response = await PostAsync(agent, NewPath, form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.EndsWith("/code-famille", location);
        return (Guid.Parse(location.Split('/')[3]), agent);
    }

    private static async Task<string> IssueCodeAsync(HttpClient agent, Guid id, string email = "")
    {
        using var response = await Forms.PostFormAsync(agent, $"/pro/demandes/{id}/code-famille", ("Email", email));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
        return CodePattern().Match(await response.Content.ReadAsStringAsync()).Value;
    }

    private static Task<HttpResponseMessage> AttachAsync(HttpClient family, string code) =>
        Forms.PostFormAsync(family, "/famille/demandes/rattacher", ("Code", code));

    [Fact]
    public async Task TheCounterApplication_IsSubmitted_ByTheAgent_WithNoFamilyYet()
    {
        var (id, _) = await CounterApplicationAsync();

        var stored = await app.StoredAsync(id);
        Assert.Equal(ApplicationStatus.Submitted, stored.Status);
        Assert.Null(stored.FamilyUserId);
        Assert.NotNull(stored.CreatedBy);
        Assert.Equal(2, stored.Wishes.Count);
        Assert.StartsWith("DEM-93048-", stored.Reference);
    }

    [Fact]
    public async Task TheCounterForm_IsTheFamilysForm_WithoutDraft()
    {
        await app.CrechesAsync(Montreuil, 1);
        using var agent = await app.SignedInAgentAsync();

        var page = await Forms.TextAsync(await agent.GetAsync(NewPath));

        Assert.Contains("Déposer la demande", page);
        Assert.Contains("name=\"Input.Guardians[1].Situation\"", page);
        Assert.DoesNotContain("Enregistrer le brouillon", page);
    }

    [Fact]
    public async Task BadInput_AtTheCounter_GetsTheFamilysFrenchMessages_AndNothingIsSaved()
    {
        var creches = await app.CrechesAsync(Montreuil, 1);
        using var agent = await app.SignedInAgentAsync();
        var name = UniqueFamilyName();
        var form = ValidForm(Montreuil, creches[0].Id.ToString(), creches[0].Id.ToString());
        form["Input.Child.LastName"] = name + "<script>alert(1)</script>";
        form["Input.DesiredStart"] = "2026-11-01";
        form["Input.Consent"] = "false";

        using var response = await PostAsync(agent, NewPath, form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var errors = await Forms.ErrorSummaryAsync(response);
        Assert.Contains("Un nom ou un prénom ne contient que des lettres, des espaces, des traits d’union et des apostrophes.", errors);
        Assert.Contains("La date d’entrée souhaitée ne peut pas être dans le passé.", errors);
        Assert.Contains(errors, e => e.StartsWith("Le choix n° 2 est déjà dans votre liste", StringComparison.Ordinal));
        Assert.DoesNotContain("<script>alert(1)", await response.Content.ReadAsStringAsync());
        Assert.False(await app.WithDbAsync(db => db.Applications.AnyAsync(a => a.ChildLastName!.StartsWith(name))));
    }

    [Fact]
    public async Task ACommuneOutsideTheTerritory_IsNeitherOfferedNorAccepted()
    {
        var creches = await app.CrechesAsync(SaintDenis, 1);
        using var agent = await app.SignedInAgentAsync(Montreuil);
        var name = UniqueFamilyName();

        var offered = await Forms.TextAsync(await agent.GetAsync("/pro/demandes/nouvelle"));
        var token = await Forms.AntiforgeryTokenAsync(agent, NewPath);
        var form = ValidForm(SaintDenis, creches[0].Id.ToString());
        form["Input.Child.LastName"] = name;
        form[Forms.TokenField] = token;
        using var posted = await agent.PostAsync("/pro/demandes/nouvelle", new FormUrlEncodedContent(form));

        Assert.DoesNotContain("value=\"93066\"", offered);
        Assert.Contains("value=\"93048\"", offered);
        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Applications.AnyAsync(a => a.ChildLastName == name)));
    }

    [Fact]
    public async Task TheFamily_AttachesTheApplication_WithTheCode_ThenFollowsIt()
    {
        var (id, agent) = await CounterApplicationAsync();
        var (email, password) = await Accounts.CreateFamilyAsync(app);
        var code = await IssueCodeAsync(agent, id, email);
        using var family = await Accounts.SignInAsync(app, email, password);
        var familyId = await Accounts.UserIdAsync(app, email);

        var mail = await Mail.SingleReceivedAsync(app, email);
        using var response = await AttachAsync(family, code.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal));

        Assert.Contains(code, mail);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/famille/demandes/{id}", response.Headers.Location!.OriginalString);
        Assert.Equal(familyId, (await app.StoredAsync(id)).FamilyUserId);
        var page = await Forms.TextAsync(await family.GetAsync($"/famille/demandes/{id}"));
        Assert.Contains("Demande rattachée à votre compte", page);
        Assert.Contains("Le guichet", page);
        // Only the hash is stored.
        var stored = await app.WithDbAsync(db => db.AttachCodes.SingleAsync(c => c.ApplicationId == new ApplicationId(id)));
        Assert.DoesNotContain(code.Replace("-", "", StringComparison.Ordinal), stored.Hash);
        Assert.NotNull(stored.UsedAt);
    }

    [Fact]
    public async Task AUsedCode_IsRefused_ForAnotherFamily()
    {
        var (id, agent) = await CounterApplicationAsync();
        var code = await IssueCodeAsync(agent, id);
        var (first, firstId) = await app.SignedInFamilyAsync();
        var (second, _) = await app.SignedInFamilyAsync();

        using var attached = await AttachAsync(first, code);
        using var again = await AttachAsync(second, code);

        Assert.Equal(HttpStatusCode.Redirect, attached.StatusCode);
        Assert.Contains(await Forms.ErrorSummaryAsync(again), e => e.StartsWith("Ce code a déjà servi", StringComparison.Ordinal));
        Assert.Equal(firstId, (await app.StoredAsync(id)).FamilyUserId);
        Assert.Equal(HttpStatusCode.NotFound, (await second.GetAsync($"/famille/demandes/{id}")).StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ABCD")]
    [InlineData("AAAA-AAAA-AAAA-AAAA")]
    [InlineData("<script>alert(1)</script>")]
    public async Task AWrongCode_IsRefusedInFrench(string code)
    {
        var (family, _) = await app.SignedInFamilyAsync();

        using var response = await AttachAsync(family, code);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(await Forms.ErrorSummaryAsync(response), e => e.StartsWith("Ce code n’est pas valable", StringComparison.Ordinal));
        Assert.DoesNotContain("<script>alert(1)", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AnExpiredCode_OrOneReplacedByANewerCode_IsRefused()
    {
        var (id, agent) = await CounterApplicationAsync();
        var replaced = await IssueCodeAsync(agent, id);
        var current = await IssueCodeAsync(agent, id);
        var (expiredCode, expired) = AttachCode.Issue(new ApplicationId(id), BerceauApp.Now.AddDays(-AttachCode.ValidDays - 1), "agent");
        await app.WithDbAsync(db => { db.AttachCodes.Add(expired); return db.SaveChangesAsync(); });
        var (family, _) = await app.SignedInFamilyAsync();

        using var withReplaced = await AttachAsync(family, replaced);
        using var withExpired = await AttachAsync(family, expiredCode);

        Assert.NotEqual(replaced, current);
        Assert.Contains(await Forms.ErrorSummaryAsync(withReplaced), e => e.StartsWith("Ce code a expiré ou a été remplacé", StringComparison.Ordinal));
        Assert.Contains(await Forms.ErrorSummaryAsync(withExpired), e => e.StartsWith("Ce code a expiré ou a été remplacé", StringComparison.Ordinal));
        Assert.Null((await app.StoredAsync(id)).FamilyUserId);
    }

    [Fact]
    public async Task ABadEmail_ForTheCode_IsRefusedInFrench_AndNoCodeIsIssued()
    {
        var (id, agent) = await CounterApplicationAsync();

        using var response = await Forms.PostFormAsync(agent, $"/pro/demandes/{id}/code-famille", ("Email", "pas une adresse <b>"));

        Assert.Contains("Saisissez une adresse e-mail valide, ou laissez le champ vide.", await Forms.ErrorSummaryAsync(response));
        Assert.Equal(0, await app.WithDbAsync(db => db.AttachCodes.CountAsync(c => c.ApplicationId == new ApplicationId(id))));
    }

    [GeneratedRegex("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}")]
    private static partial Regex CodePattern();
}
