using Berceau.Domain.Common;

namespace Berceau.Domain.Territories;

/// <summary>A département (e.g. 93 Seine-Saint-Denis), the top of a deployment's territory tree.</summary>
public sealed class Departement
{
    public required string Code { get; init; }
    public required string Name { get; set; }
}

public enum IntercommunalityKind { Epci, Ept }

/// <summary>An EPCI or, in the Métropole du Grand Paris, an EPT (établissement public territorial).</summary>
public sealed class Intercommunality
{
    public required string Code { get; init; }
    public required string Name { get; set; }
    public IntercommunalityKind Kind { get; init; }
}

public sealed class Commune
{
    public required string Code { get; init; }
    public required string Name { get; set; }
    public required string DepartementCode { get; init; }
    public string? EpciCode { get; set; }
    public string? EptCode { get; set; }
    public int Population { get; set; }
    /// <summary>Postal codes, '|'-separated as in the COG source.</summary>
    public string PostalCodes { get; set; } = "";
    /// <summary>Simplified boundary as a GeoJSON geometry object (WGS84), for maps and demo point placement.</summary>
    public string? BoundaryGeoJson { get; set; }

    public IEnumerable<string> PostalCodeList => PostalCodes.Split('|', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>
/// A sector drawn by a commune (optional): the unit of "any crèche of my sector" and of home-sector points. Its name is
/// unique in the commune; its boundary, when drawn, is a GeoJSON Polygon or MultiPolygon on the commune.
/// </summary>
public sealed class Sector
{
    public const int MaxNameLength = 100;

    /// <summary>A few hundred vertices drawn by hand fit in a few kilobytes: far more is a pasted file, not a sector.</summary>
    public const int MaxBoundaryLength = 100_000;

    public Guid Id { get; init; } = Guid.NewGuid();
    public required string CommuneCode { get; init; }
    public required string Name { get; set; }
    /// <summary>The boundary as a compact GeoJSON geometry (WGS84), as <see cref="GeoBoundary.ToGeoJson"/> writes it; null when not drawn.</summary>
    public string? BoundaryGeoJson { get; set; }
    /// <summary>Optimistic concurrency: incremented at every change so concurrent edits are detected.</summary>
    public int Version { get; set; }

    public static Sector Create(string communeCode, SectorShape shape)
    {
        var sector = new Sector { CommuneCode = communeCode, Name = shape.Name };
        sector.Redraw(shape);
        return sector;
    }

    public void Redraw(SectorShape shape)
    {
        Name = shape.Name;
        BoundaryGeoJson = shape.Boundary?.ToGeoJson();
        Version++;
    }

    /// <summary>
    /// Checks a sector as typed: a name (at most <see cref="MaxNameLength"/> characters) and an optional boundary that
    /// parses as a Polygon or MultiPolygon and lies at least partly on the commune. When the commune's own boundary is
    /// not known, that last check cannot be made and is skipped. Uniqueness of the name needs the database: the caller
    /// checks it. Problems name the fields <see cref="Name"/> and <see cref="BoundaryGeoJson"/>.
    /// </summary>
    public static Outcome<SectorShape> Check(string? name, string? boundaryGeoJson, Commune commune)
    {
        var problems = new List<Problem>();
        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed))
            problems.Add(Problem.Of("sector-name-required", nameof(Name)));
        else if (trimmed.Length > MaxNameLength)
            problems.Add(Problem.Of("too-long", nameof(Name), MaxNameLength));

        GeoBoundary? boundary = null;
        var text = boundaryGeoJson?.Trim();
        if (!string.IsNullOrEmpty(text))
        {
            if (text.Length > MaxBoundaryLength)
                problems.Add(Problem.Of("too-long", nameof(BoundaryGeoJson), MaxBoundaryLength));
            else if (!GeoBoundary.TryParse(text, out boundary, out var error))
                problems.Add(Problem.Of("sector-boundary-invalid", nameof(BoundaryGeoJson), error!));
            else if (commune.BoundaryGeoJson is { } communeJson
                && GeoBoundary.TryParse(communeJson, out var communeBoundary, out _)
                && !boundary!.Overlaps(communeBoundary!))
                problems.Add(Problem.Of("sector-boundary-outside", nameof(BoundaryGeoJson), commune.Name));
        }
        return problems.Count > 0 ? Outcome<SectorShape>.Failure(problems) : new SectorShape(trimmed!, boundary);
    }
}

/// <summary>A sector's name and boundary once checked by <see cref="Sector.Check"/>.</summary>
public sealed record SectorShape(string Name, GeoBoundary? Boundary);
