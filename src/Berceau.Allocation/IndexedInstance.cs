namespace Berceau.Allocation;

/// <summary>
/// An instance checked and turned into flat arrays for the solver. Applications are renumbered by their <b>rank</b>: rank 0 is the
/// earliest submitted (then smallest tieBreak). The priority of a wish is then one 64-bit key, higher is better:
/// (score, flipped to sort as unsigned) in the high 32 bits, then (rank, reversed) and, when they fit in the bits the rank leaves
/// free, the application's reserve categories as a bit mask. One integer comparison applies the contract's order (score, then
/// submitted, then tieBreak: the rank is unique, so the category bits never decide), and the key alone tells which application it
/// is and which reserves it may take, without another memory access during deferred acceptance.
/// </summary>
internal sealed class IndexedInstance
{
    public required Instance Instance { get; init; }
    public required ApplicationTable Table { get; init; }   // the applications as columns, in input order
    public required int[] AppOfRank { get; init; }         // rank → input index
    public required int[] RankOfApp { get; init; }         // input index → rank
    public required int[] ById { get; init; }              // input indices in ordinal order of id
    public required long[] TieBreak { get; init; }         // input index → tieBreak given or drawn
    public required bool[] Drawn { get; init; }            // input index → tieBreak drawn by the engine
    public required int[] WishStart { get; init; }         // rank → first wish (length: applications + 1)
    public required WishEntry[] Wishes { get; init; }      // wishes by rank, each application's followed by an end marker
    public required int[] ReserveStart { get; init; }      // section → first reserve (length: sections + 1)
    public required int[] ReserveCategory { get; init; }   // reserve → category index
    public required int[] ReserveSeats { get; init; }
    public required string[] CategoryNames { get; init; }
    public required uint[] KeyLow { get; init; }           // rank → the low 32 bits of its keys (rank reversed, categories)
    public required ulong[] MemberBits { get; init; }      // rank × stride bits: category membership, when not in the key
    public required int MemberStride { get; init; }
    public required int CategoryBits { get; init; }        // low bits of a key holding the category mask (0: not packed)
    public required uint RankMask { get; init; }
    public required int[] Demand { get; init; }            // section → number of wishes aimed at it
    public required int[] Capacity { get; init; }          // section → capacity given in the instance

    public int Applications => AppOfRank.Length;

    /// <summary>The id of the application at this position in id order, in UTF-8.</summary>
    public ReadOnlySpan<byte> IdUtf8At(int position) => Table.IdUtf8(ById[position]);
    public string IdAt(int position) => Table.Id(ById[position])!;

    /// <summary>The position in id order of the application with this id; negative when there is none.</summary>
    public int PositionOf(string id)
    {
        var key = System.Text.Encoding.UTF8.GetBytes(id);
        int low = 0, high = ById.Length - 1;
        while (low <= high)
        {
            var middle = (low + high) >>> 1;
            var order = IdOrder.Compare(IdUtf8At(middle), key);
            if (order == 0) return middle;
            if (order < 0) low = middle + 1;
            else high = middle - 1;
        }
        return -1;
    }
    public int Sections => Instance.Sections.Count;

    /// <summary>The priority key of a wish of the application of this rank.</summary>
    public static ulong Key(int score, uint keyLow) => ((ulong)((uint)score ^ 0x8000_0000u) << 32) | keyLow;

    public ulong KeyOf(int score, int rank) => Key(score, KeyLow[rank]);

    public int RankOfKey(ulong key) => (int)(RankMask - ((uint)key >> CategoryBits));
    public static int ScoreOfKey(ulong key) => (int)((uint)(key >> 32) ^ 0x8000_0000u);

    public bool IsMember(ulong key, int category) => CategoryBits > 0
        ? ((uint)key & (1u << category)) != 0
        : (MemberBits[RankOfKey(key) * MemberStride + (category >> 6)] & (1UL << (category & 63))) != 0;

