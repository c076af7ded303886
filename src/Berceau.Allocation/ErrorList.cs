namespace Berceau.Allocation;

/// <summary>Collects errors found in any pass and gives them back in document order, the first <see cref="InstanceErrors.MaxListed"/>.</summary>
internal sealed class ErrorList
{
    private const int Kept = 100_000;
    private readonly List<(long Order, InstanceError Error)> _errors = [];

    public bool Any => _errors.Count > 0;

    public static long Top(int field) => field;
    public static long InSection(int index, int field) => (1L << 56) | ((long)index << 20) | (long)field;
    public static long InApplication(int index, int field) => (2L << 56) | ((long)index << 20) | (long)Math.Min(field, (1 << 20) - 1);

    public void Add(long order, InstanceError error)
    {
        if (_errors.Count < Kept) _errors.Add((order, error));
    }

    public IReadOnlyList<InstanceError> InDocumentOrder() =>
        _errors.OrderBy(e => e.Order).Take(InstanceErrors.MaxListed).Select(e => e.Error).ToArray();
}
