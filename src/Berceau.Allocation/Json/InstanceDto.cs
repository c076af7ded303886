namespace Berceau.Allocation.Json;

// The instance as read from JSON, every field optional, so that a missing one is reported with its path instead of defaulting.
internal sealed class InstanceDto
{
    public int? Version { get; set; }
    public long? Seed { get; set; }
    public List<SectionDto?>? Sections { get; set; }
    public List<ApplicationDto?>? Applications { get; set; }
    public List<LinkedGroupDto?>? LinkedGroups { get; set; }
}

internal sealed class SectionDto
{
    public string? Id { get; set; }
    public string? Structure { get; set; }
    public int? Capacity { get; set; }
    public int? MinAgeMonths { get; set; }
    public int? MaxAgeMonths { get; set; }
    public List<ReserveDto>? Reserves { get; set; }
}

internal struct ReserveDto
{
    public string? Category { get; set; }
    public int? Seats { get; set; }
}

[System.Text.Json.Serialization.JsonConverter(typeof(ApplicationDtoConverter))]
internal sealed class ApplicationDto
{
    public string? Id { get; set; }
    public int? AgeMonthsAtStart { get; set; }
    public DateOnly? Submitted { get; set; }
    public List<string?>? Categories { get; set; }
    public long? TieBreak { get; set; }
    public Wish[]? Wishes { get; set; }

    /// <summary>Wishes whose score was missing (index): their score reads 0 in <see cref="Wishes"/> until reported.</summary>
    public List<int>? WishesWithoutScore { get; set; }
}
