using System.Net;
using Berceau.Domain.Access;
using Berceau.Domain.Staffing;
using Berceau.Web.Features.Staffing;
using Berceau.Web.Tests.Features.Offer;
using Berceau.Web.Tests.Support;
using static Berceau.Web.Tests.Features.Staffing.StaffingTestData;

namespace Berceau.Web.Tests.Features.Staffing;

/// <summary>The staffing table, the encadrement computed on the page, and the audit of each change.</summary>
[Collection(AppCollection3.Name)]
[Trait("Category", "Database")]
public sealed class StaffingPageTests(BerceauApp app)
{
    private static (string, string)[] Table(int version, string rule, params (Profession Profession, string Filled, string Vacant)[] rows) =>
    [
        ("Input.Version", version.ToString()), ("Input.Rule", rule),
        .. rows.SelectMany((r, i) => new[]
        {
            ($"Input.Positions[{i}].Profession", r.Profession.ToString()), ($"Input.Positions[{i}].Filled", r.Filled), ($"Input.Positions[{i}].Vacant", r.Vacant),
        }),
    ];

    [Fact]
    public async Task TheDirector_FillsTheStaffingTable_AndThePageComparesRequiredStaffWithStaffInPost()
    {
        var creche = await app.CrecheAsync();
        using var director = await app.SignedInAsync(Roles.Director, facility: creche.Id.Value);

        var saved = await Forms.PostFormAsync(director, $"/pro/structures/{creche.Id}/personnel/modifier", Table(0, nameof(EncadrementRule.FiveAndEight),
            (Profession.Eje, "2", "1"), (Profession.AuxiliairePuericulture, "3", "2"), (Profession.CapAepe, "1", "0"), (Profession.Direction, "1", "0")));
        var html = await Forms.TextAsync(await director.GetAsync($"/pro/structures/{creche.Id}/personnel"));

        AssertRedirect(saved);
        var staffing = await app.StaffingAsync(creche);
        Assert.NotNull(staffing);
        Assert.Equal((2, 1, 3, 2, 6, 3), (staffing.Filled(Profession.Eje), staffing.Vacant(Profession.Eje), staffing.Filled(Profession.AuxiliairePuericulture),
            staffing.Vacant(Profession.AuxiliairePuericulture), staffing.FilledCaringForChildren, staffing.TotalVacant));
        // 30 open places, the 10 babies not walking: ⌈10/5 + 20/8⌉ = ⌈4.5⌉ = 5 needed; 2 EJE + 3 AP + 1 CAP = 6 in post.
        Assert.Contains("Professionnels nécessaires en même temps", html);
        Assert.Matches(@"Professionnels nécessaires en même temps\s*</dt>\s*<dd[^>]*>\s*5\s*</dd>", html);
        Assert.Matches(@"Professionnels auprès des enfants en poste\s*</dt>\s*<dd[^>]*>\s*6\s", html);
        Assert.Contains("Suffisant", html);
        var audit = Assert.Single(await app.AuditOfAsync(creche.Id), a => a.Action == StaffingActions.StaffingUpdated);
        Assert.Contains("\"EJE\":[null,\"2 pourvu(s), 1 vacant(s)\"]", audit.Details);
    }

    [Fact]
    public async Task TheCalculator_UsesTheStructuresRule_ForTheAttendanceTyped()
    {
        var creche = await app.CrecheAsync();
        using var agent = await app.SignedInAsync(Roles.Agent, commune: Villepinte);
        AssertRedirect(await Forms.PostFormAsync(agent, $"/pro/structures/{creche.Id}/personnel/modifier",
            Table(0, nameof(EncadrementRule.OneForSix), (Profession.AuxiliairePuericulture, "1", "3"))));

        var html = await Forms.TextAsync(await agent.GetAsync($"/pro/structures/{creche.Id}/personnel?NotWalking=7&Walking=6"));

        // 13 children, 1 for 6: 3 needed, 1 in post.
        Assert.Matches(@"Professionnels nécessaires en même temps\s*</dt>\s*<dd[^>]*>\s*3\s*</dd>", html);
        Assert.Contains("Il en manque 2", html);
    }

    [Fact]
    public async Task BadNumbers_GetAFrenchMessageOnTheirField_AndChangeNothing()
    {
        var creche = await app.CrecheAsync();
        using var director = await app.SignedInAsync(Roles.Director, facility: creche.Id.Value);

        var response = await Forms.PostFormAsync(director, $"/pro/structures/{creche.Id}/personnel/modifier",
            Table(0, "Trois", (Profession.Eje, "deux", "-1"), (Profession.CapAepe, "999", "0")));
        var calculator = await Forms.TextAsync(await director.GetAsync($"/pro/structures/{creche.Id}/personnel?NotWalking=-3&Walking=abc"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var errors = await Forms.ErrorSummaryAsync(response);
        Assert.Contains("Choisissez la règle d’encadrement de la structure.", errors);
        Assert.Contains("Saisissez un nombre.", errors);
        Assert.Contains("La valeur doit être comprise entre 0 et 200.", errors);
        Assert.Null(await app.StaffingAsync(creche));
        Assert.Contains("La valeur doit être comprise entre 0 et 500.", calculator);
        Assert.Contains("Saisissez un nombre.", calculator);
    }

    [Fact]
    public async Task AStaleForm_IsRefused_InsteadOfOverwritingAnotherChange()
    {
        var creche = await app.CrecheAsync();
        using var director = await app.SignedInAsync(Roles.Director, facility: creche.Id.Value);
        AssertRedirect(await Forms.PostFormAsync(director, $"/pro/structures/{creche.Id}/personnel/modifier",
            Table(0, nameof(EncadrementRule.FiveAndEight), (Profession.Eje, "2", "0"))));

        var stale = await Forms.PostFormAsync(director, $"/pro/structures/{creche.Id}/personnel/modifier",
            Table(0, nameof(EncadrementRule.FiveAndEight), (Profession.Eje, "5", "0")));

        Assert.Contains(await Forms.ErrorSummaryAsync(stale), e => e.Contains("modifié par quelqu’un d’autre"));
        Assert.Equal(2, (await app.StaffingAsync(creche))!.Filled(Profession.Eje));
    }
}
