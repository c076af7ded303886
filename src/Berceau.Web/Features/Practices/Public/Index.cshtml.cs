using Berceau.Data;
using Berceau.Domain.Common;
using Berceau.Domain.Practices;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Practices.Public;

public sealed record PracticeRow(Guid Id, string Title, PracticeTheme Theme, PracticeFormat Format, string Place, string Source);

/// <summary>
/// The public library (/bonnes-pratiques): the published fiches, searched by words (every word, without case or accents, in the
/// title, territory and text of the fiche), theme and format, 20 a page. An unknown filter value filters nothing.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(BerceauDbContext db) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "theme")] public string? Theme { get; set; }
    [BindProperty(SupportsGet = true, Name = "format")] public string? Format { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<PracticeRow> Practices { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public static IReadOnlyList<SelectListItem> Themes { get; } = [new("Tous les thèmes", ""), .. PracticeFormats.Themes.Select(t => new SelectListItem(t.Label(), t.ToString()))];
    public static IReadOnlyList<SelectListItem> Formats { get; } = [new("Tous les formats", ""), .. Enum.GetValues<PracticeFormat>().Select(f => new SelectListItem(f.Label(), f.ToString()))];

    public async Task OnGetAsync(CancellationToken ct)
    {
        PracticeTheme? theme = Enum.TryParse<PracticeTheme>(Theme, out var t) && Enum.IsDefined(t) ? t : null;
        PracticeFormat? format = Enum.TryParse<PracticeFormat>(Format, out var f) && Enum.IsDefined(f) ? f : null;
        Theme = theme?.ToString();
        Format = format?.ToString();
        var query = db.GoodPractices.AsNoTracking().Where(p => p.Status == PracticeStatus.Published);
        if (theme is not null) query = query.Where(p => p.Theme == theme);
        if (format is not null) query = query.Where(p => p.Format == format);
        foreach (var term in SearchWords.Terms(Q)) query = query.Where(p => p.SearchText.Contains(term));
        Total = await query.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Practices = await query.OrderBy(p => p.Title).ThenBy(p => p.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(p => new PracticeRow(p.Id, p.Title, p.Theme, p.Format, p.Place, p.Source)).ToListAsync(ct);
    }

    public string PageHref() =>
        $"{PracticesFeature.PublicPath}?q={Uri.EscapeDataString(Q ?? "")}&theme={Theme}&format={Format}&page={{page}}";
}
