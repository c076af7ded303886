namespace Berceau.Web.Features.Schema;

// Forms bind text, never the entities: the handlers read each value (InputReader) and the domain says what is wrong, in French.

public sealed record SchemaInput
{
    public int Version { get; set; }
    public string? Departement { get; set; }
    public string? Title { get; set; }
    public string? StartYear { get; set; }
    public string? EndYear { get; set; }
    public string? Source { get; set; }
}

public sealed record AxisInput
{
    public int Version { get; set; }
    public string? Number { get; set; }
    public string? Title { get; set; }
}

public sealed record IndicatorInput
{
    public string? Label { get; set; }
    public string? Target { get; set; }
    public string? ObservatoryKey { get; set; }
}

/// <summary>A « places prévues » line of the fiche form: commune (empty: the whole département), year, places, mode code, label.</summary>
public sealed record PlannedPlacesInput
{
    public string? CommuneCode { get; set; }
    public string? Year { get; set; }
    public string? Places { get; set; }
    public string? Mode { get; set; }
    public string? Label { get; set; }
}

public sealed record SheetInput
{
    public int Version { get; set; }
    public string? AxisId { get; set; }
    public string? Number { get; set; }
    public string? Title { get; set; }
    public string? Issues { get; set; }
    public string? PilotId { get; set; }
    public List<string> CoPilotIds { get; set; } = [];
    public string? Actors { get; set; }
    public string? KeyActions { get; set; }
    public string? Schedule { get; set; }
    public string? Means { get; set; }
    public List<IndicatorInput> Indicators { get; set; } = [];
    public List<PlannedPlacesInput> PlannedPlaces { get; set; } = [];
}

public sealed record ProgressInput
{
    public int Version { get; set; }
    public string? On { get; set; }
    public string? State { get; set; }
    public string? Comment { get; set; }
}

public sealed record PublishInput
{
    public int Version { get; set; }
}

public sealed record OrganisationInput
{
    public string? Departement { get; set; }
    public string? Name { get; set; }
}

public sealed record MemberInput
{
    public string? OrganisationId { get; set; }
    public string? Email { get; set; }
}
