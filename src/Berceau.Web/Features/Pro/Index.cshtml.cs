using Berceau.Data;
using Berceau.Data.Identity;
using Berceau.Domain.Access;
using Berceau.Domain.Offer;
using Berceau.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Pro;

public sealed record ProLink(string Text, string Href, string Description);

/// <summary>
/// The staff home page: who you are, what you may do (roles) and where (territory), and the way to each feature your
/// roles open. Authorization (any staff role) and mandatory two-factor come from the /Pro folder conventions.
/// </summary>
public sealed class IndexModel(UserManager<BerceauUser> users, CurrentStaff staff, BerceauDbContext db) : PageModel
{
    public string DisplayName { get; private set; } = "";
    public IReadOnlyList<string> RoleLabels { get; private set; } = [];
    public IReadOnlyList<string> Departements { get; private set; } = [];
    public IReadOnlyList<string> Communes { get; private set; } = [];
    public IReadOnlyList<string> Facilities { get; private set; } = [];
    public IReadOnlyList<ProLink> Links { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        DisplayName = string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email ?? "" : user.DisplayName;
        var roles = await users.GetRolesAsync(user);
        RoleLabels = [.. Roles.All.Where(roles.Contains).Select(Roles.Label)];

        var scope = await staff.ScopeAsync(ct);
        var departementCodes = scope.Departements.ToList();
        var communeCodes = scope.Communes.ToList();
        Departements = await db.Departements.AsNoTracking()
            .Where(d => departementCodes.Contains(d.Code))
            .OrderBy(d => d.Code)
            .Select(d => d.Name + " (" + d.Code + ")")
            .ToListAsync(ct);
        Communes = await db.Communes.AsNoTracking()
            .Where(c => communeCodes.Contains(c.Code))
            .OrderBy(c => c.Name)
            .Select(c => c.Name + " (" + c.Code + ")")
            .ToListAsync(ct);
        var facilityIds = scope.Facilities.Select(id => new FacilityId(id)).ToList();
        Facilities = await db.Facilities.AsNoTracking()
            .Where(f => facilityIds.Contains(f.Id))
            .OrderBy(f => f.Name)
            .Select(f => f.Name)
            .ToListAsync(ct);

        Links = LinksFor(roles);
        return Page();
    }

