namespace Berceau.Allocation;

/// <summary>
/// Fills an <see cref="ApplicationTable"/> row by row: a row's categories and wishes are added first, then <see cref="EndRow"/>
/// closes it (<see cref="DiscardRow"/> forgets what was added since the last row, for a reader that must start an application
/// again). Columns grow by doubling from the given estimates; they are allocated without clearing, so room reserved but never
/// written costs no memory (on this VM, touching fresh memory is what costs).
/// </summary>
internal sealed class ApplicationTableBuilder(int rowsHint = 16, int wishesHint = 64)
{
    private int _count;
    private int _idLength;
    private byte[] _idBytes = GC.AllocateUninitializedArray<byte>(Math.Max(rowsHint, 1) * 12);
    private int[] _idStart = NewStarts(rowsHint);
    private int[] _age = GC.AllocateUninitializedArray<int>(Math.Max(rowsHint, 1));
    private int[] _day = GC.AllocateUninitializedArray<int>(Math.Max(rowsHint, 1));
    private long[] _tieBreak = GC.AllocateUninitializedArray<long>(Math.Max(rowsHint, 1));
    private bool[] _hasTieBreak = GC.AllocateUninitializedArray<bool>(Math.Max(rowsHint, 1));
    private int[] _categoryStart = NewStarts(rowsHint);
    private int[] _wishStart = NewStarts(rowsHint);
    private byte[]? _flags;
    private int _categoryCount;
    private int[] _category = new int[4];
    private int _wishCount;
    private int[] _wishName = GC.AllocateUninitializedArray<int>(Math.Max(wishesHint, 1));
    private int[] _wishScore = GC.AllocateUninitializedArray<int>(Math.Max(wishesHint, 1));
    // Rows and wishes already mapped (FreshMemory.PopulateAhead): the columns are mapped a slice at a time as they fill.
    private const int RowsAhead = 1 << 18, WishesAhead = 1 << 18;
    private int _rowsMapped, _idBytesMapped, _wishesMapped;
    private readonly NameTable _names = new();
    private readonly NameTable _categoryNames = new();

    public int Count => _count;

    public int NameIndex(string name) => _names.IndexOf(name);
    public int NameIndex(ReadOnlySpan<byte> utf8) => _names.IndexOf(utf8);
    public int CategoryIndex(string name) => _categoryNames.IndexOf(name);
    public int CategoryIndex(ReadOnlySpan<byte> utf8) => _categoryNames.IndexOf(utf8);

    public void AddCategory(int category)
    {
        if (_categoryCount == _category.Length) _category = Grow(_category, _categoryCount);
        _category[_categoryCount++] = category;
    }

    public void AddWish(int name, int score)
    {
        if (_wishCount >= _wishesMapped) MapWishes();
        _wishName[_wishCount] = name;
        _wishScore[_wishCount++] = score;
    }

    private void MapWishes()
    {
        if (_wishCount == _wishName.Length)
        {
            _wishName = Grow(_wishName, _wishCount);
            _wishScore = Grow(_wishScore, _wishCount);
        }
        FreshMemory.PopulateAhead(_wishName, _wishCount, WishesAhead);
        FreshMemory.PopulateAhead(_wishScore, _wishCount, WishesAhead);
        _wishesMapped = Math.Min(_wishCount + WishesAhead, _wishName.Length);
    }

    public void DiscardRow()
    {
        DiscardCategories();
        DiscardWishes();
    }

    public void DiscardCategories() => _categoryCount = _categoryStart[_count];
    public void DiscardWishes() => _wishCount = _wishStart[_count];

    public void EndRow(string? id, int age, int day, long? tieBreak, bool hasWishList = true)
    {
        if (id is null)
        {
            EndRow([], age, day, tieBreak, hasWishList);
            Flag(ApplicationTable.NoId, _count - 1);
            return;
        }
        Span<byte> ascii = id.Length <= 256 && System.Text.Ascii.IsValid(id) ? stackalloc byte[id.Length] : default;
        if (ascii.Length == id.Length)
        {
            System.Text.Ascii.FromUtf16(id, ascii, out _);
            EndRow(ascii, age, day, tieBreak, hasWishList);
        }
        else
        {
            EndRow(System.Text.Encoding.UTF8.GetBytes(id), age, day, tieBreak, hasWishList);
        }
    }

