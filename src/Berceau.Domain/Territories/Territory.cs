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

/// <summary>A sector drawn by a commune (optional): the unit of "any crèche of my sector" and of home-sector points.</summary>
public sealed class Sector
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public required string CommuneCode { get; init; }
    public required string Name { get; set; }
}
