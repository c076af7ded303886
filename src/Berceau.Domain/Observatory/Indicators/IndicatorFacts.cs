namespace Berceau.Domain.Observatory.Indicators;

/// <summary>A commune of the territory, for the breakdowns « par commune » (every commune is listed, with zeros).</summary>
public sealed record CommuneName(string Code, string Name);

/// <summary>An application waiting for a place on the reference day: its commune and the child's age then.</summary>
public sealed record PendingFact(string CommuneCode, AgeBand Band);

/// <summary>A collective structure open today: the first wishes of the applications waiting, and its places.</summary>
public sealed record StructureDemandFact(string Key, string Name, string CommuneCode, int FirstWishes, int Places);

/// <summary>
/// A family that accepted a place in the year: days from submission to acceptance, and what the application declared
/// (a disabled member of the household, a minimum social benefit, a parent in insertion or looking for a job).
/// </summary>
public sealed record PlacementFact(string CommuneCode, int WaitDays, bool Disability, bool SocialMinimum, bool Insertion);

/// <summary>A validated commission of the year: applications examined, and those its decision offered a place.</summary>
public sealed record SessionFact(string Key, string Label, string CommuneCode, int Examined, int Offered);

/// <summary>The places of one structure opened or closed in the year, with its mode's label.</summary>
public sealed record CapacityFact(string CommuneCode, string ModeKey, string ModeLabel, int Places);

/// <summary>Declared free places of one structure (or childminder) today; <see cref="Declared"/> false for those without a fresh declaration.</summary>
public sealed record AvailabilityFact(string CommuneCode, bool Declared, int Places);
