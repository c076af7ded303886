using System.Reflection;

namespace Berceau.Allocation.Tests;

public class ArchitectureTests
{
    [Fact]
    public void TheEngine_ReferencesNothingButTheBaseClassLibrary()
    {
        var references = typeof(AllocationEngine).Assembly.GetReferencedAssemblies().Select(a => a.Name!);

        Assert.All(references, name => Assert.True(name.StartsWith("System.", StringComparison.Ordinal) || name == "netstandard", name));
    }
}
