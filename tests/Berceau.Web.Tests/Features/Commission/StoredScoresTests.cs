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

    private static readonly StoredScoreLine Parent = new("Parent 1 : en emploi", 30, Criterion.ParentSituation);
    private static readonly StoredScoreLine Seniority = new("Ancienneté : 2 mois", 2, Criterion.Seniority);

    [Fact]
    public void WriteSession_ThenRead_GivesEachEntryItsBreakdowns_InTheSameOrder()
    {
        List<StructureScore> other = [new(B, 32, [Parent with { }, new("Structure de votre secteur", 0, Criterion.HomeSector)])];
        var (entries, table) = StoredScores.WriteSession([Scores, other, []]);
        var reread = ScoreTable.Parse(table.ToJson());

        for (var (i, written) = (0, new[] { Scores, other, [] }); i < written.Length; i++)
        {
            var read = StoredScores.Read(entries[i], reread);
            Assert.Equal(written[i].Select(s => (s.Facility, s.Total)), read.Select(s => (s.Facility, s.Total)));
            for (var k = 0; k < written[i].Count; k++) Assert.Equal(written[i][k].Lines, read[k].Lines);
        }
    }

    [Fact]
    public void WriteSession_WritesEachDistinctLineAndStructureOnce_InTheTable_WithAccentsAsLetters()
    {
        var (entries, table) = StoredScores.WriteSession([Scores, Scores, [new(A, 30, [Parent with { }])]]);
        var json = table.ToJson();

        Assert.Equal(1, json.Split("Parent 1 : en emploi").Length - 1);
        Assert.Equal(1, json.Split(A.ToString()).Length - 1);
        Assert.Contains("« ici »", json);
        Assert.Equal([A, B, Guid.Empty], table.Structures);
        Assert.Equal("[[0,30,[0]]]", entries[2]);
        Assert.All(entries, e => Assert.DoesNotContain("emploi", e));
    }

    [Fact]
    public void WriteSession_GivesTheSameText_WhetherEqualLinesAreOneObjectOrSeveral_AndHoweverTheEntriesAreSpreadOverTheCores()
    {
        // More entries than one core's range (2,048): the table still lists lines and structures in the order they first appear.
        var shared = Enumerable.Range(0, 5_000).Select(i => (IReadOnlyList<StructureScore>)[new(i % 2 == 0 ? A : B, 32 + i % 3,
            [Parent, Seniority, new($"Ligne {i % 7}", i % 7, null)])]).ToList();
        var copies = shared.Select(e => (IReadOnlyList<StructureScore>)[.. e.Select(s => s with { Lines = [.. s.Lines.Select(l => l with { })] })]).ToList();

        var (entries, table) = StoredScores.WriteSession(shared);

        Assert.Equal("""{"structures":["0b7c3c2e-51a4-4c43-9a43-4f1f0a9e0c01","0b7c3c2e-51a4-4c43-9a43-4f1f0a9e0c02"],"lines":[["Parent 1 : en emploi",30,0],["Ancienneté : 2 mois",2,6],["Ligne 0",0,null],["Ligne 1",1,null],["Ligne 2",2,null],["Ligne 3",3,null],["Ligne 4",4,null],["Ligne 5",5,null],["Ligne 6",6,null]]}""",
            table.ToJson());
        Assert.Equal("[[1,33,[0,1,3]]]", entries[1]);
        var again = StoredScores.WriteSession(copies);
        Assert.Equal(entries, again.Entries);
        Assert.Equal(table.ToJson(), again.Table.ToJson());
    }

    [Fact]
    public void Read_AcceptsTheEntriesFrozenWithTheirOwnLines_AndRefusesAnEntryOfATableReadWithoutIt()
    {
        const string ownLines = """{"lines":[["Parent 1 : en emploi",30,0],["Frère ou sœur",10,null]],"structures":[["0b7c3c2e-51a4-4c43-9a43-4f1f0a9e0c01",40,[0,1]],["0b7c3c2e-51a4-4c43-9a43-4f1f0a9e0c02",30,[0]]]}""";

        var read = StoredScores.Read(ownLines, table: null);

        Assert.Equal([(A, 40), (B, 30)], read.Select(s => (s.Facility, s.Total)));
        Assert.Equal([Parent, new StoredScoreLine("Frère ou sœur", 10, null)], read[0].Lines);
        Assert.Throws<InvalidDataException>(() => StoredScores.Read("[[0,30,[0]]]", table: null));
        Assert.Empty(StoredScores.Read("[]", table: null));
    }

    [Fact]
    public void Read_AcceptsTheEntriesFrozenBeforeTheCompactFormat()
    {
        const string before = """[{"facility":"0b7c3c2e-51a4-4c43-9a43-4f1f0a9e0c01","total":30,"lines":[{"label":"Parent 1 : en emploi","points":30,"criterion":0}]}]""";

        var read = Assert.Single(StoredScores.Read(before, table: null));

        Assert.Equal(A, read.Facility);
        Assert.Equal(30, read.Total);
        Assert.Equal(new StoredScoreLine("Parent 1 : en emploi", 30, (Criterion)0), Assert.Single(read.Lines));
    }
}
