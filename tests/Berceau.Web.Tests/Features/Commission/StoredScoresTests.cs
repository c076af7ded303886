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
    public void Read_AcceptsTheEntriesFrozenBeforeTheCompactFormat()
    {
        const string before = """[{"facility":"0b7c3c2e-51a4-4c43-9a43-4f1f0a9e0c01","total":30,"lines":[{"label":"Parent 1 : en emploi","points":30,"criterion":0}]}]""";

        var read = Assert.Single(StoredScores.Read(before));

        Assert.Equal(A, read.Facility);
        Assert.Equal(30, read.Total);
        Assert.Equal(new StoredScoreLine("Parent 1 : en emploi", 30, (Criterion)0), Assert.Single(read.Lines));
    }
}
