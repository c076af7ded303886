using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.OpenData;

/// <summary>The open-data page: what is published, under which licence, and how to call the API.</summary>
[AllowAnonymous]
public sealed class IndexModel : PageModel
{
    /// <summary>The site's own address, so that the curl examples can be copied as they are.</summary>
    public string BaseUrl { get; private set; } = "";

    public void OnGet() => BaseUrl = $"{Request.Scheme}://{Request.Host}{Request.PathBase}";
}
