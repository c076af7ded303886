using Berceau.Data;
using Berceau.Domain.Applications;
using Berceau.Web.Features.Applications;
using Berceau.Web.Features.Applications.Confirmation;
using Berceau.Web.Infrastructure;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Berceau.Web.Tests.Features.Applications.ApplicationTestData;
using ApplicationId = Berceau.Domain.Applications.ApplicationId;

namespace Berceau.Web.Tests.Features.Applications;

/// <summary>
/// The confirmation job on the app's fixed clock (23/11/2026): applications are submitted in the past so that the schedule
/// has reached the step under test. The worker is off in tests; each test runs one pass itself.
/// </summary>
[Collection(AppCollection3.Name)]
[Trait("Category", "Database")]
public sealed class ConfirmationJobTests(BerceauApp app)
{
    private Task<ConfirmationPass> RunPassAsync() => app.Services.GetRequiredService<ConfirmationJob>().RunOnceAsync();

    private async Task<(string UserId, Guid Id)> SubmittedOnAsync(DateOnly submittedOn)
    {
        var creches = await app.CrechesAsync(Montreuil, 1);
        var (_, userId) = await app.SignedInFamilyAsync();
        return (userId, await app.SubmittedAsync(userId, creches, submittedOn));
    }

    private Task<List<string>> MessagesToAsync(string userId) =>
        app.WithDbAsync(db => db.OutboxMessages.Where(m => m.RecipientUserId == userId).Select(m => m.Kind).ToListAsync());

    [Fact]
    public async Task DueApplication_GetsOneReminder_HoweverManyPassesRun()
    {
        var (userId, id) = await SubmittedOnAsync(Today.AddMonths(-3));

        var first = await RunPassAsync();
        await RunPassAsync();

        Assert.True(first.Ran);
        Assert.Single(await MessagesToAsync(userId), "application-confirmation-rappel");
        var stored = await app.StoredAsync(id);
        Assert.Equal(ApplicationStatus.Submitted, stored.Status);
        Assert.Null(stored.WarnedOn);
    }

    [Fact]
    public async Task FifteenDaysAfterDue_FamilyIsWarnedOnce_AndTheWarnedDateIsSet()
    {
        var (userId, id) = await SubmittedOnAsync(Today.AddMonths(-3).AddDays(-15));

        await RunPassAsync();
        await RunPassAsync();

        var stored = await app.StoredAsync(id);
        Assert.Equal(Today, stored.WarnedOn);
        Assert.Equal(ApplicationStatus.Submitted, stored.Status);
        Assert.Single(stored.Events, e => e.Kind == ApplicationEventKind.Warned);
        Assert.Single(await MessagesToAsync(userId), "application-confirmation-avertissement");
        Assert.Contains(await app.AuditOfAsync(id), a => a.Action == ApplicationAudit.Warned);
    }

    [Fact]
    public async Task LongOverdue_ButNeverWarned_IsWarnedFirst_NotLapsed()
    {
        var (_, id) = await SubmittedOnAsync(Today.AddMonths(-6));

        await RunPassAsync();

        var stored = await app.StoredAsync(id);
        Assert.Equal(ApplicationStatus.Submitted, stored.Status);
        Assert.Equal(Today, stored.WarnedOn);
    }

    [Fact]
    public async Task WarnedAndStillSilent_Lapses_ThroughTheDomain_AndTheFamilyIsTold()
    {
        var submittedOn = Today.AddMonths(-3).AddDays(-30);
        var (userId, id) = await SubmittedOnAsync(submittedOn);
        var warnedOn = ConfirmationSchedule.DueOn(submittedOn).AddDays(ConfirmationSchedule.WarningAfterDays);
        await app.WithDbAsync(db => db.Applications.Where(a => a.Id == new ApplicationId(id))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.WarnedOn, warnedOn)));

        var pass = await RunPassAsync();

        var stored = await app.StoredAsync(id);
        Assert.Equal(ApplicationStatus.Lapsed, stored.Status);
        var change = stored.StatusChanges.OrderBy(c => c.At).Last();
        Assert.Equal(ConfirmationJob.Actor, change.By);
        Assert.Equal(BerceauApp.Now, change.At);
        Assert.False(string.IsNullOrWhiteSpace(change.Reason));
        Assert.Contains("application-status", await MessagesToAsync(userId));
        Assert.Contains(await app.AuditOfAsync(id), a => a.Action == ApplicationAudit.StatusChanged && a.Details!.Contains("Caduque"));
        Assert.True(pass.Lapsed >= 1);
    }

    [Fact]
    public async Task ConfirmedRecently_NothingIsSent()
    {
        var (userId, id) = await SubmittedOnAsync(Today.AddMonths(-2));

        await RunPassAsync();

        Assert.Empty(await MessagesToAsync(userId));
        Assert.Null((await app.StoredAsync(id)).WarnedOn);
    }

    [Fact]
    public async Task WhileAnotherNodeHoldsTheJob_APassDoesNothing()
    {
        var (userId, _) = await SubmittedOnAsync(Today.AddMonths(-3));
        var now = app.Clock.GetUtcNow();
        var lease = await app.WithDbAsync(db => JobLeases.ClaimAsync(db, ConfirmationJob.LeaseName, now, now.AddMinutes(5), CancellationToken.None));
        Assert.NotNull(lease);

        var blocked = await RunPassAsync();
        Assert.False(blocked.Ran);
        Assert.Empty(await MessagesToAsync(userId));

        await app.WithDbAsync(async db => { await JobLeases.ReleaseAsync(db, ConfirmationJob.LeaseName, lease.Value, now); return 0; });
        var after = await RunPassAsync();
        Assert.True(after.Ran);
        Assert.Single(await MessagesToAsync(userId));
    }
}
