using Berceau.Domain.Offer;

namespace Berceau.Domain.OccasionalCare;

public enum OccasionalFileStatus { Pending, Complete, Incomplete }

/// <summary>
/// A child registered by its family for occasional care in a commune, with what the PSU fee needs (the household's resources of
/// year N-2 and its children). The guichet or a director of the commune checks the file; only a complete file books slots.
/// The family may also ask to be told when a slot opens (a facility or the whole commune, some days of the week).
/// </summary>
public sealed class OccasionalChild
{
    public const int MaxNameLength = 100;
    public const int MaxNoteLength = 500;

    public Guid Id { get; init; } = Guid.NewGuid();
    public required string FamilyUserId { get; init; }
    public required string CommuneCode { get; init; }
    public required string ChildFirstName { get; set; }
    public required string ChildLastName { get; set; }
    public required DateOnly ChildBirthDate { get; set; }
    public required decimal AnnualResources { get; set; }
    public required int ChildrenInHousehold { get; set; }
    public bool DisabledChildInHousehold { get; set; }
    public required DateTimeOffset ConsentAt { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public OccasionalFileStatus Status { get; private set; } = OccasionalFileStatus.Pending;
    public DateTimeOffset? ReviewedAt { get; private set; }
    public string? ReviewedBy { get; private set; }
    /// <summary>What is missing, when the file is incomplete: the family reads it.</summary>
    public string? ReviewNote { get; private set; }

    /// <summary>Opt-in: tell the family when a matching slot opens.</summary>
    public bool Alerts { get; private set; }
    /// <summary>Only this facility (null: every facility of the commune).</summary>
    public FacilityId? AlertFacilityId { get; private set; }
    /// <summary>Only these days (<see cref="WeekDays.None"/>: every day).</summary>
    public WeekDays AlertDays { get; private set; }

    public int Version { get; private set; }

    public bool CanBook => Status == OccasionalFileStatus.Complete;

    public string ChildName => $"{ChildFirstName} {ChildLastName}";

    /// <summary>« Dossier complet pour l'accueil occasionnel »: from now on the family books.</summary>
    public void MarkComplete(string by, DateTimeOffset at) => Review(OccasionalFileStatus.Complete, null, by, at);

    public void MarkIncomplete(string note, string by, DateTimeOffset at) => Review(OccasionalFileStatus.Incomplete, note, by, at);

    /// <summary>The family corrected its household: the file is checked again before the next booking.</summary>
    public void Resubmit()
    {
        Status = OccasionalFileStatus.Pending;
        Version++;
    }

    public void SetAlerts(bool on, FacilityId? facility, WeekDays days)
    {
        Alerts = on;
        AlertFacilityId = on ? facility : null;
        AlertDays = on ? days : WeekDays.None;
        Version++;
    }

    /// <summary>Whether a slot opening on <paramref name="slot"/> is one the family asked to hear about.</summary>
    public bool WantsAlertFor(OccasionalSlot slot) =>
        Alerts && CanBook && slot.CommuneCode == CommuneCode
        && (AlertFacilityId is null || AlertFacilityId == slot.FacilityId)
        && (AlertDays == WeekDays.None || AlertDays.HasFlag(DayOf(slot.Day)))
        && slot.Suits(HalfDays.AgeInMonths(ChildBirthDate, slot.Day));

    public static WeekDays DayOf(DateOnly day) => day.DayOfWeek switch
    {
        DayOfWeek.Monday => WeekDays.Monday,
        DayOfWeek.Tuesday => WeekDays.Tuesday,
        DayOfWeek.Wednesday => WeekDays.Wednesday,
        DayOfWeek.Thursday => WeekDays.Thursday,
        DayOfWeek.Friday => WeekDays.Friday,
        DayOfWeek.Saturday => WeekDays.Saturday,
        _ => WeekDays.Sunday,
    };

    private void Review(OccasionalFileStatus status, string? note, string by, DateTimeOffset at)
    {
        Status = status;
        ReviewNote = note;
        ReviewedBy = by;
        ReviewedAt = at;
        Version++;
    }
}

public static class OccasionalFileStatuses
{
    public static string Label(this OccasionalFileStatus status) => status switch
    {
        OccasionalFileStatus.Pending => "À vérifier",
        OccasionalFileStatus.Complete => "Dossier complet",
        OccasionalFileStatus.Incomplete => "Incomplet",
        _ => status.ToString(),
    };
}
