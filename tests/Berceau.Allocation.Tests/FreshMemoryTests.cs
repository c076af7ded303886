namespace Berceau.Allocation.Tests;

/// <summary>The large arrays the solver asks the kernel to map at once are ordinary arrays: writable, and zero when asked.</summary>
public class FreshMemoryTests
{
    [Fact]
    public void ZeroedArrays_AreZero_EvenInMemoryWrittenBefore()
    {
        for (var round = 0; round < 4; round++)
        {
            // Above the size that is populated, with an odd length so that the array ends inside a page.
            var written = FreshMemory.Uninitialized<long>(300_001 + round);
            written.AsSpan().Fill(-1);
            Assert.All(written, value => Assert.Equal(-1, value));

            var zeroed = FreshMemory.Zeroed<long>(300_001 + round);
            Assert.Equal(300_001 + round, zeroed.Length);
            Assert.True(zeroed.AsSpan().IndexOfAnyExcept(0L) < 0);
            GC.Collect();
        }
    }

    [Fact]
    public void SmallArrays_AreAllocatedAsUsual()
    {
        Assert.Equal(new int[10], FreshMemory.Zeroed<int>(10));
        Assert.Empty(FreshMemory.Uninitialized<int>(0));
    }
}
