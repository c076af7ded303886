using Berceau.Data;
using Berceau.Domain.Childminders;
using Berceau.Domain.Offer;
using Berceau.Web.Features.Offer.Staff;
using Berceau.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Offer.Childminder;

/// <summary>A childminder presents their care to families: hours, atypical hours, disability experience, languages, address shown.</summary>
public sealed class ProfileModel(CurrentStaff account, BerceauDbContext db, SaveChildminderProfile save) : PageModel
{
    public const string Path = "/am/profil";

    [BindProperty]
    public ProfileInput Input { get; set; } = new();

    public Facility? Facility { get; private set; }
    public ChildminderProfile? Profile { get; private set; }
    public IReadOnlyList<(Guid Id, string Name)> Choices { get; private set; } = [];

    [TempData(Key = AvailabilityModel.MessageKey)]
    public string? Message { get; set; }

    public static string PathOf(Guid id) => $"{Path}/{id}";

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        var denied = await LoadAsync(id, tracked: false, ct);
        if (denied is not null) return denied;
        if (Facility is not null) Input = ProfileInput.From(Facility, Profile);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        var denied = await LoadAsync(id, tracked: true, ct);
        if (denied is not null) return denied;
        if (Facility is null) return BadRequest();
        ModelState.Clear();
        var problems = await save.SaveAsync(Facility, Profile, Input, ct);
        if (problems.Count > 0)
        {
            ModelState.AddProblems(problems, nameof(Input));
            return Page();
        }
        Message = "Votre profil a été enregistré.";
        return Redirect(PathOf(Facility.Id.Value));
    }

    /// <summary>The street as families read it with the current choice, to show the childminder what they give away.</summary>
    public string StreetShown(bool full) => Facility is null ? "" : ChildminderProfile.StreetForFamilies(Facility.Street, full);

    private async Task<IActionResult?> LoadAsync(Guid? id, bool tracked, CancellationToken ct)
    {
        var choice = await OwnFacilities.ChooseAsync(account, db, id, ct);
        if (choice.Forbidden) return Forbid();
        if (choice.Chosen is not { } chosen)
        {
            Choices = choice.Options;
            return null;
        }
        var facilities = tracked ? db.Facilities : db.Facilities.AsNoTracking();
        Facility = await facilities.FirstAsync(f => f.Id == chosen, ct);
        var profiles = tracked ? db.ChildminderProfiles : db.ChildminderProfiles.AsNoTracking();
        Profile = await profiles.FirstOrDefaultAsync(p => p.FacilityId == chosen, ct);
        return null;
    }
}