    /// <param name="id">The id in UTF-8.</param>
    public void EndRow(ReadOnlySpan<byte> id, int age, int day, long? tieBreak, bool hasWishList = true)
    {
        if (_count >= _rowsMapped) MapRows();
        if (_idLength + id.Length > _idBytesMapped) MapIdBytes(id.Length);
        id.CopyTo(_idBytes.AsSpan(_idLength));
        _idLength += id.Length;
        _age[_count] = age;
        _day[_count] = day;
        _tieBreak[_count] = tieBreak ?? 0;
        _hasTieBreak[_count] = tieBreak is not null;
        if (!hasWishList) Flag(ApplicationTable.NoWishList);
        _count++;
        _categoryStart[_count] = _categoryCount;
        _wishStart[_count] = _wishCount;
        _idStart[_count] = _idLength;
    }

    /// <summary>A missing application (null in a list of objects): reported by the engine, not thrown.</summary>
    public void AddAbsent()
    {
        DiscardRow();
        EndRow([], 0, 0, null);
        Flag(ApplicationTable.Absent, _count - 1);
    }

    public ApplicationTable Build() => new()
    {
        Count = _count, IdStart = _idStart, IdBytes = _idBytes, Age = _age, Day = _day, TieBreak = _tieBreak, HasTieBreak = _hasTieBreak,
        CategoryStart = _categoryStart, Category = _category, CategoryNames = _categoryNames.Names(),
        WishStart = _wishStart, WishName = _wishName, WishScore = _wishScore, Names = _names.Names(), Flags = _flags,
    };

    private void Flag(byte flag, int? row = null)
    {
        _flags ??= new byte[_age.Length];
        _flags[row ?? _count] |= flag;
    }

    private void MapIdBytes(int needed)
    {
        while (_idLength + needed > _idBytes.Length) _idBytes = Grow(_idBytes, _idLength);
        FreshMemory.PopulateAhead(_idBytes, _idLength, Math.Max(needed, 12 * RowsAhead));
        _idBytesMapped = (int)Math.Min(_idLength + (long)Math.Max(needed, 12 * RowsAhead), _idBytes.Length);
    }

    private void MapRows()
    {
        EnsureRow();
        FreshMemory.PopulateAhead(_idStart, _count + 1, RowsAhead);
        FreshMemory.PopulateAhead(_age, _count, RowsAhead);
        FreshMemory.PopulateAhead(_day, _count, RowsAhead);
        FreshMemory.PopulateAhead(_tieBreak, _count, RowsAhead);
        FreshMemory.PopulateAhead(_hasTieBreak, _count, RowsAhead);
        FreshMemory.PopulateAhead(_categoryStart, _count + 1, RowsAhead);
        FreshMemory.PopulateAhead(_wishStart, _count + 1, RowsAhead);
        _rowsMapped = Math.Min(_count + RowsAhead, _age.Length);
    }

    private void EnsureRow()
    {
        if (_count < _age.Length) return;
        _idStart = Grow(_idStart, _count + 1);
        _age = Grow(_age, _count);
        _day = Grow(_day, _count);
        _tieBreak = Grow(_tieBreak, _count);
        _hasTieBreak = Grow(_hasTieBreak, _count);
        _categoryStart = Grow(_categoryStart, _count + 1);
        _wishStart = Grow(_wishStart, _count + 1);
        // Flags must read 0 for rows never flagged: grown with clearing, unlike the columns every row writes.
        if (_flags is not null) Array.Resize(ref _flags, _age.Length);
    }

    private static int[] NewStarts(int rows)
    {
        var starts = GC.AllocateUninitializedArray<int>(Math.Max(rows, 1) + 1);
        starts[0] = 0;
        return starts;
    }

    private static T[] Grow<T>(T[] array, int used)
    {
        var grown = GC.AllocateUninitializedArray<T>(checked(array.Length * 2));
        Array.Copy(array, grown, used);
        return grown;
    }
}
