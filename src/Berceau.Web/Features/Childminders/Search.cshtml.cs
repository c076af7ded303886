using Berceau.Domain.Offer;
using Berceau.Web.Features.Offer.Staff;
using Berceau.Web.Features.Portal;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.Childminders;

/// <summary>
/// Families look for an assistant·e maternel·le or a MAM near home: commune, child's age, days, atypical hours; the
/// declared free places are shown. Public; writing to a childminder needs a family account.
/// </summary>
[AllowAnonymous]
public sealed class SearchModel(FacilitySearch places, ChildminderSearch search, TimeProvider clock) : PageModel
{
    public const string Path = "/assistants-maternels";

    [BindProperty(SupportsGet = true)] public string? Where { get; set; }
    [BindProperty(SupportsGet = true)] public string? Age { get; set; }
    [BindProperty(SupportsGet = true)] public List<string> Days { get; set; } = [];
    [BindProperty(SupportsGet = true)] public bool Atypical { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public ChildminderSearchResult? Result { get; private set; }
    public string? CommuneNames { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Where) && string.IsNullOrWhiteSpace(Age)) return Page();
        var read = new InputReader();
        var communes = await places.ResolveWhereAsync(Where, null, ct);
        if (string.IsNullOrWhiteSpace(Where)) read.Add("required", nameof(Where));
        else if (communes.Count == 0) read.Add("unknown-commune", nameof(Where), Where.Trim());
        var age = read.Integer(Age, nameof(Age), 0, ContactRequests.MaxAgeMonths);
        var days = read.Days(Days, nameof(Days));
        foreach (var problem in read.Problems) ModelState.AddModelError(problem.Field, problem.Message);
        if (read.Problems.Count > 0) return Page();
        CommuneNames = string.Join(", ", communes.Select(c => c.Name));
        Result = await search.SearchAsync(new ChildminderSearchCriteria([.. communes.Select(c => c.Code)], age, days, Atypical, PageNumber), ct);
        return Page();
    }

    public string PageHref() =>
        Path + "?" + string.Join("&", new[] { ("Where", Where), ("Age", Age), ("Atypical", Atypical ? "true" : null) }
            .Where(p => !string.IsNullOrEmpty(p.Item2)).Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}")
            .Concat(Days.Select(d => $"Days={Uri.EscapeDataString(d)}")).Append("p={page}"));

    public string Availability(Vacancy v) => ChildminderText.Availability(v, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
}
