namespace Berceau.Data.Numbering;

/// <summary>
/// The next application number of a commune for a year (<see cref="Domain.Applications.ApplicationReference"/>). One row
/// per commune and year, incremented by one atomic statement in the transaction that inserts the application: concurrent
/// creations queue on this row (PostgreSQL's row lock, SQLite's single writer) instead of reading the same "last number"
/// and clashing on the unique reference, and a rolled-back creation gives its number back.
/// </summary>
public sealed class ReferenceCounter
{
    public required string CommuneCode { get; init; }
    public int Year { get; init; }
    /// <summary>The number the next application of this commune and year will get.</summary>
    public int Next { get; init; }
}
