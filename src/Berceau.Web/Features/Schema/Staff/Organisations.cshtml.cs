using Berceau.Web.Features.Offer.Staff;
using Berceau.Data;
using Berceau.Domain.Common;
using Berceau.Domain.Schema;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Schema.Staff;

public sealed record OrganisationRow(PartnerOrganisation Organisation, string Departement, IReadOnlyList<(string UserId, string Name, string Email)> Members);

/// <summary>
/// The partner organisations of the secretariat's départements (/pro/schema/organisations) and the staff accounts that act for
/// each: an account linked here may update the fiches its organisation pilots. The accounts themselves are created by the
/// administration (role « partenaire du schéma » for people who need nothing else).
/// </summary>
public sealed class OrganisationsModel(SchemaAccess access, SchemaQueries queries, SchemaEditing editing, BerceauDbContext db) : PageModel
{
    public IReadOnlyList<OrganisationRow> Rows { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Departements { get; private set; } = [];
    public IReadOnlyList<SelectListItem> OrganisationItems { get; private set; } = [];

    [BindProperty] public OrganisationInput Organisation { get; set; } = new();
    [BindProperty] public MemberInput Member { get; set; } = new();

    [TempData(Key = SheetModel.MessageKey)] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var (codes, _) = await SecretariatChoices.DepartementsAsync(access, queries, ct);
        return codes.Count == 0 ? Forbid() : await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        var (codes, _) = await SecretariatChoices.DepartementsAsync(access, queries, ct);
        if (codes.Count == 0) return Forbid();
        ModelState.Clear();
        var created = await editing.CreateOrganisationAsync(Organisation, codes, ct);
        return await DoneAsync(created.Problems, nameof(Organisation), "L’organisation est ajoutée.", ct);
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        var (codes, _) = await SecretariatChoices.DepartementsAsync(access, queries, ct);
        if (codes.Count == 0) return Forbid();
        ModelState.Clear();
        var organisation = await FindAsync(Member.OrganisationId, codes, ct);
        if (organisation is null)
            return await DoneAsync([Problem.Of("schema-organisation-choose", nameof(Member.OrganisationId))], nameof(Member), "", ct);
        var added = await editing.AddMemberAsync(organisation, Member, ct);
        return await DoneAsync(added.Problems, nameof(Member), "Le compte est rattaché à l’organisation.", ct);
    }

    public async Task<IActionResult> OnPostRemoveAsync(string? organisationId, string? userId, CancellationToken ct)
    {
        var (codes, _) = await SecretariatChoices.DepartementsAsync(access, queries, ct);
        if (codes.Count == 0) return Forbid();
        var organisation = await FindAsync(organisationId, codes, ct);
        if (organisation is null || userId is null) return NotFound();
        ModelState.Clear();
        var removed = await editing.RemoveMemberAsync(organisation, userId, ct);
        return removed.IsSuccess ? await DoneAsync([], "", "Le compte est détaché de l’organisation.", ct) : NotFound();
    }

    private async Task<PartnerOrganisation?> FindAsync(string? id, IReadOnlyList<string> departements, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var guid)) return null;
        var key = new PartnerOrganisationId(guid);
        return await db.PartnerOrganisations.Include(o => o.Members).FirstOrDefaultAsync(o => o.Id == key && departements.Contains(o.DepartementCode), ct);
    }

    private async Task<IActionResult> DoneAsync(IReadOnlyList<Problem> problems, string prefix, string done, CancellationToken ct)
    {
        if (problems.Count == 0)
        {
            Message = done;
            return Redirect(SchemaFeature.OrganisationsPath);
        }
        ModelState.AddProblems(problems, prefix);
        return await ShowAsync(ct);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        var (codes, items) = await SecretariatChoices.DepartementsAsync(access, queries, ct);
        Departements = items;
        Organisation.Departement ??= codes[0];
        var rows = new List<OrganisationRow>();
        foreach (var code in codes)
        {
            var organisations = await queries.OrganisationsAsync(code, ct);
            var ids = organisations.SelectMany(o => o.Members).Select(m => m.UserId).Distinct().ToList();
            var people = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.Email }).ToDictionaryAsync(u => u.Id, ct);
            rows.AddRange(organisations.Select(o => new OrganisationRow(o, code,
                [.. o.Members.Select(m => people.GetValueOrDefault(m.UserId) is { } p ? (m.UserId, p.DisplayName, p.Email ?? "") : (m.UserId, "Compte supprimé", "")).OrderBy(m => m.Item2)])));
        }
        Rows = rows;
        OrganisationItems = [.. rows.Select(r => new SelectListItem(codes.Count > 1 ? $"{r.Organisation.Name} ({r.Departement})" : r.Organisation.Name, r.Organisation.Id.ToString()))];
        return Page();
    }
}
