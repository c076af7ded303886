using Berceau.Data.Import;

namespace Berceau.Data.Tests.Import;

public class CsvFileTests
{
    [Fact]
    public void Parse_QuotedFields_KeepCommasQuotesAndLineBreaks()
    {
        var csv = CsvFile.Parse("t.csv", "nom,adresse\n\"Crèche \"\"Les Lutins\"\"\",\"3, rue de Paris\nBât. B\"\nMission,11 rue Mission\n");

        Assert.Equal(2, csv.Records.Count);
        Assert.Equal("Crèche \"Les Lutins\"", csv.Records[0].Text(0));
        Assert.Equal("3, rue de Paris\nBât. B", csv.Records[0].Text(1));
        Assert.Equal(4, csv.Records[1].Line);
    }

    [Fact]
    public void Parse_CrLfAndBomAndBlankLines_AreAccepted()
    {
        var csv = CsvFile.Parse("t.csv", "\uFEFFa,b\r\n1,2\r\n\r\n3,\r\n");

        Assert.Equal(["a", "b"], csv.Header);
        Assert.Equal(2, csv.Records.Count);
        Assert.Null(csv.Records[1].OptionalInt(1));
        Assert.Equal(4, csv.Records[1].Line);
    }

    [Fact]
    public void Parse_WrongFieldCount_NamesFileLineAndColumn()
    {
        var e = Assert.Throws<ImportException>(() => CsvFile.Parse("communes.csv", "a,b,c\n1,2,3\n4,5\n"));

        Assert.Equal(3, e.Line);
        Assert.Equal("3", e.Column);
        Assert.StartsWith("communes.csv, ligne 3, colonne 3 :", e.Message);
    }

    [Fact]
    public void Parse_UnclosedQuote_NamesTheLineWhereItOpens()
    {
        var e = Assert.Throws<ImportException>(() => CsvFile.Parse("t.csv", "a,b\n1,2\n3,\"open\n4,5\n"));

        Assert.Equal(3, e.Line);
        Assert.Equal("2", e.Column);
        Assert.Contains("jamais fermé", e.Message);
    }

    [Fact]
    public void Parse_QuoteInsideUnquotedField_IsAnError()
    {
        var e = Assert.Throws<ImportException>(() => CsvFile.Parse("t.csv", "a,b\n1,ab\"c\n"));

        Assert.Equal(2, e.Line);
        Assert.Equal("2", e.Column);
    }

    [Fact]
    public void Int_NotANumber_NamesColumnNumberAndName()
    {
        var csv = CsvFile.Parse("t.csv", "code,population\n93001,beaucoup\n");

        var e = Assert.Throws<ImportException>(() => csv.Records[0].Int(csv.Column("population")));

        Assert.Equal("t.csv, ligne 2, colonne 2 (population) : « beaucoup » n’est pas un nombre entier.", e.Message);
    }

    [Fact]
    public void Column_MissingFromHeader_IsAnErrorOnLine1()
    {
        var csv = CsvFile.Parse("t.csv", "code\n93001\n");

        var e = Assert.Throws<ImportException>(() => csv.Column("population"));

        Assert.Equal(1, e.Line);
        Assert.Contains("population", e.Message);
    }
}
