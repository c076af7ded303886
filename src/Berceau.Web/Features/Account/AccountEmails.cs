using System.Globalization;
using System.Text;
using Berceau.Domain.Notifications;
using Berceau.Web.Features.Notifications;
using Microsoft.AspNetCore.WebUtilities;

namespace Berceau.Web.Features.Account;

/// <summary>The e-mails about the account itself, and their idempotency keys.</summary>
public static class AccountEmails
{
    /// <summary>How long a confirmation link works (Identity's token lifespan is set to the same in <see cref="AccountFeature"/>).</summary>
    public static readonly TimeSpan ConfirmationLifespan = TimeSpan.FromHours(24);

    /// <summary>
    /// At most one confirmation e-mail per account per quarter of an hour: the key contains the quarter, so a person who
    /// clicks "resend" ten times (or a script doing it for them) gets one e-mail, and a new one a quarter of an hour later.
    /// </summary>
    public static string ConfirmationKey(string userId, DateTimeOffset now) =>
        $"{NotificationKinds.AccountConfirmation}:{userId}:{now.UtcTicks / TimeSpan.FromMinutes(15).Ticks}";

    /// <summary>At most one "you already have an account" e-mail per account and per day, for the same reason.</summary>
    public static string AlreadyExistsKey(string userId, DateTimeOffset now) =>
        $"{NotificationKinds.AccountAlreadyExists}:{userId}:{now.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    public static string ConfirmationPath(string userId, string token) =>
        $"{AccountFeature.ConfirmEmailPath}?utilisateur={Uri.EscapeDataString(userId)}&code={WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token))}";

    /// <summary>The token of a confirmation link, or null when the link was damaged (cut by a mail reader, edited).</summary>
    public static string? TokenOf(string? code)
    {
        if (string.IsNullOrEmpty(code)) return null;
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public static OutgoingNotification Confirmation(string serviceName, string userId, string token) => new(
        NotificationKinds.AccountConfirmation,
        "Confirmez votre adresse e-mail",
        $"""
        Bonjour,

        Vous avez créé un compte sur le service « {serviceName} ». Pour l’activer, confirmez votre adresse e-mail en ouvrant le lien ci-dessous. Il est valable {ConfirmationLifespan.TotalHours:0} heures.

        Si vous n’avez pas créé ce compte, ignorez ce message : aucun compte n’est activé sans cette confirmation.
        """,
        ConfirmationPath(userId, token),
        InApp: false);

    public static OutgoingNotification AlreadyExists(string serviceName, bool isFamily) => new(
        NotificationKinds.AccountAlreadyExists,
        "Vous avez déjà un compte",
        $"""
        Bonjour,

        Une demande de création de compte a été faite avec votre adresse e-mail sur le service « {serviceName} ». Vous avez déjà un compte avec cette adresse : vous pouvez vous connecter avec le lien ci-dessous.
        {(isFamily ? "" : "\nVotre compte a été créé par l’administration de votre territoire : il ne peut pas servir de compte famille. Pour déposer une demande pour votre enfant, utilisez une autre adresse e-mail.\n")}
        Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : votre compte n’a pas changé.
        """,
        AccountFeature.SignInPath,
        InApp: false);
}
