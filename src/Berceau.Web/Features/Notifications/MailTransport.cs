using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using Berceau.Domain.Notifications;

namespace Berceau.Web.Features.Notifications;

/// <summary>Where the worker hands an e-mail: an SMTP server or a pickup folder, chosen by configuration.</summary>
public interface IMailTransport
{
    Task SendAsync(OutboxMessage message, CancellationToken ct);
}

/// <summary>Both transports build the same MIME message with the BCL's <see cref="SmtpClient"/>: what lands in the pickup folder is what the SMTP server would have received.</summary>
internal static class MailBuilder
{
    public static MailMessage Build(OutboxMessage message, string from)
    {
        var mail = new MailMessage(new MailAddress(from), new MailAddress(message.RecipientEmail))
        {
            Subject = message.Subject,
            SubjectEncoding = Encoding.UTF8,
            Body = message.TextBody,
            BodyEncoding = Encoding.UTF8,
            // Readable in a text editor (pickup folder) and safe over any relay, unlike 8bit.
            BodyTransferEncoding = TransferEncoding.QuotedPrintable,
        };
        if (message.HtmlBody is not null)
        {
            var html = AlternateView.CreateAlternateViewFromString(message.HtmlBody, Encoding.UTF8, MediaTypeNames.Text.Html);
            html.TransferEncoding = TransferEncoding.QuotedPrintable;
            mail.AlternateViews.Add(html);
        }
        foreach (var file in message.Attachments.OrderBy(a => a.Id))
        {
            // The stream is disposed with the MailMessage (Attachment owns it).
            var attachment = new Attachment(new MemoryStream(file.Content, writable: false), new ContentType(file.ContentType)) { Name = file.FileName };
            attachment.ContentDisposition!.FileName = file.FileName;
            attachment.ContentDisposition.Inline = false;
            mail.Attachments.Add(attachment);
        }
        // RFC 3834: out-of-office robots must not answer an automatic message.
        mail.Headers.Add("Auto-Submitted", "auto-generated");
        // Lets a receiving system recognise a message sent twice after a crash (at-least-once delivery).
        mail.Headers.Add("X-Berceau-Message", message.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return mail;
    }
}

public sealed class SmtpTransport(SmtpOptions options) : IMailTransport
{
    public async Task SendAsync(OutboxMessage message, CancellationToken ct)
    {
        using var mail = MailBuilder.Build(message, options.From);
        using var client = new SmtpClient(options.Host, options.Port)
        {
            EnableSsl = options.EnableSsl,
            Timeout = options.TimeoutSeconds * 1000,
            DeliveryMethod = SmtpDeliveryMethod.Network,
        };
        if (!string.IsNullOrEmpty(options.User))
            client.Credentials = new NetworkCredential(options.User, options.Password);
        await client.SendMailAsync(mail, ct);
    }
}

/// <summary>
/// Writes one .eml file per message, named after its outbox id: a message sent again after a crash replaces its file
/// instead of adding a second one. The file is written in a private folder and then moved, so that whatever watches the
/// folder never reads half a message.
/// </summary>
public sealed class PickupDirectoryTransport(string directory, string from) : IMailTransport
{
    public string Directory { get; } = directory;

    public static string FileName(long messageId) => $"message-{messageId:D10}.eml";

    public async Task SendAsync(OutboxMessage message, CancellationToken ct)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var staging = System.IO.Directory.CreateDirectory(Path.Combine(Directory, ".en-cours", Guid.NewGuid().ToString("N")));
        try
        {
            using (var mail = MailBuilder.Build(message, from))
            using (var client = new SmtpClient { DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory, PickupDirectoryLocation = staging.FullName })
            {
                await client.SendMailAsync(mail, ct);
            }
            var written = staging.GetFiles("*.eml").Single();
            written.MoveTo(Path.Combine(Directory, FileName(message.Id)), overwrite: true);
        }
        finally
        {
            staging.Delete(recursive: true);
        }
    }
}