    /// <summary>Checks every rule of the contract; returns null and the errors when the instance is invalid.</summary>
    public static IndexedInstance? Build(Instance instance, out IReadOnlyList<InstanceError> errors)
    {
        var list = new ErrorList();
        if (instance.Version != Instance.CurrentVersion) list.Add(ErrorList.Top(0), InstanceErrors.Version("version", instance.Version));
        if (instance.Sections is null) list.Add(ErrorList.Top(2), InstanceErrors.Missing("sections"));
        if (instance.Applications is null) list.Add(ErrorList.Top(3), InstanceErrors.Missing("applications"));
        if (list.Any)
        {
            errors = list.InDocumentOrder();
            return null;
        }

        var structures = new Dictionary<string, int>(StringComparer.Ordinal);
        var categories = new Dictionary<string, int>(StringComparer.Ordinal);
        var (structureStart, structureSections, reserveStart, reserveCategory, reserveSeats) =
            CheckSections(instance.Sections!, structures, categories, list);
        var table = ApplicationTable.From(instance.Applications!);
        var count = table.Count;
        var tieBreak = FreshMemory.Zeroed<long>(count);
        var drawn = FreshMemory.Zeroed<bool>(count);
        var byId = CheckApplications(table, instance.Seed, tieBreak, drawn, list, out var canRank);
        // The table numbers the names its wishes use: each is looked up once here, not once per wish.
        var structureOfName = new int[table.Names.Length];
        for (var n = 0; n < structureOfName.Length; n++) structureOfName[n] = structures.GetValueOrDefault(table.Names[n], -1);

        if (!canRank || list.Any)
        {
            for (var i = 0; i < count; i++) CheckWishes(table, i, structureOfName, list);
            errors = list.InDocumentOrder();
            return null;
        }

        var (appOfRank, rankOfApp) = RankApplications(table.Day.AsSpan(0, count), tieBreak);
        // Wishes are laid out by rank, score and section side by side, and an end marker after each application's: when deferred
        // acceptance jumps to the application a section let go, the rank in the key leads to its next wish in two memory reads.
        // (8 bytes a wish: on this VM, first touching fresh memory costs more than anything the solver computes.)
        var wishStart = FreshMemory.Uninitialized<int>(count + 1);
        wishStart[0] = 0;
        for (var r = 0; r < count; r++) wishStart[r + 1] = checked(wishStart[r] + table.WishCount(appOfRank[r]) + 1);
        var entries = FreshMemory.Uninitialized<WishEntry>(wishStart[count]);
        var sections = instance.Sections!;
        var demand = new int[sections.Count];
        var minAge = new int[sections.Count];
        var maxAge = new int[sections.Count];
        var capacity = new int[sections.Count];
        for (var s = 0; s < sections.Count; s++)
            (minAge[s], maxAge[s], capacity[s]) = (sections[s].MinAgeMonths, sections[s].MaxAgeMonths, sections[s].Capacity);
        var seen = new int[structures.Count];
        Array.Fill(seen, -1);
        var keyLow = FreshMemory.Uninitialized<uint>(count);
        // Ranks need the bits of count (2^bits > count, so that no key is 0); what is left of the low 32 bits may hold the categories.
        var rankBits = Math.Max(1, 64 - System.Numerics.BitOperations.LeadingZeroCount((ulong)count));
        var categoryBits = categories.Count <= 32 - rankBits ? 32 - rankBits : 0;
        var rankMask = categoryBits > 0 ? (1u << rankBits) - 1 : uint.MaxValue;
        var stride = categoryBits > 0 ? 0 : (categories.Count + 63) >> 6;
        var memberBits = new ulong[count * stride];
        // Categories no reserve names give no seat: -1.
        var bitOfCategory = new int[table.CategoryNames.Length];
        for (var c = 0; c < bitOfCategory.Length; c++) bitOfCategory[c] = categories.GetValueOrDefault(table.CategoryNames[c], -1);
        var wishName = table.WishName;
        var wishScore = table.WishScore;
        const int ahead = 16;
        for (var i = 0; i < count; i++)
        {
            if (i + 2 * ahead < count)
            {
                // Wishes are written at random places (by rank): the places are loaded ahead, and the positions they depend on further ahead.
                MemoryHint.Prefetch(ref wishStart[rankOfApp[i + 2 * ahead]]);
                var soon = rankOfApp[i + ahead];
                MemoryHint.Prefetch(ref entries[wishStart[soon]]);
                MemoryHint.Prefetch(ref entries[wishStart[soon + 1] - 1]);
                MemoryHint.Prefetch(ref keyLow[soon]);
            }
            var r = rankOfApp[i];
            var age = table.Age[i];
            var w = wishStart[r];
            var first = table.WishStart[i];
            var last = table.WishStart[i + 1];
            if (first == last)
            {
                CheckWishes(table, i, structureOfName, list);
                continue;
            }
            var mask = 0u;
            for (var c = table.CategoryStart[i]; c < table.CategoryStart[i + 1]; c++)
            {
                var category = table.Category[c];
                var bit = category == ApplicationTable.Missing ? -1 : bitOfCategory[category];
                if (bit < 0) continue;
                if (categoryBits > 0) mask |= 1u << bit;
                else memberBits[r * stride + (bit >> 6)] |= 1UL << (bit & 63);
            }
            keyLow[r] = ((rankMask - (uint)r) << categoryBits) | mask;
            for (var x = first; x < last; x++, w++)
            {
                var name = wishName[x];
                var structure = name == ApplicationTable.Missing ? -1 : structureOfName[name];
                if (structure < 0 || seen[structure] == r)
                {
                    CheckWishes(table, i, structureOfName, list);
                    break;
                }
                seen[structure] = r;
                var section = -1;
                for (var p = structureStart[structure]; p < structureStart[structure + 1]; p++)
                {
                    var candidate = structureSections[p];
                    if (age >= minAge[candidate] && age <= maxAge[candidate])
                    {
                        section = candidate;
                        break;
                    }
                }
                entries[w] = new WishEntry(wishScore[x], section);
                if (section >= 0) demand[section]++;
            }
            entries[w] = WishEntry.EndOfWishes;
        }
        if (list.Any)
        {
            errors = list.InDocumentOrder();
            return null;
        }

        var categoryNames = new string[categories.Count];
        foreach (var (name, c) in categories) categoryNames[c] = name;

        errors = [];
        return new IndexedInstance
        {
            Instance = instance, Table = table, AppOfRank = appOfRank, RankOfApp = rankOfApp, ById = byId,
            TieBreak = tieBreak, Drawn = drawn, WishStart = wishStart, Wishes = entries, ReserveStart = reserveStart,
            ReserveCategory = reserveCategory, ReserveSeats = reserveSeats, CategoryNames = categoryNames, KeyLow = keyLow, MemberBits = memberBits,
            MemberStride = stride, CategoryBits = categoryBits, RankMask = rankMask, Demand = demand,
            Capacity = capacity,
        };
    }

