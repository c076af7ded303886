using Berceau.Domain.Staffing;

namespace Berceau.Domain.Tests.Staffing;

public class JobPostingTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static JobPosting Job(DateOnly expires) => new()
    {
        CommuneCode = "93051", Title = "EJE", Employer = "Ville", Description = "Poste", HowToApply = "rh@ville.fr",
        PostedBy = "agent", ExpiresOn = expires,
    };

    [Fact]
    public void AnOffer_IsVisibleUntilItsExpiryDateIncluded_ThenDisappearsByTheDateAlone()
    {
        var job = Job(Today.AddDays(3));
        var visible = JobPosting.VisibleOn(Today.AddDays(3)).Compile();

        Assert.True(job.IsVisibleOn(Today));
        Assert.True(job.IsVisibleOn(Today.AddDays(3)));
        Assert.False(job.IsVisibleOn(Today.AddDays(4)));
        Assert.True(visible(job));
        Assert.False(JobPosting.VisibleOn(Today.AddDays(4)).Compile()(job));
    }

    [Fact]
    public void AClosedOffer_IsNoLongerVisible_AndClosesOnce()
    {
        var job = Job(Today.AddMonths(1));

        Assert.True(job.Close(DateTimeOffset.UnixEpoch, "agent"));
        Assert.False(job.Close(DateTimeOffset.UnixEpoch, "agent"));

        Assert.False(job.IsVisibleOn(Today));
        Assert.False(JobPosting.VisibleOn(Today).Compile()(job));
    }

    [Fact]
    public void CodesOfTheFeed_ReadBackToTheSameValues()
    {
        Assert.All(Professions.All, p => Assert.True(Professions.TryParse(p.Code(), out var back) && back == p));
        Assert.All(ContractTypes.All, c => Assert.True(ContractTypes.TryParse(c.Code().ToLowerInvariant(), out var back) && back == c));
        Assert.False(Professions.TryParse("PILOTE", out _));
    }
}
