using System.Reflection;

namespace Berceau.Web.Tests.Features.Foundation;

/// <summary>DESIGN.md: dependencies point inward. Domain knows nothing else; Data knows Domain; Web and Cli know Data.</summary>
public sealed class ArchitectureTests
{
    private static readonly Assembly Domain = typeof(Berceau.Domain.Offer.Facility).Assembly;
    private static readonly Assembly Data = typeof(Berceau.Data.BerceauDbContext).Assembly;

    private static IEnumerable<string> References(Assembly assembly) => assembly.GetReferencedAssemblies().Select(a => a.Name!);

    [Fact]
    public void Domain_ReferencesNoFrameworkPackageNorOtherProject()
    {
        var forbidden = References(Domain).Where(n =>
            n.StartsWith("Berceau.", StringComparison.Ordinal)
            || n.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)
            || n.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)
            || n.StartsWith("Microsoft.Extensions", StringComparison.Ordinal));
        Assert.Empty(forbidden);
    }

    [Fact]
    public void Data_ReferencesDomainButNotWebNorCli()
    {
        var names = References(Data).ToList();
        Assert.Contains("Berceau.Domain", names);
        Assert.DoesNotContain("Berceau.Web", names);
        Assert.DoesNotContain("Berceau.Cli", names);
    }

    [Fact]
    public void Web_DoesNotReferenceCli()
    {
        Assert.DoesNotContain("berceau", References(typeof(Program).Assembly));
    }
}