    private static (int[] StructureStart, int[] StructureSections, int[] ReserveStart, int[] ReserveCategory, int[] ReserveSeats)
        CheckSections(IReadOnlyList<Section> sections, Dictionary<string, int> structures, Dictionary<string, int> categories, ErrorList list)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var structureOf = new int[sections.Count];
        var reserveStart = new int[sections.Count + 1];
        var reserveCategory = new List<int>();
        var reserveSeats = new List<int>();
        for (var i = 0; i < sections.Count; i++)
        {
            var section = sections[i];
            structureOf[i] = -1;
            reserveStart[i + 1] = reserveStart[i];
            if (section is null)
            {
                list.Add(ErrorList.InSection(i, 0), InstanceErrors.Missing($"sections[{i}]"));
                continue;
            }
            if (section.Id is null) list.Add(ErrorList.InSection(i, 0), InstanceErrors.Missing($"sections[{i}].id"));
            else if (!ids.Add(section.Id)) list.Add(ErrorList.InSection(i, 0), InstanceErrors.Duplicate($"sections[{i}].id", section.Id));
            if (section.Structure is null) list.Add(ErrorList.InSection(i, 1), InstanceErrors.Missing($"sections[{i}].structure"));
            else
            {
                if (!structures.TryGetValue(section.Structure, out var s)) structures.Add(section.Structure, s = structures.Count);
                structureOf[i] = s;
            }
            if (section.Capacity < 0) list.Add(ErrorList.InSection(i, 2), InstanceErrors.Negative($"sections[{i}].capacity"));
            if (section.MinAgeMonths < 0) list.Add(ErrorList.InSection(i, 3), InstanceErrors.Negative($"sections[{i}].minAgeMonths"));
            if (section.MaxAgeMonths < section.MinAgeMonths) list.Add(ErrorList.InSection(i, 4), InstanceErrors.AgeRange($"sections[{i}].maxAgeMonths"));
            var reserves = section.Reserves ?? [];
            long seats = 0;
            for (var j = 0; j < reserves.Count; j++)
            {
                var reserve = reserves[j];
                if (reserve.Category is null) list.Add(ErrorList.InSection(i, 6 + 2 * j), InstanceErrors.Missing($"sections[{i}].reserves[{j}].category"));
                if (reserve.Seats < 0) list.Add(ErrorList.InSection(i, 7 + 2 * j), InstanceErrors.Negative($"sections[{i}].reserves[{j}].seats"));
                if (reserve.Category is null || reserve.Seats < 0) continue;
                seats += reserve.Seats;
                if (!categories.TryGetValue(reserve.Category, out var c)) categories.Add(reserve.Category, c = categories.Count);
                reserveCategory.Add(c);
                reserveSeats.Add(reserve.Seats);
                reserveStart[i + 1]++;
            }
            if (seats > Math.Max(0, section.Capacity)) list.Add(ErrorList.InSection(i, 5), InstanceErrors.ReservesOverCapacity($"sections[{i}].reserves"));
        }

