using System.Linq.Expressions;
using Berceau.Domain.Offer;

namespace Berceau.Domain.Staffing;

/// <summary>Contract of a job posting (type de contrat). Names are the codes of the open-data feed.</summary>
public enum ContractType { Cdi, Cdd, Titulaire, Contractuel, Apprentissage, Stage, Vacation, Interim }

public static class ContractTypes
{
    private static readonly Dictionary<ContractType, (string Code, string Label)> Names = new()
    {
        [ContractType.Cdi] = ("CDI", "CDI"),
        [ContractType.Cdd] = ("CDD", "CDD"),
        [ContractType.Titulaire] = ("TITULAIRE", "Fonction publique : titulaire"),
        [ContractType.Contractuel] = ("CONTRACTUEL", "Fonction publique : contractuel"),
        [ContractType.Apprentissage] = ("APPRENTISSAGE", "Apprentissage"),
        [ContractType.Stage] = ("STAGE", "Stage"),
        [ContractType.Vacation] = ("VACATION", "Vacations, remplacements"),
        [ContractType.Interim] = ("INTERIM", "Intérim"),
    };

    public static IReadOnlyList<ContractType> All { get; } = Enum.GetValues<ContractType>();

    public static string Code(this ContractType type) => Names[type].Code;

    public static string Label(this ContractType type) => Names[type].Label;

    public static bool TryParse(string? code, out ContractType type)
    {
        foreach (var (t, n) in Names)
        {
            if (string.Equals(n.Code, code, StringComparison.OrdinalIgnoreCase)) { type = t; return true; }
        }
        type = default;
        return false;
    }
}

/// <summary>
/// An early-childhood job offered in the territory (offre d'emploi), posted by a gestionnaire: a director for their structure,
/// an agent for a commune of their territory. Public from its posting until its expiry date included, unless closed before:
/// an expired posting disappears by the date alone (<see cref="IsVisibleOn"/>), no job has to run.
/// </summary>
public sealed class JobPosting
{
    public const int MaxTitleLength = 150;
    public const int MaxEmployerLength = 200;
    public const int MaxDescriptionLength = 4000;
    public const int MaxHowToApplyLength = 500;
    public const int MaxMonthsOnline = 6;

    public Guid Id { get; init; } = Guid.NewGuid();
    public required string CommuneCode { get; set; }
    /// <summary>The structure recruiting, when the posting is for one (always for a director's posting).</summary>
    public FacilityId? FacilityId { get; set; }
    public required string Title { get; set; }
    /// <summary>Who employs, as candidates read it (« Ville de Noisy-le-Grand, crèche Les Lucioles »).</summary>
    public required string Employer { get; set; }
    public Profession Profession { get; set; }
    public ContractType Contract { get; set; }
    /// <summary>Null: as soon as possible (dès que possible).</summary>
    public DateOnly? StartDate { get; set; }
    public bool FullTime { get; set; } = true;
    public required string Description { get; set; }
    /// <summary>How to apply: an e-mail address, a link or a phone number, as typed (published: no personal data expected).</summary>
    public required string HowToApply { get; set; }
    public DateOnly ExpiresOn { get; set; }
    public DateTimeOffset PostedAt { get; init; }
    public required string PostedBy { get; init; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public string? ClosedBy { get; private set; }
    public int Version { get; private set; }

    public bool IsClosed => ClosedAt is not null;

    /// <summary>Shown to candidates on <paramref name="today"/>: not closed and not past its expiry date.</summary>
    public bool IsVisibleOn(DateOnly today) => ClosedAt is null && ExpiresOn >= today;

    /// <summary>The same rule as <see cref="IsVisibleOn"/>, for database queries (the public board, the feed).</summary>
    public static Expression<Func<JobPosting, bool>> VisibleOn(DateOnly today) => j => j.ClosedAt == null && j.ExpiresOn >= today;

    public void Touch() => Version++;

    /// <summary>The job is filled or withdrawn: it leaves the board at once. False when it already was closed.</summary>
    public bool Close(DateTimeOffset at, string by)
    {
        if (ClosedAt is not null) return false;
        (ClosedAt, ClosedBy) = (at, by);
        Version++;
        return true;
    }
}
