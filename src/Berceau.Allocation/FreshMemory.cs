using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Berceau.Allocation;

/// <summary>
/// Large arrays the solver is about to write whole. On Linux the first write to each 4 KB page of fresh memory traps into the
/// kernel, and on the virtual machines we measured that trap costs more than the solver's own work on the page
/// (docs/performance.md: 112 MB took 340–1,000 ms to touch). Asking the kernel to map the whole array at once
/// (madvise MADV_POPULATE_WRITE, Linux 5.14 and later) costs several times less; pages already mapped (memory the collector
/// reuses) are only walked. Elsewhere, or when the kernel refuses, the array is returned as allocated.
/// </summary>
internal static partial class FreshMemory
{
    private const int MinimumBytes = 1 << 20;
    private const int PopulateWrite = 23;  // MADV_POPULATE_WRITE
    private const nuint Page = 4096;
    private static volatile bool _unavailable = !OperatingSystem.IsLinux();

    /// <summary>An array of <paramref name="length"/> elements, uninitialised: every element must be written before it is read.</summary>
    public static T[] Uninitialized<T>(int length) where T : unmanaged
    {
        var array = GC.AllocateUninitializedArray<T>(length);
        Populate(array);
        return array;
    }

    /// <summary>An array of <paramref name="length"/> elements, all zero.</summary>
    public static T[] Zeroed<T>(int length) where T : unmanaged
    {
        var array = Uninitialized<T>(length);
        Array.Clear(array);
        return array;
    }

    /// <summary>
    /// Maps elements [<paramref name="from"/>, <paramref name="from"/> + <paramref name="count"/>) of an array (as far as it goes)
    /// before they are written: for an array that fills progressively and may never fill whole.
    /// </summary>
    public static void PopulateAhead<T>(T[] array, int from, int count) where T : unmanaged
    {
        if (from < array.Length) Populate(array, from, Math.Min(count, array.Length - from));
    }

    private static void Populate<T>(T[] array) where T : unmanaged => Populate(array, 0, array.Length);

    private static unsafe void Populate<T>(T[] array, int from, int count) where T : unmanaged
    {
        var bytes = (nuint)count * (nuint)sizeof(T);
        if (_unavailable || bytes < MinimumBytes) return;
        // Arrays this large live in the large object heap, which the collector does not move by default; were it to move one,
        // the advice would only have been given for memory the array no longer uses.
        var start = (nuint)Unsafe.AsPointer(ref array[from]);
        var first = (start + Page - 1) & ~(Page - 1);
        var last = (start + bytes) & ~(Page - 1);
        try
        {
            if (last > first && Madvise(first, last - first, PopulateWrite) != 0) _unavailable = true;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            _unavailable = true;
        }
    }

    [LibraryImport("libc", EntryPoint = "madvise")]
    private static partial int Madvise(nuint address, nuint length, int advice);
}
