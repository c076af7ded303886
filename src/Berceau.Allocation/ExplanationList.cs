using System.Collections;

namespace Berceau.Allocation;

/// <summary>
/// The explanations of a result, in application id order, each built when read from the compact arrays the solver leaves behind
/// (about 20 bytes a wish instead of an object per wish): at national scale (6 million wishes) this keeps the result small and the
/// solve fast, and the JSON writer or a screen showing one family reads them one at a time. Safe across threads: its only change, <see cref="PrepareToReadAll"/>, is made once.
/// </summary>
internal sealed class ExplanationList(IndexedInstance index, int[] current, int?[] cutoffScore, Waitlists waitlists)
    : IReadOnlyList<Explanation>
{
    public int Count => index.Applications;

    public Explanation this[int position]
    {
        get
        {
            var spot = Locate(position);
            var lines = new WishExplanation[spot.Count];
            for (var k = 0; k < lines.Length; k++) lines[k] = Line(spot, k, out _);
            return new Explanation(ApplicationAt(position), lines);
        }
    }

    public string ApplicationAt(int position) => index.IdAt(position);

    /// <summary>The explanation of the application with this id, or null: found by a binary search on the ids, building no other.</summary>
    public Explanation? Find(string application) => index.PositionOf(application) is >= 0 and var position ? this[position] : null;
    public ReadOnlySpan<byte> ApplicationUtf8At(int position) => index.IdUtf8At(position);

    private Columns? _columns;
    private object? _preparing;

    /// <summary>
    /// Before reading every line (a writer): the lines' outcomes are then laid out in the table's wish order, so that going through
    /// the applications in id order reads memory in order instead of jumping to each one's place in the priority order.
    /// </summary>
    public void PrepareToReadAll() => LazyInitializer.EnsureInitialized(ref _columns, ref _preparing, () => Columns.Of(index, current, waitlists));

    /// <summary>Every line at once, for a writer going through them all (<see cref="PrepareToReadAll"/> is done first).</summary>
    public AllLines ReadAll()
    {
        PrepareToReadAll();
        return new AllLines(index.Table, index.ById, _columns!.Code, _columns.Section, cutoffScore);
    }

    /// <summary>Where the lines of the application at this position are: found once, then read wish by wish.</summary>
    public LineSpot Locate(int position)
    {
        var i = index.ById[position];
        var x = index.Table.WishStart[i];
        if (_columns is not null) return new(x, -1, index.Table.WishStart[i + 1] - x, -1, -1);
        var r = index.RankOfApp[i];
        var w = index.WishStart[r];
        return new(x, w, index.WishStart[r + 1] - w - 1, current[r], r);  // less the end marker
    }

    /// <summary>Wish k of the application <paramref name="spot"/> locates, with the number of its structure's name in <see cref="Names"/>.</summary>
    public WishExplanation Line(in LineSpot spot, int k, out int name)
    {
        var x = spot.TableWish + k;
        name = index.Table.WishName[x];
        var structure = index.Table.Names[name];
        if (_columns is { } columns)
        {
            var code = columns.Code[x];
            return code switch
            {
                AllLines.NotEligible => new(k + 1, structure, WishOutcome.NotEligibleAge),
                AllLines.Assigned => new(k + 1, structure, WishOutcome.Assigned),
                AllLines.NotNeeded => new(k + 1, structure, WishOutcome.NotNeeded),
                _ => new(k + 1, structure, WishOutcome.Full, index.Table.WishScore[x], cutoffScore[columns.Section[x]], code),
            };
        }
        var w = spot.EngineWish + k;
        var section = index.Wishes[w].Section;
        if (section == WishEntry.NotEligible) return new(k + 1, structure, WishOutcome.NotEligibleAge);
        if (w == spot.Held) return new(k + 1, structure, WishOutcome.Assigned);
        if (w > spot.Held) return new(k + 1, structure, WishOutcome.NotNeeded);
        var score = index.Table.WishScore[x];
        return new(k + 1, structure, WishOutcome.Full, score, cutoffScore[section], waitlists.Position(section, index.KeyOf(score, spot.Rank)));
    }

    /// <summary>
    /// By wish in the table's order (<see cref="AllLines"/>), built in one pass in priority order, which reads the solver's arrays
    /// in order and writes each application's wishes side by side.
    /// </summary>
    private sealed class Columns(int[] code, int[] section)
    {
        private const int NotEligible = AllLines.NotEligible, Assigned = AllLines.Assigned, NotNeeded = AllLines.NotNeeded;
        public int[] Code => code;
        public int[] Section => section;

        public static Columns Of(IndexedInstance index, int[] current, Waitlists waitlists)
        {
            var byWish = waitlists.ByWish(index);
            var table = index.Table;
            var wishes = table.WishStart[index.Applications];
            var code = FreshMemory.Uninitialized<int>(wishes);
            var section = FreshMemory.Uninitialized<int>(wishes);
            const int ahead = 16;
            for (var r = 0; r < index.Applications; r++)
            {
                if (r + 2 * ahead < index.Applications)
                {
                    // Each application's place in the table's order is random in the priority order: loaded ahead, in two steps.
                    MemoryHint.Prefetch(ref table.WishStart[index.AppOfRank[r + 2 * ahead]]);
                    var soon = table.WishStart[index.AppOfRank[r + ahead]];
                    MemoryHint.Prefetch(ref code[soon]);
                    MemoryHint.Prefetch(ref section[soon]);
                }
                var x = table.WishStart[index.AppOfRank[r]];
                var held = current[r];
                for (var w = index.WishStart[r]; w < index.WishStart[r + 1] - 1; w++, x++)  // less the end marker
                {
                    var s = index.Wishes[w].Section;
                    code[x] = s == WishEntry.NotEligible ? NotEligible : w == held ? Assigned : w > held ? NotNeeded : byWish[w];
                    section[x] = s;
                }
            }
            return new Columns(code, section);
        }
    }

    /// <summary>The structure names the lines use, numbered as <see cref="Line(int, int, out int)"/> gives them.</summary>
    public string[] Names => index.Table.Names;

    public IEnumerator<Explanation> GetEnumerator()
    {
        for (var k = 0; k < Count; k++) yield return this[k];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>
/// Every explanation line, by wish in the table's order (<see cref="ApplicationTable.WishStart"/>, applications in id order through
/// <see cref="ById"/>): <see cref="Code"/> is the waitlist position of a wish the section refused (1 or more), or one of the
/// negative outcomes below; <see cref="Section"/> the section of a refused wish, whose cut-off is <see cref="CutoffScore"/>[section].
/// </summary>
internal readonly record struct AllLines(ApplicationTable Table, int[] ById, int[] Code, int[] Section, int?[] CutoffScore)
{
    public const int NotEligible = -1, Assigned = -2, NotNeeded = -3;
}

/// <summary>
/// The lines of one application: its first wish in the table and in the engine's arrays, its number of wishes, the engine wish it
/// holds (past its last one when it holds none) and its rank in the priority order.
/// </summary>
internal readonly record struct LineSpot(int TableWish, int EngineWish, int Count, int Held, int Rank);
