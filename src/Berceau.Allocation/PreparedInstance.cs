using System.Diagnostics;

namespace Berceau.Allocation;

/// <summary>
/// An instance validated, ranked and indexed once (<see cref="AllocationEngine.Prepare"/>), so that a commission asking "and with one
/// more seat here?" gets its answer without paying again for what does not change: only deferred acceptance, the result and the
/// instance hash are redone. Each answer is exactly what <see cref="AllocationEngine.Solve"/> gives for the instance with those
/// capacities (a property test holds them equal). Immutable, so safe across threads.
/// </summary>
public sealed class PreparedInstance
{
    private readonly IndexedInstance _index;
    private readonly Dictionary<string, int> _sectionOf;

    internal PreparedInstance(IndexedInstance index)
    {
        _index = index;
        var sections = index.Instance.Sections;
        _sectionOf = new Dictionary<string, int>(sections.Count, StringComparer.Ordinal);
        for (var s = 0; s < sections.Count; s++) _sectionOf[sections[s].Id] = s;
    }

    public Instance Instance => _index.Instance;

    public Result Solve() => Solve(new Dictionary<string, int>());

    /// <summary>Solves with the capacities of some sections changed (section id → seats), the others as in the instance.</summary>
    /// <exception cref="InvalidInstanceException">An unknown section, a negative capacity, or fewer seats than the section reserves.</exception>
    public Result Solve(IReadOnlyDictionary<string, int> capacities)
    {
        var clock = Stopwatch.StartNew();
        var adjusted = Capacities(capacities);
        var proposals = AllocationEngine.DeferredAcceptance(_index, adjusted);
        return ResultBuilder.Build(_index, proposals, adjusted, InstanceHash.Of(_index.Instance, _index.Table, _index.ById, adjusted), clock);
    }

    private int[] Capacities(IReadOnlyDictionary<string, int> changes)
    {
        if (changes.Count == 0) return _index.Capacity;
        var capacities = (int[])_index.Capacity.Clone();
        var errors = new List<InstanceError>();
        foreach (var (id, seats) in changes.OrderBy(change => change.Key, StringComparer.Ordinal))
        {
            var path = $"capacities[{id}]";
            if (!_sectionOf.TryGetValue(id, out var s)) errors.Add(InstanceErrors.UnknownSection(path, id));
            else if (seats < 0) errors.Add(InstanceErrors.Negative(path));
            else if (seats < ReservedSeats(s)) errors.Add(InstanceErrors.ReservesOverCapacity(path));
            else capacities[s] = seats;
        }
        return errors.Count == 0 ? capacities : throw new InvalidInstanceException(errors.Take(InstanceErrors.MaxListed).ToList());
    }

    private int ReservedSeats(int s)
    {
        var seats = 0;
        for (var r = _index.ReserveStart[s]; r < _index.ReserveStart[s + 1]; r++) seats += _index.ReserveSeats[r];
        return seats;
    }
}
