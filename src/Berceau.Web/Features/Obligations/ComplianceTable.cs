using Berceau.Domain.Obligations;
using Berceau.Domain.Observatory;

namespace Berceau.Web.Features.Obligations;

/// <summary>The département's view as an <see cref="IndicatorTable"/>: the page's table is exported cell for cell in CSV and XLSX.</summary>
public static class ComplianceTable
{
    public const string NotApplicable = "Ne s’applique pas";

    public static string Cell(ObligationState state) => state.Applies ? state.Status.Label() : NotApplicable;

    public static string Conformity(CommuneCompliance c) => c.IsCompliant ? "Conforme" : "Non conforme";

    public static IndicatorTable Of(string departement, IReadOnlyList<CommuneCompliance> communes) => new(
        $"obligations-communes-{departement}",
        $"Obligations des communes du {departement} (autorités organisatrices de l’accueil du jeune enfant)",
        "situation déclarée de chaque obligation",
        "Berceau : situations enregistrées par les communes et le secrétariat du schéma ; population légale du registre des communes",
        "Obligations de l’article L214-1-3 du CASF (loi pour le plein emploi, art. 17) en vigueur depuis le 1er janvier 2025 : recensement pour toutes les communes, information des familles au-delà de 3 500 habitants, relais petite enfance et schéma pluriannuel au-delà de 10 000.",
        [
            IndicatorColumn.Text("Commune"),
            IndicatorColumn.Text("Code INSEE"),
            IndicatorColumn.Count("Population"),
            .. CommuneObligations.All.Select(k => IndicatorColumn.Text(k.ShortLabel())),
            IndicatorColumn.Text("Conformité"),
        ],
        [.. communes.Select(c => new IndicatorRow(
        [
            IndicatorCell.Of(c.CommuneName, ObligationsFeature.CommunePath(c.CommuneCode)),
            IndicatorCell.Of(c.CommuneCode),
            IndicatorCell.Of(c.Population),
            .. CommuneObligations.All.Select(k => IndicatorCell.Of(Cell(c[k]))),
            IndicatorCell.Of(Conformity(c)),
        ], c.CommuneCode))]);
}
