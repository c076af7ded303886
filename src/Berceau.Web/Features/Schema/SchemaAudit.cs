namespace Berceau.Web.Features.Schema;

/// <summary>
/// The audit lines of the schéma: every change, with who and when, in the same SaveChanges. Reads are not audited: a schéma holds
/// no personal data (the names of organisations only), and its fiches are meant to be shared.
/// </summary>
public static class SchemaAudit
{
    public const string SchemaEntity = "schéma";
    public const string SheetEntity = "fiche action";
    public const string OrganisationEntity = "organisation partenaire";

    public const string SchemaCreated = "création du schéma";
    public const string SchemaChanged = "modification du schéma";
    public const string AxisAdded = "ajout d’un axe";
    public const string AxisChanged = "modification d’un axe";
    public const string SheetCreated = "création d’une fiche action";
    public const string SheetChanged = "modification d’une fiche action";
    public const string PlannedPlacesChanged = "places prévues d’une fiche action";
    public const string PilotsChanged = "pilotes d’une fiche action";
    public const string SheetPublished = "publication d’une fiche action";
    public const string SheetUnpublished = "retrait de publication d’une fiche action";
    public const string ProgressRecorded = "état d’avancement";
    public const string OrganisationCreated = "création d’une organisation partenaire";
    public const string MemberAdded = "rattachement d’un compte à une organisation";
    public const string MemberRemoved = "détachement d’un compte d’une organisation";
}