        // Sections of each structure, in input order: the first one taking the child's age is used.
        var structureStart = new int[structures.Count + 1];
        foreach (var s in structureOf) if (s >= 0) structureStart[s + 1]++;
        for (var s = 0; s < structures.Count; s++) structureStart[s + 1] += structureStart[s];
        var fill = structureStart[..^1];
        var structureSections = new int[structureStart[^1]];
        for (var i = 0; i < sections.Count; i++) if (structureOf[i] >= 0) structureSections[fill[structureOf[i]]++] = i;
        return (structureStart, structureSections, reserveStart, reserveCategory.ToArray(), reserveSeats.ToArray());
    }

    /// <summary>
    /// Checks the scalar fields, duplicate ids and tieBreaks, and draws the missing tieBreaks. Returns the input indices in ordinal
    /// order of id, and the ids in that order.
    /// </summary>
    private static int[] CheckApplications(ApplicationTable table, long? seed, long[] tieBreak, bool[] drawn, ErrorList list, out bool canRank)
    {
        var count = table.Count;
        canRank = true;
        var missingTieBreaks = 0;
        var given = 0;
        long maxGiven = 0;
        for (var i = 0; i < count; i++)
        {
            if (table.IsAbsent(i))
            {
                list.Add(ErrorList.InApplication(i, 0), InstanceErrors.Missing($"applications[{i}]"));
                canRank = false;
                continue;
            }
            if (table.LacksId(i))
            {
                list.Add(ErrorList.InApplication(i, 0), InstanceErrors.Missing($"applications[{i}].id"));
                canRank = false;
            }
            if (table.Age[i] < 0) list.Add(ErrorList.InApplication(i, 1), InstanceErrors.Negative($"applications[{i}].ageMonthsAtStart"));
            for (var c = table.CategoryStart[i]; c < table.CategoryStart[i + 1]; c++)
            {
                if (table.Category[c] == ApplicationTable.Missing)
                    list.Add(ErrorList.InApplication(i, 3), InstanceErrors.Missing($"applications[{i}].categories[{c - table.CategoryStart[i]}]"));
            }
            if (table.HasTieBreak[i])
            {
                var value = table.TieBreak[i];
                if (value < 0)
                {
                    list.Add(ErrorList.InApplication(i, 4), InstanceErrors.Negative($"applications[{i}].tieBreak"));
                    canRank = false;
                }
                tieBreak[i] = value;
                maxGiven = Math.Max(maxGiven, value);
                given++;
            }
            else
            {
                drawn[i] = true;
                missingTieBreaks++;
            }
            if (table.LacksWishList(i)) canRank = false;
        }
        if (!canRank) return [];

        var byId = FreshMemory.Uninitialized<int>(count);
        for (var i = 0; i < count; i++) byId[i] = i;
        if (!IsStrictlyAscending(table)) byId.AsSpan().Sort((a, b) => IdOrder.Compare(table.IdUtf8(a), table.IdUtf8(b)));
        for (var k = 1; k < count; k++)
        {
            if (!table.IdUtf8(byId[k]).SequenceEqual(table.IdUtf8(byId[k - 1]))) continue;
            // Equal ids sort in any order: the error goes to the later one in the file.
            var later = Math.Max(byId[k], byId[k - 1]);
            list.Add(ErrorList.InApplication(later, 0), InstanceErrors.Duplicate($"applications[{later}].id", table.Id(later)!));
            canRank = false;
        }

        if (given > 1)
        {
            var values = new long[given];
            var owners = new int[given];
            for (int i = 0, n = 0; i < count; i++) if (!drawn[i]) (values[n], owners[n++]) = (tieBreak[i], i);
            Array.Sort(values, owners);
            for (var k = 1; k < given; k++)
            {
                if (values[k] != values[k - 1]) continue;
                var later = Math.Max(owners[k], owners[k - 1]);
                list.Add(ErrorList.InApplication(later, 4), InstanceErrors.Duplicate($"applications[{later}].tieBreak", values[k].ToString()));
                canRank = false;
            }
        }
        if (missingTieBreaks > 0 && seed is null)
        {
            list.Add(ErrorList.Top(1), InstanceErrors.SeedRequired("seed"));
            canRank = false;
        }
        if (missingTieBreaks > 0 && long.MaxValue - maxGiven < missingTieBreaks)
        {
            list.Add(ErrorList.Top(1), InstanceErrors.TooLarge("applications"));
            canRank = false;
        }
        if (!canRank) return [];

        if (missingTieBreaks > 0)
        {
            var values = TieBreakDraw.Draw(missingTieBreaks, seed!.Value, maxGiven);
            for (int k = 0, n = 0; k < count; k++) if (drawn[byId[k]]) tieBreak[byId[k]] = values[n++];
        }
        return byId;
    }

    /// <summary>Files exported from a database are often already in id order: then there is nothing to sort.</summary>
    private static bool IsStrictlyAscending(ApplicationTable table)
    {
        for (var i = 1; i < table.Count; i++)
        {
            if (IdOrder.Compare(table.IdUtf8(i - 1), table.IdUtf8(i)) >= 0) return false;
        }
        return true;
    }

    /// <summary>Wishes: at least one, known structures, no structure twice. Slow and thorough: run only to report errors.</summary>
    private static void CheckWishes(ApplicationTable table, int i, int[] structureOfName, ErrorList list)
    {
        if (table.IsAbsent(i)) return;
        if (table.LacksWishList(i))
        {
            list.Add(ErrorList.InApplication(i, 5), InstanceErrors.Missing($"applications[{i}].wishes"));
            return;
        }
        var first = table.WishStart[i];
        var count = table.WishCount(i);
        if (count == 0)
        {
            list.Add(ErrorList.InApplication(i, 5), InstanceErrors.NoWish($"applications[{i}].wishes"));
            return;
        }
        for (var k = 0; k < count; k++)
        {
            var name = table.WishName[first + k];
            var path = $"applications[{i}].wishes[{k}].structure";
            if (name == ApplicationTable.Missing) list.Add(ErrorList.InApplication(i, 6 + k), InstanceErrors.Missing(path));
            else if (structureOfName[name] < 0) list.Add(ErrorList.InApplication(i, 6 + k), InstanceErrors.UnknownStructure(path, table.Names[name]));
            else if (table.WishName.AsSpan(first, k).Contains(name))
                list.Add(ErrorList.InApplication(i, 6 + k), InstanceErrors.Duplicate(path, table.Names[name]));
        }
    }

    /// <summary>Ranks applications by submitted date then tieBreak: one sort by tieBreak (none when the values are 1..n, as when all
    /// are drawn), then a stable counting sort by day.</summary>
    private static (int[] AppOfRank, int[] RankOfApp) RankApplications(ReadOnlySpan<int> days, long[] tieBreak)
    {
        var count = days.Length;
        var byTieBreak = FreshMemory.Uninitialized<int>(count);
        var dense = true;
        for (var i = 0; i < count && dense; i++) dense = tieBreak[i] >= 1 && tieBreak[i] <= count;
        if (dense)
        {
            // Values are unique, so 1..n is a permutation: place each application at its value.
            for (var i = 0; i < count; i++) byTieBreak[tieBreak[i] - 1] = i;
        }
        else
        {
            var values = (long[])tieBreak.Clone();
            for (var i = 0; i < count; i++) byTieBreak[i] = i;
            Array.Sort(values, byTieBreak);
        }

        var appOfRank = FreshMemory.Uninitialized<int>(count);
        var minDay = int.MaxValue;
        var maxDay = int.MinValue;
        for (var i = 0; i < count; i++)
        {
            var day = days[i];
            minDay = Math.Min(minDay, day);
            maxDay = Math.Max(maxDay, day);
        }
        if (count > 0)
        {
            var start = new int[maxDay - minDay + 2];
            for (var i = 0; i < count; i++) start[days[i] - minDay + 1]++;
            for (var d = 1; d < start.Length; d++) start[d] += start[d - 1];
            foreach (var i in byTieBreak) appOfRank[start[days[i] - minDay]++] = i;
        }
        var rankOfApp = FreshMemory.Uninitialized<int>(count);
        for (var r = 0; r < count; r++) rankOfApp[appOfRank[r]] = r;
        return (appOfRank, rankOfApp);
    }
}
