namespace Berceau.Web.Features.FollowUp;

// Forms bind text, never the entities: the handlers read and check each value (InputReader) and say what is wrong in French.

public sealed record OpenInput
{
    public string? Reason { get; set; }
}

public sealed record ActionInput
{
    public int Version { get; set; }
    public string? Kind { get; set; }
    public string? On { get; set; }
    public string? Note { get; set; }
}

public sealed record PlanInput
{
    public int Version { get; set; }
    public string? Step { get; set; }
    public string? Due { get; set; }
}

public sealed record CloseInput
{
    public int Version { get; set; }
    public string? Outcome { get; set; }
    public string? On { get; set; }
    public string? Note { get; set; }
}

public sealed record ReopenInput
{
    public int Version { get; set; }
    public string? Reason { get; set; }
}

public sealed record SendInput
{
    public int Version { get; set; }
}
