using System.Text;
using System.Text.RegularExpressions;
using Berceau.Web.Features.Notifications;
using Microsoft.Extensions.DependencyInjection;

namespace Berceau.Web.Tests.Support;

/// <summary>
/// E-mails as a recipient sees them: the app's own dispatcher writes the outbox to the pickup folder, and tests read the
/// .eml files (quoted-printable decoded) to follow the links in them.
/// </summary>
public static partial class Mail
{
    /// <summary>Sends everything due with the app's dispatcher (pickup folder); returns how many messages were attempted.</summary>
    public static async Task<int> DispatchAsync(BerceauApp app)
    {
        var dispatcher = app.Services.GetRequiredService<OutboxDispatcher>();
        var total = 0;
        for (var sent = -1; sent != 0; total += sent)
            sent = await dispatcher.DispatchDueAsync();
        return total;
    }

    /// <summary>The e-mails written for <paramref name="recipient"/>, oldest first, decoded; dispatches first.</summary>
    public static async Task<IReadOnlyList<string>> ReceivedAsync(BerceauApp app, string recipient)
    {
        await DispatchAsync(app);
        return [.. Directory.GetFiles(app.MailFolder, "*.eml").Order(StringComparer.Ordinal)
            .Select(file => Decode(File.ReadAllText(file)))
            .Where(text => Regex.IsMatch(text, $@"^To: {Regex.Escape(recipient)}\r?$", RegexOptions.Multiline | RegexOptions.IgnoreCase))];
    }

    /// <summary>The only e-mail received by <paramref name="recipient"/>; fails when there is none or several.</summary>
    public static async Task<string> SingleReceivedAsync(BerceauApp app, string recipient) =>
        Assert.Single(await ReceivedAsync(app, recipient));

    /// <summary>The first link of an e-mail whose path starts with <paramref name="path"/>, as a path and query on the app.</summary>
    public static string LinkTo(string email, string path)
    {
        var match = Regex.Match(email, $@"https?://[^/\s]+(?<link>{Regex.Escape(path)}[^\s]*)");
        Assert.True(match.Success, $"Aucun lien vers {path} dans l’e-mail :\n{email}");
        return match.Groups["link"].Value;
    }

    /// <summary>Decodes RFC 2047 encoded words in the headers and quoted-printable (soft line breaks, =XX bytes) in the body.</summary>
    public static string Decode(string eml)
    {
        var split = eml.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var (headers, body) = split < 0 ? (eml, "") : (eml[..split], eml[(split + 4)..]);
        headers = EncodedWord().Replace(headers, m => m.Groups[1].Value.Equals("B", StringComparison.OrdinalIgnoreCase)
            ? Encoding.UTF8.GetString(Convert.FromBase64String(m.Groups[2].Value))
            : QuotedPrintable(m.Groups[2].Value).Replace('_', ' '));
        return headers + "\r\n\r\n" + QuotedPrintable(body);
    }

    private static string QuotedPrintable(string text)
    {
        var unfolded = text.Replace("=\r\n", "", StringComparison.Ordinal);
        var bytes = new List<byte>(unfolded.Length);
        for (var i = 0; i < unfolded.Length; i++)
        {
            if (unfolded[i] == '=' && i + 2 < unfolded.Length && Uri.IsHexDigit(unfolded[i + 1]) && Uri.IsHexDigit(unfolded[i + 2]))
            {
                bytes.Add(Convert.ToByte(unfolded.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
                bytes.AddRange(Encoding.UTF8.GetBytes(unfolded[i].ToString()));
        }
        return Encoding.UTF8.GetString([.. bytes]);
    }

    [GeneratedRegex(@"=\?utf-8\?([BQ])\?([^?]*)\?=", RegexOptions.IgnoreCase)]
    private static partial Regex EncodedWord();
}
