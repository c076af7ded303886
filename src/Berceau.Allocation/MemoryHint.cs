using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace Berceau.Allocation;

/// <summary>
/// Asks the processor to start loading the cache line of a location that will be read a little later. Deferred acceptance at
/// national scale is waiting for memory most of its time; loads started early for several independent proposals overlap.
/// Only a hint: nothing is read through the address, so a stale one (a moved array) does no harm. No-op without SSE.
/// </summary>
internal static class MemoryHint
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Prefetch<T>(ref T location)
    {
        if (Sse.IsSupported) Sse.Prefetch0(Unsafe.AsPointer(ref location));
    }
}
