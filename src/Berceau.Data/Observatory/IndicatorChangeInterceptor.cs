using System.Data.Common;
using System.Runtime.CompilerServices;
using Berceau.Domain.Applications;
using Berceau.Domain.Commission;
using Berceau.Domain.FollowUp;
using Berceau.Domain.Offer;
using Berceau.Domain.Staffing;
using Berceau.Domain.Territories;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Berceau.Data.Observatory;

/// <summary>
/// Marks the observatory's data as changed (<see cref="IndicatorDataChanges"/>) after every save that adds, changes or deletes a
/// row the indicators read (<see cref="Watched"/>; an owned row counts as its owner: a wish, a status change, a guardian). The mark
/// is written once the change is committed: right after SaveChanges when EF committed its own transaction, else when the
/// caller's transaction commits (nothing when it rolls back).
/// </summary>
internal sealed class IndicatorChangeInterceptor : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    /// <summary>
    /// The entities the indicators read (<c>IndicatorFactsQueries</c>, <c>CoverageQueries</c>, <c>DepartementFigures</c>). An
    /// indicator that reads another table adds its entity here.
    /// </summary>
    public static readonly IReadOnlySet<Type> Watched = new HashSet<Type>
    {
        typeof(Application), typeof(CommissionSession), typeof(Commission.CommissionEntry), typeof(PlaceOffer), typeof(FollowUpCase),
        typeof(Facility), typeof(Section), typeof(Vacancy), typeof(PlaceFreeze), typeof(FacilityStaffing),
        typeof(Departement), typeof(Intercommunality), typeof(Commune), typeof(CnafCoverage), typeof(CommuneBirths),
        typeof(CommuneChildrenUnder3), typeof(CnafNationalCoverage),
        // The staff needed for the places planned by the schéma (published fiches of the schéma in force).
        typeof(Domain.Schema.Sdsf), typeof(Domain.Schema.ActionSheet), typeof(Domain.Schema.PlannedPlaces),
    };

    /// <summary>Contexts whose transaction holds a change not yet committed.</summary>
    private readonly ConditionalWeakTable<DbContext, object> _pending = [];
    /// <summary>Contexts saving a change (between SavingChanges and SavedChanges).</summary>
    private readonly ConditionalWeakTable<DbContext, object> _saving = [];

    public static bool TouchesIndicators(DbContext context) =>
        context.ChangeTracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && Watched.Contains(RootOf(e)));

    private static Type RootOf(EntityEntry entry)
    {
        IReadOnlyEntityType type = entry.Metadata;
        while (type.IsOwned() && type.FindOwnership() is { } ownership)
            type = ownership.PrincipalEntityType;
        return type.ClrType;
    }

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Before(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Before(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is { } context && _saving.Remove(context))
        {
            if (context.Database.CurrentTransaction is null) IndicatorDataChanges.Mark(context);
            else _pending.AddOrUpdate(context, this);
        }
        return result;
    }

    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && _saving.Remove(context))
        {
            // Not cancelled with the request: the change is committed, its mark must follow.
            if (context.Database.CurrentTransaction is null) await IndicatorDataChanges.MarkAsync(context, CancellationToken.None);
            else _pending.AddOrUpdate(context, this);
        }
        return result;
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is { } context) _saving.Remove(context);
    }

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is { } context && _pending.Remove(context))
            IndicatorDataChanges.MarkOnConnection(context.Database.GetDbConnection());
    }

    public async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && _pending.Remove(context))
            await IndicatorDataChanges.MarkOnConnectionAsync(context.Database.GetDbConnection(), CancellationToken.None);
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Forget(eventData.Context);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Before(DbContext? context)
    {
        if (context is not null && TouchesIndicators(context)) _saving.AddOrUpdate(context, this);
    }

    private void Forget(DbContext? context)
    {
        if (context is not null) _pending.Remove(context);
    }
}
