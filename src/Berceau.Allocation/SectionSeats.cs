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

    private readonly IndexedInstance _index;
    private readonly ulong[] _heap;
    private readonly int[] _capacity;
    private readonly int[] _openStart;     // section → its general heap
    private readonly int[] _openCount;
    private readonly int[] _reserveHeld;   // section → seats taken in reserves
    private readonly int[] _reserveStart;  // reserve → its heap
    private readonly int[] _reserveCount;

    public SectionSeats(IndexedInstance index)
    {
        _index = index;
        var sections = index.Instance.Sections;
        _capacity = new int[sections.Count];
        _openStart = new int[sections.Count];
        _openCount = new int[sections.Count];
        _reserveHeld = new int[sections.Count];
        _reserveStart = new int[index.ReserveSeats.Length];
        _reserveCount = new int[index.ReserveSeats.Length];
        // A heap never holds more than the wishes aimed at its section, whatever the capacity says.
        long size = 0;
        for (var s = 0; s < sections.Count; s++)
        {
            _capacity[s] = sections[s].Capacity;
            var demand = index.Demand[s];
            _openStart[s] = (int)size;
            size += Math.Min(_capacity[s], demand);
            for (var r = index.ReserveStart[s]; r < index.ReserveStart[s + 1]; r++)
            {
                _reserveStart[r] = (int)size;
                size += Math.Min(index.ReserveSeats[r], demand);
            }
        }
        _heap = GC.AllocateUninitializedArray<ulong>(checked((int)size));
    }

    /// <summary>Section s receives the application of priority key <paramref name="key"/>; returns the key rejected, or <see cref="None"/>.</summary>
    public ulong Propose(int s, ulong key)
    {
        var index = _index;
        for (var r = index.ReserveStart[s]; r < index.ReserveStart[s + 1]; r++)
        {
            if (!index.IsMember(key, index.ReserveCategory[r])) continue;
            var count = _reserveCount[r];
            if (count < index.ReserveSeats[r])
            {
                Push(_reserveStart[r], ref _reserveCount[r], key);
                _reserveHeld[s]++;
                return _openCount[s] > _capacity[s] - _reserveHeld[s] ? PopMin(_openStart[s], ref _openCount[s]) : None;
            }
            if (count > 0 && key > _heap[_reserveStart[r]]) key = ReplaceMin(_reserveStart[r], count, key);
        }
        var open = _capacity[s] - _reserveHeld[s];
        var openCount = _openCount[s];
        if (openCount < open)
        {
            Push(_openStart[s], ref _openCount[s], key);
            return None;
        }
        if (openCount == 0 || key < _heap[_openStart[s]]) return key;
        return ReplaceMin(_openStart[s], openCount, key);
    }

    public int Filled(int s) => _openCount[s] + _reserveHeld[s];

    /// <summary>The keys held in the general seats of s, in no order.</summary>
    public ReadOnlySpan<ulong> General(int s) => _heap.AsSpan(_openStart[s], _openCount[s]);

    /// <summary>The keys held by reserve r, in no order.</summary>
    public ReadOnlySpan<ulong> InReserve(int r) => _heap.AsSpan(_reserveStart[r], _reserveCount[r]);

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
