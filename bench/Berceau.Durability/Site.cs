using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Berceau.Durability;

/// <summary>
/// One family's session with the app, through the real pages and the real API: register, confirm the address from the
/// e-mail in the pickup folder, sign in, fetch the antiforgery token, post applications.
/// </summary>
internal sealed partial class Site(Uri baseAddress, string email, string password)
{
    public const string Password = "mot de passe du banc d’essai";
    private HttpClient _client = NewClient(baseAddress);

    public string Email => email;

    private static HttpClient NewClient(Uri baseAddress) => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseCookies = true,
        CookieContainer = new CookieContainer(),
        ConnectTimeout = TimeSpan.FromSeconds(5),
    })
    { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };

    public async Task RegisterAsync(string mailFolder)
    {
        var token = await FormTokenAsync("/compte/creer");
        using var posted = await _client.PostAsync("/compte/creer", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Password"] = password, ["Input.ConfirmPassword"] = password,
            ["Input.AcceptsNotice"] = "true", ["__RequestVerificationToken"] = token,
        }));
        if (posted.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Inscription de {email} : {(int)posted.StatusCode}");
        var link = await ConfirmationLinkAsync(mailFolder);
        using var confirmed = await _client.GetAsync(link);
        if (!confirmed.IsSuccessStatusCode) throw new InvalidOperationException($"Confirmation de {email} : {(int)confirmed.StatusCode}");
    }

    /// <summary>Signs in again from scratch (a new cookie jar) and fetches the antiforgery token of the new session.</summary>
    public async Task SignInAsync()
    {
        _client.Dispose();
        _client = NewClient(baseAddress);
        var token = await FormTokenAsync("/compte/connexion");
        using var posted = await _client.PostAsync("/compte/connexion", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Password"] = password, ["__RequestVerificationToken"] = token,
        }));
        if (posted.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Connexion de {email} : {(int)posted.StatusCode}");
        var api = await _client.GetFromJsonAsync<JsonElement>("/api/v1/antiforgery");
        _client.DefaultRequestHeaders.Remove("RequestVerificationToken");
        _client.DefaultRequestHeaders.Add(api.GetProperty("headerName").GetString()!, api.GetProperty("token").GetString());
    }

    /// <summary>The crèches the family may wish in the commune, read from the application form's first wish list.</summary>
    public async Task<List<string>> WishChoicesAsync(string commune)
    {
        var html = await _client.GetStringAsync($"/famille/demandes/nouvelle?commune={commune}");
        var start = html.IndexOf("name=\"Input.Wishes[0]\"", StringComparison.Ordinal);
        var select = html[start..html.IndexOf("</select>", start, StringComparison.Ordinal)];
        return [.. OptionGuid().Matches(select).Select(m => m.Groups[1].Value)];
    }

    public async Task<Outcome> PostAsync(byte[] body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/demandes") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add("Idempotency-Key", key);
        try
        {
            using var response = await _client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            Guid? id = response.StatusCode == HttpStatusCode.Created ? JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid() : null;
            return new Outcome((int)response.StatusCode, id, response.Headers.Contains("Idempotent-Replayed"), id is null ? Short(text) : null);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            // The app was killed under this request: no answer, so the client must retry with the same key.
            return new Outcome(0, null, false, e.GetType().Name);
        }
    }

    /// <summary>A page or API read: its status, 0 when no answer came.</summary>
    public async Task<int> ReadAsync(string path)
    {
        try
        {
            using var response = await _client.GetAsync(path);
            await response.Content.ReadAsByteArrayAsync();
            return (int)response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            return 0;
        }
    }

    /// <summary>
    /// Books a place of the slot for the child through the family's page (read the page, post the price it shows). A booking is
    /// acknowledged by the redirect to its page, whose address holds its id; a full slot answers the page again (200) with why.
    /// </summary>
    public async Task<(int Status, Guid? Booking)> BookAsync(Guid slot, Guid child)
    {
        var path = $"/famille/accueil-occasionnel/creneaux/{slot}/reserver?enfant={child}";
        try
        {
            using var page = await _client.GetAsync(path);
            var html = await page.Content.ReadAsStringAsync();
            if (page.StatusCode != HttpStatusCode.OK) return ((int)page.StatusCode, null);
            var price = ShownPriceField().Match(html);
            // Full or already booked: the page says so and offers no form.
            if (!price.Success) return (200, null);
            using var posted = await _client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["ShownPrice"] = WebUtility.HtmlDecode(price.Groups[1].Value), ["__RequestVerificationToken"] = TokenField().Match(html).Groups[1].Value,
            }));
            var booked = posted.StatusCode == HttpStatusCode.Redirect ? BookingLink().Match(posted.Headers.Location?.OriginalString ?? "") : null;
            return ((int)posted.StatusCode, booked is { Success: true } ? Guid.Parse(booked.Groups[1].Value) : null);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            return (0, null);
        }
    }

    /// <summary>Every application of the family, through the paged list.</summary>
    public async Task<List<Guid>> ListAsync()
    {
        var ids = new List<Guid>();
        for (var page = 1; ; page++)
        {
            var json = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/demandes?page={page}&parPage=100");
            var items = json.GetProperty("items");
            ids.AddRange(items.EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
            if (items.GetArrayLength() < 100) return ids;
        }
    }

    private async Task<string> FormTokenAsync(string path)
    {
        var html = await _client.GetStringAsync(path);
        return TokenField().Match(html).Groups[1].Value;
    }

    private async Task<string> ConfirmationLinkAsync(string mailFolder)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            foreach (var file in Directory.Exists(mailFolder) ? Directory.GetFiles(mailFolder, "*.eml") : [])
            {
                var text = QuotedPrintable(await File.ReadAllTextAsync(file));
                if (!text.Contains(email, StringComparison.OrdinalIgnoreCase)) continue;
                var match = ConfirmLink().Match(text);
                if (match.Success) return match.Value;
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"Pas d’e-mail de confirmation pour {email} dans {mailFolder}.");
    }

    private static string QuotedPrintable(string text)
    {
        var joined = text.Replace("=\r\n", "").Replace("=\n", "");
        var bytes = new List<byte>();
        for (var i = 0; i < joined.Length; i++)
        {
            if (joined[i] == '=' && i + 2 < joined.Length && Uri.IsHexDigit(joined[i + 1]) && Uri.IsHexDigit(joined[i + 2]))
            {
                bytes.Add(Convert.ToByte(joined.Substring(i + 1, 2), 16));
                i += 2;
            }
            else bytes.AddRange(Encoding.UTF8.GetBytes(joined[i].ToString()));
        }
        return Encoding.UTF8.GetString([.. bytes]);
    }

    private static string Short(string text) => text.Length > 300 ? text[..300] : text;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    [GeneratedRegex("name=\"ShownPrice\" value=\"([^\"]*)\"")]
    private static partial Regex ShownPriceField();

    [GeneratedRegex("/reservations/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})")]
    private static partial Regex BookingLink();

    [GeneratedRegex("/compte/confirmer\\?[^\\s\"<>]+")]
    private static partial Regex ConfirmLink();

    [GeneratedRegex("<option value=\"([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\"")]
    private static partial Regex OptionGuid();
}

/// <summary>What one POST got: the status (0 = no answer), the application id of a 201, whether it was a replay.</summary>
internal sealed record Outcome(int Status, Guid? Id, bool Replayed, string? Error)
{
    public bool Succeeded => Status == 201 && Id is not null;
}
