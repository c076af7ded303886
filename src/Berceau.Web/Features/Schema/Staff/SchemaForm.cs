using Microsoft.AspNetCore.Mvc.Rendering;

namespace Berceau.Web.Features.Schema.Staff;

/// <summary>The départements the secretariat may open a schéma or an organisation in, as choices.</summary>
internal static class SecretariatChoices
{
    public static async Task<(IReadOnlyList<string> Codes, IReadOnlyList<SelectListItem> Items)> DepartementsAsync(SchemaAccess access, SchemaQueries queries, CancellationToken ct)
    {
        var user = await access.UserAsync(ct);
        var codes = user.Scope.Departements.Where(user.IsSecretariatOf).Order(StringComparer.Ordinal).ToList();
        var names = await queries.DepartementNamesAsync(codes, ct);
        return (codes, [.. codes.Select(c => new SelectListItem($"{names.GetValueOrDefault(c, c)} ({c})", c))]);
    }
}
