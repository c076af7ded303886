using Berceau.Web.Features.Notifications;

namespace Berceau.Web.Features.Childminders;

/// <summary>What the service writes to childminders and families about accounts, availability and contact requests.</summary>
public static class ChildminderEmails
{
    public const string InvitationKind = "am-invitation";
    public const string RegistrationKind = "am-inscription";
    public const string ReminderKind = "am-rappel-disponibilites";
    public const string ContactKind = "am-demande-de-contact";
    public const string ContactAnswerKind = "am-reponse-de-contact";
    public const string ContactWithdrawnKind = "am-demande-retiree";

    public static OutgoingNotification Invitation(string serviceName, string facilityName, string communeCode, string link) => new(
        InvitationKind,
        "Créez votre compte d’assistant·e maternel·le",
        $"""
        Bonjour,

        Le relais petite enfance de votre commune vous invite à créer votre compte sur le service « {serviceName} », rattaché à votre agrément ({facilityName}).
        Avec ce compte, vous déclarez vos places disponibles, vous présentez votre accueil aux familles et vous recevez leurs demandes de contact.

        Ouvrez le lien ci-dessous pour choisir votre mot de passe. Il ne sert qu’une fois et reste valable {Domain.Childminders.ChildminderInvitation.Lifetime.TotalDays:0} jours.

        Si vous ne vous attendiez pas à ce message, ignorez-le : aucun compte n’est créé sans vous.
        """,
        link, InApp: false, CommuneCode: communeCode);

    public static OutgoingNotification RegistrationAccepted(string facilityName, string communeCode) => new(
        RegistrationKind,
        "Votre inscription est acceptée",
        $"""
        Bonjour,

        Le relais petite enfance a vérifié votre agrément : votre compte est rattaché à « {facilityName} ».
        Vous pouvez maintenant compléter votre profil et déclarer vos places disponibles.
        """,
        Offer.Childminder.AvailabilityModel.Path, CommuneCode: communeCode);

    public static OutgoingNotification RegistrationRefused(string reason, string communeCode) => new(
        RegistrationKind,
        "Votre inscription n’a pas été acceptée",
        $"""
        Bonjour,

        Le relais petite enfance n’a pas pu rattacher votre compte à un agrément, pour la raison suivante :
        {reason}

        Pour toute question, adressez-vous au relais petite enfance de votre commune.
        """,
        CommuneCode: communeCode);

    public static OutgoingNotification StaleReminder(string facilityName, DateOnly declaredOn, string communeCode) => new(
        ReminderKind,
        "Mettez à jour vos places disponibles",
        $"""
        Bonjour,

        Votre dernière déclaration de places disponibles ({facilityName}) date du {declaredOn:dd/MM/yyyy}. Après 2 mois, les familles ne la voient plus.
        Si vous avez encore des places, déclarez-les de nouveau ; sinon, indiquez que vous n’en avez plus.
        """,
        Offer.Childminder.AvailabilityModel.Path, CommuneCode: communeCode);

    public static OutgoingNotification ContactReceived(string link, string communeCode) => new(
        ContactKind,
        "Une famille vous demande un contact",
        """
        Bonjour,

        Une famille cherche un mode d’accueil et vous a écrit. Lisez sa demande et choisissez d’y répondre ou non : elle ne voit vos coordonnées que si vous acceptez, et seulement celles que vous choisissez de partager.
        """,
        link, CommuneCode: communeCode);

    public static OutgoingNotification ContactAnswered(bool accepted, string link, string communeCode) => new(
        ContactAnswerKind,
        accepted ? "Votre demande de contact est acceptée" : "Votre demande de contact n’a pas abouti",
        accepted
            ? "Bonjour,\n\nL’assistant·e maternel·le a accepté votre demande de contact : ses coordonnées vous attendent sur votre espace."
            : "Bonjour,\n\nL’assistant·e maternel·le ne peut pas donner suite à votre demande de contact. D’autres assistants maternels ont peut-être des places : le relais petite enfance de votre commune peut vous aider.",
        link, CommuneCode: communeCode);

    public static OutgoingNotification ContactWithdrawn(string link, string communeCode) => new(
        ContactWithdrawnKind,
        "Une famille a retiré sa demande de contact",
        "Bonjour,\n\nLa famille qui vous avait écrit a retiré sa demande : elle n’attend plus de réponse de votre part.",
        link, CommuneCode: communeCode);
}
