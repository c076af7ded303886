using Berceau.Web.Features.Shared;
using Microsoft.Extensions.Options;

namespace Berceau.Web.Features.Legal;

public sealed class AccessibiliteModel(IOptions<DeploymentOptions> deployment) : LegalPageModel(deployment);
