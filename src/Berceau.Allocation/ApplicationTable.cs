using System.Collections;

namespace Berceau.Allocation;

/// <summary>
/// The applications of an instance held as columns: a few arrays instead of a million objects, each with its lists. The JSON reader
/// and the generator build instances this way, and the engine turns any other list of <see cref="Application"/> into a table first
/// (<see cref="From"/>), so that indexing, hashing and explaining read one layout only. Seen from outside it is still the contract's
/// list of applications: each one is built when read. Immutable once built, so safe across threads.
/// </summary>
/// <remarks>
/// A table can hold what the contract forbids (a missing application, id, wish list or structure name, a null category) so that the
/// engine reports it with its path instead of failing: those are rows flagged <see cref="Absent"/> or <see cref="NoWishList"/>, a
/// null id, and the index <see cref="Missing"/> in <see cref="WishName"/> or <see cref="Category"/>.
/// </remarks>
internal sealed class ApplicationTable : IReadOnlyList<Application>
{
    public const int Missing = -1;
    public const byte Absent = 1;
    public const byte NoWishList = 2;
    public const byte NoId = 4;

    public required int Count { get; init; }
    public required int[] IdStart { get; init; }          // row → first byte of its id (length: Count + 1)
    public required byte[] IdBytes { get; init; }         // the ids in UTF-8, one after the other: no million strings to collect
    public required int[] Age { get; init; }
    public required int[] Day { get; init; }              // submitted, as DateOnly.DayNumber
    public required long[] TieBreak { get; init; }
    public required bool[] HasTieBreak { get; init; }
    public required int[] CategoryStart { get; init; }    // row → first category (length: Count + 1)
    public required int[] Category { get; init; }         // index in CategoryNames, or Missing
    public required string[] CategoryNames { get; init; }
    public required int[] WishStart { get; init; }        // row → first wish (length: Count + 1), wishes in the family's order
    public required int[] WishName { get; init; }         // index in Names, or Missing
    public required int[] WishScore { get; init; }
    public required string[] Names { get; init; }         // the structure names the wishes use, each once
    public byte[]? Flags { get; init; }                   // null when every row is present with its wish list

    public bool IsAbsent(int i) => Flags is { } flags && (flags[i] & Absent) != 0;
    public bool LacksWishList(int i) => Flags is { } flags && (flags[i] & NoWishList) != 0;
    public bool LacksId(int i) => Flags is { } flags && (flags[i] & NoId) != 0;
    public int WishCount(int i) => WishStart[i + 1] - WishStart[i];
    public ReadOnlySpan<byte> IdUtf8(int i) => IdBytes.AsSpan(IdStart[i], IdStart[i + 1] - IdStart[i]);
    public string? Id(int i) => LacksId(i) ? null : System.Text.Encoding.UTF8.GetString(IdUtf8(i));

    public Application this[int i]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)i, (uint)Count, nameof(i));
            if (IsAbsent(i)) return null!;
            var categories = new string[CategoryStart[i + 1] - CategoryStart[i]];
            for (var c = 0; c < categories.Length; c++) categories[c] = NameOrNull(CategoryNames, Category[CategoryStart[i] + c])!;
            Wish[]? wishes = null;
            if (!LacksWishList(i))
            {
                wishes = new Wish[WishCount(i)];
                for (var k = 0; k < wishes.Length; k++) wishes[k] = new Wish(NameOrNull(Names, WishName[WishStart[i] + k])!, WishScore[WishStart[i] + k]);
            }
            return new Application(Id(i)!, Age[i], DateOnly.FromDayNumber(Day[i]), categories, HasTieBreak[i] ? TieBreak[i] : null, wishes!);
        }
    }

    private static string? NameOrNull(string[] names, int index) => index == Missing ? null : names[index];

    public IEnumerator<Application> GetEnumerator()
    {
        for (var i = 0; i < Count; i++) yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The table of any list of applications (the same list when it already is one).</summary>
    public static ApplicationTable From(IReadOnlyList<Application> applications)
    {
        if (applications is ApplicationTable table) return table;
        var wishes = 0;
        foreach (var application in applications) wishes += application?.Wishes?.Count ?? 0;
        var builder = new ApplicationTableBuilder(applications.Count, wishes);
        for (var i = 0; i < applications.Count; i++)
        {
            var application = applications[i];
            if (application is null)
            {
                builder.AddAbsent();
                continue;
            }
            if (application.Categories is { } categories)
            {
                foreach (var category in categories) builder.AddCategory(category is null ? Missing : builder.CategoryIndex(category));
            }
            if (application.Wishes is { } list)
            {
                for (var k = 0; k < list.Count; k++) builder.AddWish(list[k].Structure is { } name ? builder.NameIndex(name) : Missing, list[k].Score);
            }
            builder.EndRow(application.Id, application.AgeMonthsAtStart, application.Submitted.DayNumber, application.TieBreak,
                hasWishList: application.Wishes is not null);
        }
        return builder.Build();
    }
}
