using Berceau.Domain.Common;
using Berceau.Domain.Resources;

namespace Berceau.Domain.Careers;

/// <summary>The diplomas of early-childhood careers the training map lists.</summary>
public enum Diploma
{
    /// <summary>CAP accompagnant éducatif petite enfance.</summary>
    CapAepe,
    /// <summary>Diplôme d’État d’auxiliaire de puériculture.</summary>
    AuxiliairePuericulture,
    /// <summary>Diplôme d’État d’éducateur de jeunes enfants.</summary>
    Eje,
}

/// <summary>How one gets the diploma: at school, as an apprentice, by validating experience (VAE), or as an adult in continuing training.</summary>
public enum TrainingRoute { Initial, Apprenticeship, Vae, Continuing }

/// <summary>A session of a training: its start, its end if known, the last day to apply if there is one.</summary>
public sealed class TrainingSession
{
    public DateOnly StartsOn { get; init; }
    public DateOnly? EndsOn { get; init; }
    public DateOnly? ApplyBy { get; init; }
}

public sealed record TrainingValues(string School, Diploma Diploma, TrainingRoute Route, string CommuneCode, string Address, double Latitude, double Longitude,
    string? Phone, string? Email, string? Website, string? Description, IReadOnlyList<TrainingSession> Sessions);

/// <summary>
/// A training offer of the map (issue 10): a school or training centre, the diploma, the route (initial, apprenticeship, VAE,
/// continuing) and its sessions, placed on the map by its coordinates. Managed by the guichet's staff, withdrawn rather than deleted.
/// </summary>
public sealed class TrainingOffer : DirectoryEntry
{
    public const int MaxSchoolLength = 150;
    public const int MaxAddressLength = 300;
    public const int MaxDescriptionLength = 2000;
    public const int MaxSessions = 6;

    public string School { get; private set; } = "";
    public Diploma Diploma { get; private set; }
    public TrainingRoute Route { get; private set; }
    public string Address { get; private set; } = "";
    public double Latitude { get; private set; }
    public double Longitude { get; private set; }
    public string? Phone { get; private set; }
    public string? Email { get; private set; }
    public string? Website { get; private set; }
    public string? Description { get; private set; }
    public List<TrainingSession> Sessions { get; private set; } = [];

    public override string Title => $"{School} – {Diploma.Label()}";

    /// <summary>Sessions not started yet on <paramref name="today"/>, the soonest first.</summary>
    public IEnumerable<TrainingSession> UpcomingSessions(DateOnly today) => Sessions.Where(s => s.StartsOn >= today).OrderBy(s => s.StartsOn);

    public static Outcome<TrainingOffer> Create(TrainingValues values, DateTimeOffset at, string by) =>
        Created(new TrainingOffer(), o => o.Update(values, at, by));

    public Outcome<bool> Update(TrainingValues v, DateTimeOffset at, string by)
    {
        var problems = Check(v);
        if (problems.Count > 0) return Outcome<bool>.Failure(problems);
        (School, Diploma, Route, CommuneCode, Address, Latitude, Longitude) = (v.School, v.Diploma, v.Route, v.CommuneCode, v.Address, v.Latitude, v.Longitude);
        (Phone, Email, Website, Description) = (v.Phone, v.Email, v.Website, v.Description);
        // Sessions are values: the list is replaced as a whole.
        Sessions = [.. v.Sessions.OrderBy(s => s.StartsOn)];
        Touch(at, by);
        return true;
    }

    /// <summary>
    /// A way to reach the school; coordinates in metropolitan France or overseas (the map places the marker there); sessions with
    /// an end not before their start and an application deadline not after it; at most <see cref="MaxSessions"/>.
    /// </summary>
    public static IReadOnlyList<Problem> Check(TrainingValues v)
    {
        var problems = new List<Problem>();
        if (!Enum.IsDefined(v.Diploma)) problems.Add(Problem.Of("training-diploma", "Diploma"));
        if (!Enum.IsDefined(v.Route)) problems.Add(Problem.Of("training-route", "Route"));
        if (v.Latitude is < -90 or > 90 || v.Longitude is < -180 or > 180 || (v.Latitude == 0 && v.Longitude == 0))
            problems.Add(Problem.Of("training-coordinates", "Latitude"));
        problems.AddRange(ContactText.Problems(v.Phone, v.Email, v.Website));
        if (v.Sessions.Count > MaxSessions) problems.Add(Problem.Of("training-sessions-count", "Sessions", MaxSessions));
        for (var i = 0; i < v.Sessions.Count; i++)
        {
            var s = v.Sessions[i];
            if (s.EndsOn < s.StartsOn) problems.Add(Problem.Of("training-session-end", $"Sessions[{i}].EndsOn"));
            if (s.ApplyBy > s.StartsOn) problems.Add(Problem.Of("training-session-apply", $"Sessions[{i}].ApplyBy"));
        }
        return problems;
    }
}

public static class TrainingLabels
{
    public static IReadOnlyList<Diploma> Diplomas { get; } = Enum.GetValues<Diploma>();
    public static IReadOnlyList<TrainingRoute> Routes { get; } = Enum.GetValues<TrainingRoute>();

    public static string Label(this Diploma diploma) => diploma switch
    {
        Diploma.CapAepe => "CAP accompagnant éducatif petite enfance (AEPE)",
        Diploma.AuxiliairePuericulture => "Auxiliaire de puériculture (diplôme d’État)",
        Diploma.Eje => "Éducateur ou éducatrice de jeunes enfants (EJE, diplôme d’État)",
        _ => diploma.ToString(),
    };

    public static string Label(this TrainingRoute route) => route switch
    {
        TrainingRoute.Initial => "Formation initiale",
        TrainingRoute.Apprenticeship => "Apprentissage",
        TrainingRoute.Vae => "Validation des acquis de l’expérience (VAE)",
        TrainingRoute.Continuing => "Formation continue, reconversion",
        _ => route.ToString(),
    };
}
