using System.Net;
using System.Text.RegularExpressions;

namespace Berceau.Web.Tests.Support;

/// <summary>
/// Posting forms as a browser does: every POST first GETs the form's page to read its anti-forgery token (bound to the
/// cookies of <c>client</c>, so use the same client for both), and pages are read as text with HTML entities decoded.
/// </summary>
public static partial class Forms
{
    public const string TokenField = "__RequestVerificationToken";

    /// <summary>
    /// A client like a browser's: it keeps cookies and does NOT follow redirects, so that tests see the Location the
    /// browser is given.
    /// </summary>
    public static HttpClient Client(BerceauApp app) => app.Client();

    /// <summary>GETs <paramref name="url"/> and returns the value of its hidden anti-forgery input.</summary>
    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"GET {url} a répondu {(int)response.StatusCode} {response.Headers.Location} : impossible de lire le jeton anti-falsification.");
        return AntiforgeryToken(html)
            ?? throw new InvalidOperationException($"GET {url} : aucun champ {TokenField} dans la page.");
    }

    /// <summary>The first anti-forgery token of a page, or null.</summary>
    public static string? AntiforgeryToken(string html) => HiddenValue(html, TokenField);

    /// <summary>The value of the first input named <paramref name="name"/> (hidden fields such as a concurrency stamp).</summary>
    public static string? HiddenValue(string html, string name)
    {
        foreach (Match input in InputTag().Matches(html))
        {
            var tag = input.Value;
            if (Attribute(tag, "name") == name) return Attribute(tag, "value") is { } value ? WebUtility.HtmlDecode(value) : "";
        }
        return null;
    }

    /// <summary>GETs <paramref name="url"/> for its token, then POSTs the fields (and the token) to the same URL.</summary>
    public static Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields) =>
        PostFormToAsync(client, url, url, fields);

    /// <summary>Same, with fields as tuples; repeat a name for multi-valued fields (checkboxes).</summary>
    public static Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, params (string Name, string Value)[] fields) =>
        PostFormToAsync(client, url, url, fields.Select(f => KeyValuePair.Create(f.Name, f.Value)));

    /// <summary>
    /// For a form whose action differs from its page (a named handler, <c>?handler=Disable</c>): the token is read from
    /// <paramref name="formUrl"/>, the fields are posted to <paramref name="actionUrl"/>.
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormToAsync(HttpClient client, string formUrl, string actionUrl, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var token = await AntiforgeryTokenAsync(client, formUrl);
        var body = new List<KeyValuePair<string, string>>(fields) { KeyValuePair.Create(TokenField, token) };
        using var content = new FormUrlEncodedContent(body);
        return await client.PostAsync(actionUrl, content);
    }

    /// <summary>The body as text with entities decoded (Razor encodes "é" as "&amp;#xE9;").</summary>
    public static async Task<string> TextAsync(HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    /// <summary>The messages of the GOV.UK error summary ("Il y a un problème"), decoded, in order; empty when none.</summary>
    public static IReadOnlyList<string> ErrorSummary(string html)
    {
        var summary = ErrorSummaryBlock().Match(html);
        if (!summary.Success) return [];
        return [.. ListItem().Matches(summary.Groups[1].Value)
            .Select(m => WebUtility.HtmlDecode(Tag().Replace(m.Groups[1].Value, "")).Trim())];
    }

    /// <summary>The error summary of a response.</summary>
    public static async Task<IReadOnlyList<string>> ErrorSummaryAsync(HttpResponseMessage response) =>
        ErrorSummary(await response.Content.ReadAsStringAsync());

    private static string? Attribute(string tag, string name)
    {
        var match = Regex.Match(tag, $@"\s{Regex.Escape(name)}\s*=\s*(?:""([^""]*)""|'([^']*)')", RegexOptions.IgnoreCase);
        return match.Success ? match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value : null;
    }

    [GeneratedRegex(@"<input\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InputTag();

    [GeneratedRegex(@"govuk-error-summary__list[^>]*>(.*?)</ul>", RegexOptions.Singleline)]
    private static partial Regex ErrorSummaryBlock();

    [GeneratedRegex(@"<li[^>]*>(.*?)</li>", RegexOptions.Singleline)]
    private static partial Regex ListItem();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();
}
