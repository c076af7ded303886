namespace Berceau.Web.Tests.Features.SolutionGaps;

/// <summary>The communes of the « zéro sans solution » gap tests: nobody else creates data there.</summary>
internal static class GapsTestData
{
    /// <summary>Dugny: the tests' crèches, families, meetings and cases.</summary>
    public const string Commune = "93030";
    /// <summary>Gournay-sur-Marne: "another commune".</summary>
    public const string OtherCommune = "93033";
}
