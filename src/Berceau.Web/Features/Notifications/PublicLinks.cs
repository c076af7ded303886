using Berceau.Web.Features.Shared;
using Microsoft.Extensions.Options;

namespace Berceau.Web.Features.Notifications;

/// <summary>
/// Full addresses for links sent by e-mail. <c>Deployment:PublicUrl</c> should be set in production: without it the
/// address is taken from the current request, whose Host header a client chooses (a forged one would put a look-alike
/// site in the e-mail), which is acceptable only on a development machine.
/// </summary>
public sealed class PublicLinks(IOptions<DeploymentOptions> deployment, IHttpContextAccessor http)
{
    public string Absolute(string path)
    {
        // Only a path is made absolute ("/x" is an absolute file URI for Uri on Linux, so the test is on the first character).
        if (!path.StartsWith('/')) return path;
        var configured = deployment.Value.PublicUrl;
        if (!string.IsNullOrWhiteSpace(configured))
            return configured.TrimEnd('/') + path;
        var request = http.HttpContext?.Request;
        return request is null ? path : $"{request.Scheme}://{request.Host}{request.PathBase}{path}";
    }
}
