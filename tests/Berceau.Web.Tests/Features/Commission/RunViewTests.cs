using Berceau.Data.Commission;
using Berceau.Web.Features.Commission;
using Engine = Berceau.Allocation;

namespace Berceau.Web.Tests.Features.Commission;

/// <summary>
/// The review page reads a run just solved from the engine's result in memory (<see cref="RunView.Of"/>), and any other from
/// its stored JSON (<see cref="RunView.Read"/>): a member must see the same placements, cut-offs and explanations either way.
/// </summary>
public class RunViewTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void TheViewOfARunJustSolved_IsTheViewItsStoredJsonGives(long seed)
    {
        var instance = Engine.InstanceGenerator.Generate(2_000, 40, 6, seed);
        var result = Engine.AllocationEngine.Solve(instance);
        var run = new CommissionRun
        {
            SessionId = default, Number = 1, SectionsJson = RunRecord.SectionsJson(instance), ResultJson = RunRecord.ResultJson(result),
            InstanceHash = result.InstanceHash, EngineVersion = "test", OverridesJson = "[]", At = DateTimeOffset.UnixEpoch, By = "test",
        };

        var stored = RunView.Read(run);
        var solved = RunView.Of(run, result);

        Assert.Equal(stored.Placements.OrderBy(p => p.Key, StringComparer.Ordinal), solved.Placements.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(stored.CutoffBySection.OrderBy(c => c.Key, StringComparer.Ordinal), solved.CutoffBySection.OrderBy(c => c.Key, StringComparer.Ordinal));
        Assert.Equal(stored.Explanations.Count, solved.Explanations.Count);
        var outcomes = new HashSet<string>();
        foreach (var application in instance.Applications)
        {
            Assert.Equal(stored.Explanations[application.Id], solved.Explanations[application.Id]);
            Assert.Equal(stored.WhyUnassigned(application.Id, id => id), solved.WhyUnassigned(application.Id, id => id));
            outcomes.UnionWith(solved.Explanations[application.Id].Select(l => l.Outcome));
        }
        Assert.Equal(stored.Reserves.Keys.Order(StringComparer.Ordinal), solved.Reserves.Keys.Order(StringComparer.Ordinal));
        // Every kind of line the generated département gives was compared, the refused wishes with their numbers.
        Assert.Superset(new HashSet<string> { "assigned", "not-needed", "full" }, outcomes);
        Assert.False(solved.Explanations.ContainsKey("absente"));
        Assert.True(solved.WasExcludedEverywhere("absente"));
    }
}
