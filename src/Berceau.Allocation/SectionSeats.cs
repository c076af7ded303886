namespace Berceau.Allocation;

/// <summary>
/// What every section holds during deferred acceptance, as min-heaps of priority keys in one array: one heap per reserve (the
/// applications it took in step 1 of the choice rule) and one for the general seats (step 2). A heap's top is the lowest-priority
/// application it holds, the one to let go first.
///
/// <see cref="Propose"/> computes the choice of (held ∪ {newcomer}) without recomputing it from scratch. The choice rule is
/// substitutable: adding one applicant changes each reserve's pick by at most one swap, and the applicant pushed out of reserve j
/// simply competes for the following steps. So the newcomer walks through the reserves in their listed order:
/// - a reserve of its category with a free seat takes it, which leaves one seat fewer to step 2 (the lowest general seat goes if full);
/// - a full reserve of its category takes it if it ranks above the reserve's lowest, who then continues the walk in its place;
/// - after the reserves, whoever is still walking competes for the general seats.
/// The state after the walk is exactly the choice rule applied to held ∪ {newcomer} (docs/allocation.md gives the argument), and at
/// most one application is rejected, because the rule always keeps min(capacity, proposers).
/// </summary>
internal sealed class SectionSeats
{
    public const ulong None = 0;  // no key is 0: the rank part of a key is (a mask ≥ the number of applications) − rank ≥ 1

    // What a proposal reads and writes about a section, or about a reserve, sits in one struct: a proposal to a section touches
    // a cache line or two besides its heaps, not one per array (measured: most of deferred acceptance is waiting for memory).
    private struct SectionState
    {
        public int Capacity, OpenStart, OpenCount, OpenSeats, ReserveFrom, ReserveTo;  // OpenSeats: capacity less the reserved seats taken
    }

    private struct ReserveState
    {
        public int HeapStart, Count, Seats, Category;
    }

    private readonly IndexedInstance _index;
    private readonly ulong[] _heap;
    private readonly SectionState[] _sections;
    private readonly ReserveState[] _reserves;

    /// <param name="capacities">By section: the instance's (<see cref="IndexedInstance.Capacity"/>) or those of a "what if".</param>
    public SectionSeats(IndexedInstance index, int[] capacities)
    {
        _index = index;
        var sections = index.Instance.Sections;
        _sections = new SectionState[sections.Count];
        _reserves = new ReserveState[index.ReserveSeats.Length];
        // A heap never holds more than the wishes aimed at its section, whatever the capacity says.
        long size = 0;
        for (var s = 0; s < sections.Count; s++)
        {
            var capacity = capacities[s];
            var demand = index.Demand[s];
            _sections[s] = new SectionState
            {
                Capacity = capacity, OpenStart = (int)size, OpenSeats = capacity,
                ReserveFrom = index.ReserveStart[s], ReserveTo = index.ReserveStart[s + 1],
            };
            size += Math.Min(capacity, demand);
            for (var r = index.ReserveStart[s]; r < index.ReserveStart[s + 1]; r++)
            {
                _reserves[r] = new ReserveState { HeapStart = (int)size, Seats = index.ReserveSeats[r], Category = index.ReserveCategory[r] };
                size += Math.Min(index.ReserveSeats[r], demand);
            }
        }
        _heap = GC.AllocateUninitializedArray<ulong>(checked((int)size));
    }

    /// <summary>Section s receives the application of priority key <paramref name="key"/>; returns the key rejected, or <see cref="None"/>.</summary>
    public ulong Propose(int s, ulong key)
    {
        ref var section = ref _sections[s];
        for (var r = section.ReserveFrom; r < section.ReserveTo; r++)
        {
            ref var reserve = ref _reserves[r];
            if (!_index.IsMember(key, reserve.Category)) continue;
            if (reserve.Count < reserve.Seats)
            {
                Push(reserve.HeapStart, ref reserve.Count, key);
                section.OpenSeats--;
                return section.OpenCount > section.OpenSeats ? PopMin(section.OpenStart, ref section.OpenCount) : None;
            }
            if (reserve.Count > 0 && key > _heap[reserve.HeapStart]) key = ReplaceMin(reserve.HeapStart, reserve.Count, key);
        }
        if (section.OpenCount < section.OpenSeats)
        {
            Push(section.OpenStart, ref section.OpenCount, key);
            return None;
        }
        if (section.OpenCount == 0 || key < _heap[section.OpenStart]) return key;
        return ReplaceMin(section.OpenStart, section.OpenCount, key);
    }

    /// <summary>Starts loading what <see cref="Propose"/> will read first about section s (<see cref="MemoryHint"/>).</summary>
    public void Prefetch(int s)
    {
        MemoryHint.Prefetch(ref _sections[s]);
    }

    public int Filled(int s) => _sections[s].OpenCount + _sections[s].Capacity - _sections[s].OpenSeats;

    /// <summary>The keys held in the general seats of s, in no order.</summary>
    public ReadOnlySpan<ulong> General(int s) => _heap.AsSpan(_sections[s].OpenStart, _sections[s].OpenCount);

    /// <summary>The keys held by reserve r, in no order.</summary>
    public ReadOnlySpan<ulong> InReserve(int r) => _heap.AsSpan(_reserves[r].HeapStart, _reserves[r].Count);

    private void Push(int start, ref int count, ulong key)
    {
        var heap = _heap;
        var i = count++;
        while (i > 0)
        {
            var parent = (i - 1) >> 1;
            if (heap[start + parent] <= key) break;
            heap[start + i] = heap[start + parent];
            i = parent;
        }
        heap[start + i] = key;
    }

    private ulong PopMin(int start, ref int count)
    {
        var top = _heap[start];
        var last = _heap[start + --count];
        if (count > 0) SiftDown(start, count, last);
        return top;
    }

    private ulong ReplaceMin(int start, int count, ulong key)
    {
        var top = _heap[start];
        SiftDown(start, count, key);
        return top;
    }

    private void SiftDown(int start, int count, ulong key)
    {
        var heap = _heap;
        var i = 0;
        while (true)
        {
            var child = 2 * i + 1;
            if (child >= count) break;
            if (child + 1 < count && heap[start + child + 1] < heap[start + child]) child++;
            if (heap[start + child] >= key) break;
            heap[start + i] = heap[start + child];
            i = child;
        }
        heap[start + i] = key;
    }
}
