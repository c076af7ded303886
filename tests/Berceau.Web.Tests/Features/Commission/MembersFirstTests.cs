using Berceau.Web.Features.Commission;

namespace Berceau.Web.Tests.Features.Commission;

/// <summary>The families' notices wait for the members (<see cref="MembersFirst"/>): while a page is served, and a quiet time after.</summary>
public class MembersFirstTests
{
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task BeforeAnyRequest_TheJobGoesOnAtOnce()
    {
        var members = new MembersFirst();

        await members.WaitAsync(Max, TimeSpan.FromSeconds(30), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task AfterARequest_TheJobWaitsForTheQuietTime_NotOnlyForItsEnd()
    {
        // The member asks for the run right after the freeze's page: a batch started in between would share the cores with it.
        var members = new MembersFirst();
        members.Enter().Dispose();
        using var stop = new CancellationTokenSource();

        var waiting = members.WaitAsync(Max, TimeSpan.FromSeconds(30), stop.Token);
        await Task.Delay(TimeSpan.FromMilliseconds(300));

        Assert.False(waiting.IsCompleted);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        // Without a quiet time, the end of the request is enough.
        await members.WaitAsync(Max, TimeSpan.Zero, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task AStreamOfRequests_HoldsTheJobBack_OnlyUpToItsLongestWait()
    {
        var members = new MembersFirst();
        using var page = members.Enter();

        await members.WaitAsync(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(30), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(members.Busy);
    }
}
