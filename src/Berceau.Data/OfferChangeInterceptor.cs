using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Berceau.Data;

/// <summary>
/// Raises <see cref="OfferChangeSignal"/> around every save that adds, changes or deletes an offer or territory row.
/// It fires before the save (so nothing is served from a copy taken before it) and again after it, because a reader
/// may have refilled a cache from the old rows while the transaction was committing.
/// </summary>
internal sealed class OfferChangeInterceptor(OfferChangeSignal signal) : SaveChangesInterceptor
{
    private static readonly string?[] WatchedNamespaces = ["Berceau.Domain.Offer", "Berceau.Domain.Territories"];
    private readonly ConditionalWeakTable<DbContext, object> _saving = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Before(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Before(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        After(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        After(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => After(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        After(eventData.Context);
        return Task.CompletedTask;
    }

    private void Before(DbContext? context)
    {
        if (context is null || !TouchesOffer(context)) return;
        _saving.AddOrUpdate(context, this);
        signal.Raise();
    }

    private void After(DbContext? context)
    {
        if (context is not null && _saving.Remove(context)) signal.Raise();
    }

    private static bool TouchesOffer(DbContext context) =>
        context.ChangeTracker.Entries().Any(e =>
            e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
            && WatchedNamespaces.Contains(e.Metadata.ClrType.Namespace));
}
