using Berceau.Data.Commission;
using Berceau.Domain.Grid;
using Berceau.Web.Features.Commission;

namespace Berceau.Web.Tests.Features.Commission;

public class StoredScoresTests
{
    private static readonly Guid A = Guid.Parse("0b7c3c2e-51a4-4c43-9a43-4f1f0a9e0c01");
    private static readonly Guid B = Guid.Parse("0b7c3c2e-51a4-4c43-9a43-4f1f0a9e0c02");

    private static readonly List<StructureScore> Scores =
    [
        new(A, 72, [new("Parent 1 : en emploi", 30, Criterion.ParentSituation), new("Ligne d’avant les critères", 0, null), new("Ancienneté : 2 mois", 2, Criterion.Seniority), new("Frère ou sœur accueilli « ici »", 10, Criterion.SiblingInStructure)]),
        new(B, 62, [new("Parent 1 : en emploi", 30, Criterion.ParentSituation), new("Ancienneté : 2 mois", 2, Criterion.Seniority)]),
        new(Guid.Empty, 0, []),
    ];

    [Fact]
    public void Write_ThenRead_GivesTheSameBreakdowns_InTheSameOrder()
    {
        var read = StoredScores.Read(StoredScores.Write(Scores));

        Assert.Equal(Scores.Select(s => (s.Facility, s.Total)), read.Select(s => (s.Facility, s.Total)));
        for (var i = 0; i < Scores.Count; i++) Assert.Equal(Scores[i].Lines, read[i].Lines);
    }

    [Fact]
    public void Write_StoresEachDistinctLineOnce_WithAccentsAsLetters()
    {
        var json = StoredScores.Write(Scores);

        Assert.Equal(1, json.Split("Parent 1 : en emploi").Length - 1);
        Assert.Contains("« ici »", json);
    }

    [Fact]
    public void Write_GivesTheSameText_WhetherEqualLinesAreOneObjectOrSeveral_AndWhicheverEntryTheWriterWroteBefore()
    {
        var parent = new StoredScoreLine("Parent 1 : en emploi", 30, Criterion.ParentSituation);
        var seniority = new StoredScoreLine("Ancienneté : 2 mois", 2, Criterion.Seniority);
        List<StructureScore> shared = [new(A, 42, [parent, seniority, new("Frère ou sœur", 10, null)]), new(B, 32, [parent, seniority])];
        List<StructureScore> copies = [new(A, 42, [parent with { }, seniority with { }, new("Frère ou sœur", 10, null)]), new(B, 32, [parent with { }, seniority with { }])];
        var writer = new StoredScores.Writer();

        var first = writer.Write(shared);
        writer.Write(Scores);

        Assert.Equal("""{"lines":[["Parent 1 : en emploi",30,0],["Ancienneté : 2 mois",2,6],["Frère ou sœur",10,null]],"structures":[["0b7c3c2e-51a4-4c43-9a43-4f1f0a9e0c01",42,[0,1,2]],["0b7c3c2e-51a4-4c43-9a43-4f1f0a9e0c02",32,[0,1]]]}""", first);
        Assert.Equal(first, writer.Write(copies));
        Assert.Equal(first, StoredScores.Write(shared));
    }

    [Fact]
    public void Read_AcceptsTheEntriesFrozenBeforeTheCompactFormat()
    {
        const string before = """[{"facility":"0b7c3c2e-51a4-4c43-9a43-4f1f0a9e0c01","total":30,"lines":[{"label":"Parent 1 : en emploi","points":30,"criterion":0}]}]""";

        var read = Assert.Single(StoredScores.Read(before));

        Assert.Equal(A, read.Facility);
        Assert.Equal(30, read.Total);
        Assert.Equal(new StoredScoreLine("Parent 1 : en emploi", 30, (Criterion)0), Assert.Single(read.Lines));
    }
}
