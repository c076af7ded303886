using Berceau.Data;
using Berceau.Web.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Berceau.Web.Tests.Security;

/// <summary>One route of the app: its template, and the HTTP methods and page handlers it answers.</summary>
/// <param name="Template">The route pattern without its leading slash, e.g. <c>pro/demandes/{id:guid}</c>.</param>
/// <param name="Gets">Whether it answers GET.</param>
/// <param name="PostHandlers">The named POST handlers of a page (<c>""</c> for OnPost), or <c>[""]</c> for a minimal API POST.</param>
internal sealed record AppRoute(string Template, bool IsPage, bool Gets, IReadOnlyList<string> PostHandlers)
{
    public bool HasParameters => Template.Contains('{', StringComparison.Ordinal);

    /// <summary>The address of a POST handler: the handler's name in the query, as the form's action has it.</summary>
    public static string HandlerUrl(string url, string handler) =>
        handler.Length == 0 ? url : url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "handler=" + handler;
}

/// <summary>
/// The app's routes as the running app has them (its <see cref="EndpointDataSource"/>: every Razor page and minimal API
/// endpoint), so that a route added later is swept by the security tests without anyone listing it.
/// </summary>
internal static class AppRoutes
{
    public static async Task<IReadOnlyList<AppRoute>> AllAsync(BerceauApp app)
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        var loader = app.Services.GetRequiredService<PageLoader>();
        var routes = new Dictionary<string, AppRoute>(StringComparer.Ordinal);
        foreach (var endpoint in endpoints)
        {
            var template = (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            AppRoute route;
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = page as CompiledPageActionDescriptor ?? await loader.LoadAsync(page, endpoint.Metadata);
                var posts = compiled.HandlerMethods.Where(h => string.Equals(h.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase))
                    .Select(h => h.Name ?? "").Distinct().Order(StringComparer.Ordinal).ToList();
                route = new AppRoute(template, IsPage: true, Gets: true, posts);
            }
            else
            {
                var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [];
                route = new AppRoute(template, IsPage: false, Gets: methods.Contains("GET"), methods.Contains("POST") ? [""] : []);
            }
            routes[template] = routes.TryGetValue(template, out var same)
                ? same with { Gets = same.Gets || route.Gets, PostHandlers = [.. same.PostHandlers.Union(route.PostHandlers)] }
                : route;
        }
        return [.. routes.Values.OrderBy(r => r.Template, StringComparer.Ordinal)];
    }

    /// <summary>The number of rows of every table the app maps, by entity name: a refused request must leave them all as they were.</summary>
    public static Task<Dictionary<string, int>> RowCountsAsync(BerceauApp app) =>
        app.WithDbAsync(async db =>
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            var count = typeof(RowCounter).GetMethod(nameof(RowCounter.CountAsync))!;
            foreach (var entity in db.Model.GetEntityTypes().Where(e => !e.IsOwned() && e.GetTableName() is not null && !e.HasSharedClrType && e.BaseType is null))
                counts[entity.ClrType.Name] = await (Task<int>)count.MakeGenericMethod(entity.ClrType).Invoke(null, [db])!;
            return counts;
        });

    private static class RowCounter
    {
        public static Task<int> CountAsync<T>(BerceauDbContext db) where T : class => db.Set<T>().CountAsync();
    }
}
