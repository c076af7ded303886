using Berceau.Domain.Common;
using Berceau.Domain.Fees;

namespace Berceau.Domain.Tests.Fees;

public class FeeParameterCsvTests
{
    private const string Header = "key,valid_from,valid_to,value,source";

    private static Outcome<IReadOnlyList<FeeParameter>> Parse(params string[] lines) =>
        FeeParameterCsv.Parse(new StringReader(string.Join("\n", lines)));

    private static decimal ShippedValue(string key, string date)
    {
        var day = DateOnly.ParseExact(date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return Assert.Single(FeeTestData.Shipped, p => p.Key == key && p.IsInForceOn(day)).Value;
    }

    [Fact]
    public void Parse_ShippedFile_Succeeds()
    {
        using var reader = new StreamReader(FeeTestData.ShippedCsvPath());

        var outcome = FeeParameterCsv.Parse(reader);

        Assert.Empty(outcome.Problems);
        Assert.All(outcome.Value, p => Assert.False(string.IsNullOrWhiteSpace(p.Source)));
    }

    [Fact]
    public void Parse_ShippedFile_HasEveryKey()
    {
        Assert.Equal(FeeParameterKeys.All.Order(), FeeTestData.Shipped.Select(p => p.Key).Distinct().Order());
    }

    [Theory]
    [InlineData("2025-09-01")]
    [InlineData("2025-12-31")]
    [InlineData("2026-01-01")]
    [InlineData("2026-03-31")]
    [InlineData("2026-04-01")]
    [InlineData("2030-01-01")]
    public void Parse_ShippedFile_GivesACompleteSetFromTheCmgReformOn(string date)
    {
        var outcome = FeeParameterSet.Resolve(FeeTestData.Shipped, DateOnly.ParseExact(date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

        Assert.Empty(outcome.Problems);
    }

    [Fact]
    public void Parse_ShippedFile_BeforeTheCmgReform_ReportsOnlyCmgAndSimulatorValuesMissing()
    {
        var outcome = FeeParameterSet.Resolve(FeeTestData.Shipped, new DateOnly(2025, 8, 31));

        Assert.NotEmpty(outcome.Problems);
        Assert.All(outcome.Problems, p =>
        {
            Assert.Equal("parameter-missing", p.Code);
            Assert.True(p.Field.StartsWith("cmg.", StringComparison.Ordinal) || p.Field.StartsWith("simulateur.", StringComparison.Ordinal), p.Field);
        });
        Assert.True(PsuParameters.Resolve(FeeTestData.Shipped, new DateOnly(2025, 8, 31)).IsSuccess);
    }

    [Theory]
    [InlineData("psu.plancher", "2024-01-01", 765.77)]
    [InlineData("psu.plancher", "2024-12-31", 765.77)]
    [InlineData("psu.plancher", "2025-01-01", 801.00)]
    [InlineData("psu.plancher", "2025-12-31", 801.00)]
    [InlineData("psu.plancher", "2026-01-01", 814.62)]
    [InlineData("psu.plafond", "2023-01-01", 6000)]
    [InlineData("psu.plafond", "2024-08-31", 6000)]
    [InlineData("psu.plafond", "2024-09-01", 7000)]
    [InlineData("psu.plafond", "2025-08-31", 7000)]
    [InlineData("psu.plafond", "2025-09-01", 8500)]
    [InlineData("psu.taux.collectif.1", "2022-01-01", 0.000619)]
    [InlineData("psu.taux.collectif.2", "2026-01-01", 0.000516)]
    [InlineData("psu.taux.collectif.3", "2026-01-01", 0.000413)]
    [InlineData("psu.taux.collectif.4", "2026-01-01", 0.000310)]
    [InlineData("psu.taux.collectif.7", "2026-01-01", 0.000310)]
    [InlineData("psu.taux.collectif.8", "2026-01-01", 0.000206)]
    [InlineData("psu.taux.collectif.10", "2026-01-01", 0.000206)]
    [InlineData("psu.taux.familial.1", "2026-01-01", 0.000516)]
    [InlineData("psu.taux.familial.2", "2026-01-01", 0.000413)]
    [InlineData("psu.taux.familial.3", "2026-01-01", 0.000310)]
    [InlineData("psu.taux.familial.5", "2026-01-01", 0.000310)]
    [InlineData("psu.taux.familial.6", "2026-01-01", 0.000206)]
    [InlineData("cmg.am.salaire_horaire_max", "2025-09-01", 8.00)]
    [InlineData("cmg.am.salaire_horaire_max", "2025-12-31", 8.00)]
    [InlineData("cmg.am.salaire_horaire_max", "2026-01-01", 8.09)]
    [InlineData("cmg.am.cout_horaire_reference", "2025-09-01", 4.85)]
    [InlineData("cmg.am.cout_horaire_reference", "2026-03-31", 4.85)]
    [InlineData("cmg.am.cout_horaire_reference", "2026-04-01", 4.91)]
    [InlineData("cmg.gad.cout_horaire_reference", "2026-03-31", 10.38)]
    [InlineData("cmg.gad.cout_horaire_reference", "2026-04-01", 10.50)]
    [InlineData("cmg.gad.multiplicateur_taux", "2025-09-01", 2)]
    [InlineData("cmg.reste_a_charge_minimum", "2025-09-01", 0.15)]
    [InlineData("simulateur.am.salaire_horaire_defaut", "2025-09-01", 8.00)]
    [InlineData("simulateur.am.salaire_horaire_defaut", "2026-01-01", 8.09)]
    [InlineData("simulateur.gad.salaire_horaire_defaut", "2025-09-01", 12.00)]
    public void Parse_ShippedFile_HoldsTheHistoryOfRules(string key, string date, double expected) =>
        Assert.Equal((decimal)expected, ShippedValue(key, date));

    [Theory]
    [InlineData("psu.plancher", "2023-12-31")]
    [InlineData("psu.plafond", "2022-12-31")]
    [InlineData("cmg.am.salaire_horaire_max", "2025-08-31")]
    public void Parse_ShippedFile_HasNoValueBeforeTheFirstKnownOne(string key, string date)
    {
        var day = DateOnly.ParseExact(date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        Assert.DoesNotContain(FeeTestData.Shipped, p => p.Key == key && p.IsInForceOn(day));
    }

    [Fact]
    public void Parse_ValidRows_GivesParameters()
    {
        var outcome = Parse(
            Header,
            "psu.plancher,2025-01-01,2025-12-31,801.00,Barème Cnaf",
            "psu.plafond,2025-09-01,,8500,\"Barème Cnaf, plafond \"\"2025\"\"\"");

        Assert.Equal(
            [
                new FeeParameter("psu.plancher", new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), 801.00m, "Barème Cnaf"),
                new FeeParameter("psu.plafond", new DateOnly(2025, 9, 1), null, 8500m, "Barème Cnaf, plafond \"2025\""),
            ],
            outcome.Value);
    }

    [Fact]
    public void Parse_ByteOrderMarkAndBlankLines_AreIgnored()
    {
        var outcome = Parse("\uFEFF" + Header, "", "psu.plancher,2025-01-01,,801.00,Cnaf", "   ");

        Assert.Single(outcome.Value);
    }

    [Theory]
    [InlineData("psu.plancher,2025-13-01,,801,Cnaf", "csv-invalid-date", "valid_from")]
    [InlineData("psu.plancher,01/01/2025,,801,Cnaf", "csv-invalid-date", "valid_from")]
    [InlineData("psu.plancher,,,801,Cnaf", "csv-required", "valid_from")]
    [InlineData("psu.plancher,2025-01-01,2025-02-30,801,Cnaf", "csv-invalid-date", "valid_to")]
    [InlineData("psu.plancher,2025-01-01,2024-12-31,801,Cnaf", "csv-invalid-period", "valid_to")]
    [InlineData("psu.plancher,2025-01-01,,abc,Cnaf", "csv-invalid-number", "value")]
    [InlineData("psu.plancher,2025-01-01,,\"801,00\",Cnaf", "csv-invalid-number", "value")]
    [InlineData("psu.plancher,2025-01-01,,1e3,Cnaf", "csv-invalid-number", "value")]
    [InlineData("psu.plancher,2025-01-01,,,Cnaf", "csv-required", "value")]
    [InlineData("psu.plancher,2025-01-01,,-801,Cnaf", "csv-negative-value", "value")]
    [InlineData("psu.plancher,2025-01-01,,801,", "csv-required", "source")]
    [InlineData("psu.plancer,2025-01-01,,801,Cnaf", "csv-unknown-parameter", "key")]
    [InlineData(",2025-01-01,,801,Cnaf", "csv-required", "key")]
    [InlineData("psu.plancher,2025-01-01,,801,00,Cnaf", "csv-column-count", "line")]
    [InlineData("psu.plancher,2025-01-01,,801", "csv-column-count", "line")]
    [InlineData("psu.plancher,2025-01-01,,801,\"Cnaf", "csv-unterminated-quote", "line")]
    public void Parse_BadRow_ReportsItsLineNumberAndColumn(string row, string code, string field)
    {
        var outcome = Parse(Header, "psu.plafond,2025-09-01,,8500,Cnaf", "", row);

        var problem = Assert.Single(outcome.Problems);
        Assert.Equal(code, problem.Code);
        Assert.Equal(field, problem.Field);
        Assert.StartsWith("Ligne 4 :", problem.Message);
    }

    [Fact]
    public void Parse_SeveralBadRows_ReportsEachWithItsLine()
    {
        var outcome = Parse(
            Header,
            "psu.plancher,2025-01-01,,801,Cnaf",
            "psu.plafond,2025-09-01,,huit mille,Cnaf",
            "psu.plafond,2025,,8500,Cnaf");

        Assert.Equal(["Ligne 3 :", "Ligne 4 :"], outcome.Problems.Select(p => p.Message[..9]));
    }

    [Fact]
    public void Parse_OverlappingPeriodsOfAKey_ReportsTheLaterLineAndNamesTheEarlier()
    {
        var outcome = Parse(
            Header,
            "psu.plafond,2024-09-01,2025-08-31,7000,Cnaf",
            "psu.plafond,2025-09-01,,8500,Cnaf",
            "psu.plancher,2025-01-01,,801,Cnaf",
            "psu.plafond,2025-08-31,2025-08-31,7500,Cnaf");

        var problem = Assert.Single(outcome.Problems);
        Assert.Equal("csv-overlapping-period", problem.Code);
        Assert.Equal("Ligne 5 : la période de validité de « psu.plafond » chevauche celle de la ligne 2.", problem.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("cle,debut,fin,valeur,source")]
    [InlineData("key;valid_from;valid_to;value;source")]
    public void Parse_WithoutTheExpectedHeader_ReportsTheHeader(string firstLine)
    {
        var problem = Assert.Single(Parse(firstLine, "psu.plancher,2025-01-01,,801,Cnaf").Problems);

        Assert.Equal("csv-header", problem.Code);
    }
}
