using Berceau.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Berceau.Web.Features.Legal;

/// <summary>The legal pages are public and read the deployment's publisher and contacts.</summary>
[AllowAnonymous]
public abstract class LegalPageModel(IOptions<DeploymentOptions> deployment) : PageModel
{
    public DeploymentOptions Deployment { get; } = deployment.Value;
}
