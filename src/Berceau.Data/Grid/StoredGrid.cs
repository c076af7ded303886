using System.Text.Json;
using Berceau.Domain.Grid;

namespace Berceau.Data.Grid;

/// <summary>
/// One version of a commune's points grid as stored: the columns that are queried (commune, version, validity), and the grid
/// itself as JSON, so that the version a commission used is kept exactly as it was published, whatever later versions say.
/// </summary>
public sealed class StoredGrid
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Guid Id { get; init; } = Guid.NewGuid();
    public required string CommuneCode { get; init; }
    public required int Version { get; init; }
    public required DateOnly ValidFrom { get; init; }
    public DateOnly? ValidTo { get; set; }
    public required string Definition { get; set; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required string CreatedBy { get; init; }

    public PointsGrid ToGrid() =>
        (JsonSerializer.Deserialize<PointsGrid>(Definition, Json) ?? throw new InvalidDataException($"Grille {Id} illisible."))
        with { CommuneCode = CommuneCode, Version = Version, ValidFrom = ValidFrom, ValidTo = ValidTo };

    public static StoredGrid From(PointsGrid grid, DateTimeOffset at, string by) => new()
    {
        CommuneCode = grid.CommuneCode, Version = grid.Version, ValidFrom = grid.ValidFrom, ValidTo = grid.ValidTo,
        Definition = JsonSerializer.Serialize(grid, Json), CreatedAt = at, CreatedBy = by,
    };

    /// <summary>Records that a later version now ends this one (the only change a stored grid ever receives).</summary>
    public void Close(PointsGrid closed)
    {
        ValidTo = closed.ValidTo;
        Definition = JsonSerializer.Serialize(closed, Json);
    }
}