    /// <summary>Only links the person's roles can open: a link that ends on "accès refusé" is a dead end.</summary>
    internal static IReadOnlyList<ProLink> LinksFor(ICollection<string> roles)
    {
        var links = new List<ProLink>();
        if (roles.Any(Roles.IsStaff))
            links.Add(new ProLink("Structures d’accueil", "/pro/structures", "Fiches des structures de votre territoire, sections, capacités et places disponibles."));
        if (roles.Contains(Roles.Admin) || roles.Contains(Roles.Agent))
        {
            links.Add(new ProLink("Demandes d’accueil", "/pro/demandes", "Demandes des familles de votre territoire à vérifier, à confirmer, à relancer ; demande faite au guichet."));
            links.Add(new ProLink("Secteurs", "/pro/secteurs", "Secteurs des communes de votre territoire, dessinés sur la carte, et les structures qui y sont rattachées."));
            links.Add(new ProLink("Grilles de points", "/pro/grilles", "La grille d’attribution publique de chaque commune, et ses nouvelles versions."));
            links.Add(new ProLink("Familles sans solution", FollowUp.FollowUpFeature.WorklistPath, "Suivre les familles restées sans place : appels, rendez-vous, courrier des solutions proches de chez elles, jusqu’à la solution."));
            links.Add(new ProLink("Assistants maternels et MAM", Childminders.ChildmindersFeature.StaffPath, "Inviter les assistants maternels à créer leur compte, vérifier les inscriptions, suivre les demandes de contact des familles."));
            links.Add(new ProLink("Annuaire handicap", Resources.ResourcesFeature.StaffPath, "Les services, structures inclusives et contacts publiés pour les familles d’un enfant en situation de handicap."));
            links.Add(new ProLink("Offres de formation", Training.TrainingFeature.StaffPath, "Les écoles et sessions de CAP AEPE, auxiliaire de puériculture, EJE, VAE et apprentissage, publiées en liste et sur une carte."));
            links.Add(new ProLink("Réunions d’information", Meetings.MeetingsFeature.StaffPath, "Publier les réunions d’information, forums et ateliers, suivre les inscriptions et les présences."));
        }
        if (roles.Contains(Roles.Admin) || roles.Contains(Roles.Agent) || roles.Contains(Roles.Director))
            links.Add(new ProLink("Accueil occasionnel", OccasionalCare.OccasionalCareFeature.StaffPath, "Publier les créneaux libres des crèches, voir les réservations du jour, vérifier les dossiers des familles inscrites."));
        if (roles.Contains(Roles.Admin) || roles.Contains(Roles.Agent) || roles.Contains(Roles.Committee) || roles.Contains(Roles.Director))
            links.Add(new ProLink("Commissions d’attribution", "/pro/commissions", "Préparer une commission, déclarer les places à attribuer, examiner et valider la proposition."));
        if (roles.Contains(Roles.Admin) || roles.Contains(Roles.Agent) || roles.Contains(Roles.Observatory) || roles.Contains(Roles.Steering))
        {
            links.Add(new ProLink("Indicateurs du suivi « zéro sans solution »", FollowUp.FollowUpFeature.IndicatorsPath, "Part des familles suivies qui ont une solution à 1, 3 et 6 mois, et délai médian, par commune."));
            links.Add(new ProLink("Obligations des communes", Obligations.ObligationsFeature.Path, "Recensement, information des familles, relais petite enfance et schéma pluriannuel : la situation de chaque commune et qui est conforme."));
        }
        if (roles.Contains(Roles.Admin) || roles.Contains(Roles.Agent) || roles.Contains(Roles.Steering))
            links.Add(new ProLink("Questionnaires de satisfaction", Surveys.SurveysFeature.StaffPath, "Demander leur avis aux familles (après une commission, une réunion d’information) et aux partenaires ; résultats anonymes en tableaux et graphiques."));
        if (roles.Contains(Roles.Admin) || roles.Contains(Roles.Advisor))
            links.Add(new ProLink("Structures en difficulté", Difficulty.DifficultyFeature.ListPath, "Les crèches et MAM en alerte (occupation, places gelées, postes vacants, contrôles PMI, alertes financières), leurs signalements et leurs accompagnements."));
        if (roles.Contains(Roles.Admin) || roles.Contains(Roles.Steering) || roles.Contains(Roles.Partner))
            links.Add(new ProLink("Schéma départemental des services aux familles", Schema.SchemaFeature.StaffPath, "Axes et fiches actions du schéma, leurs pilotes, leur état d’avancement et le rapport d’avancement."));
        if (roles.Any(Roles.IsStaff))
            links.Add(new ProLink("Bonnes pratiques", Practices.PracticesFeature.StaffPath, "Proposer une initiative de votre territoire à la bibliothèque des bonnes pratiques ; pour le secrétariat du schéma, relire et publier les fiches proposées."));
        if (roles.Contains(Roles.Admin))
        {
            links.Add(new ProLink("Utilisateurs", "/admin/utilisateurs", "Comptes, rôles et territoires des personnes de votre territoire."));
            links.Add(new ProLink("Réglages du guichet unique", Applications.Settings.IndexModel.Path, "Le nombre de crèches qu’une famille peut classer dans sa demande, commune par commune."));
            links.Add(new ProLink("Paramètres tarifaires", "/admin/parametres", "Barème PSU et paramètres du CMG, avec leurs dates de validité."));
            links.Add(new ProLink("E-mails non envoyés", Notifications.NotificationsFeature.FailedPath, "Les e-mails que le service n’a pas réussi à envoyer, pour les relancer."));
        }
        return links;
    }
}
