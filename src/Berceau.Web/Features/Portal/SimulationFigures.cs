using Berceau.Domain.Common;
using Berceau.Domain.Fees;
using Microsoft.AspNetCore.WebUtilities;

namespace Berceau.Web.Features.Portal;

/// <summary>
/// The figures a family typed in the cost simulator, as text (so that they are shown back as typed). They travel in the
/// simulator's URL (shareable: figures only, no name) and in the <see cref="SimulationCookie"/> that the structure pages read.
/// Property names are the query-string names of the simulator's form.
/// </summary>
public sealed record SimulationFigures(
    string? AnnualResources,
    string? Children,
    string? DisabledChild,
    string? HoursPerWeek,
    string? WeeksPerYear,
    string? AmHourlyWage,
    string? HomeCareHourlyWage)
{
    private static readonly (string Name, Func<SimulationFigures, string?> Get)[] Fields =
    [
        (nameof(AnnualResources), f => f.AnnualResources),
        (nameof(Children), f => f.Children),
        (nameof(DisabledChild), f => f.DisabledChild),
        (nameof(HoursPerWeek), f => f.HoursPerWeek),
        (nameof(WeeksPerYear), f => f.WeeksPerYear),
        (nameof(AmHourlyWage), f => f.AmHourlyWage),
        (nameof(HomeCareHourlyWage), f => f.HomeCareHourlyWage),
    ];

    /// <summary>How each field is named in the messages, and an example of a good answer.</summary>
    private static readonly Dictionary<string, (string Noun, string Label, string Example)> Descriptions = new(StringComparer.Ordinal)
    {
        [nameof(AnnualResources)] = ("vos ressources annuelles", "Ressources annuelles", "36\u00a0000"),
        [nameof(Children)] = ("le nombre d’enfants à charge", "Nombre d’enfants à charge", "2"),
        [nameof(HoursPerWeek)] = ("le nombre d’heures d’accueil par semaine", "Heures par semaine", "40"),
        [nameof(WeeksPerYear)] = ("le nombre de semaines d’accueil par an", "Semaines par an", "45"),
        [nameof(AmHourlyWage)] = ("le salaire horaire de l’assistant·e maternel·le", "Salaire horaire de l’assistant·e maternel·le", "4,50"),
        [nameof(HomeCareHourlyWage)] = ("le salaire horaire de la garde à domicile", "Salaire horaire de la garde à domicile", "12"),
    };

    /// <summary>The domain names its fields as the API does; the form uses these property names.</summary>
    private static readonly Dictionary<string, string> DomainFields = new(StringComparer.Ordinal)
    {
        [FeeFields.AnnualResources] = nameof(AnnualResources),
        [FeeFields.Children] = nameof(Children),
        [FeeFields.HoursPerWeek] = nameof(HoursPerWeek),
        [FeeFields.WeeksPerYear] = nameof(WeeksPerYear),
        [FeeFields.AmHourlyWage] = nameof(AmHourlyWage),
        [FeeFields.GardeDomicileHourlyWage] = nameof(HomeCareHourlyWage),
    };

    public bool HasDisabledChild => string.Equals(DisabledChild?.Trim(), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The simulator's input, or the problems of each field (named by its property), one per field. Ranges are the
    /// domain's (<see cref="FeeInputRules"/>).
    /// </summary>
    public Outcome<SimulationInput> Parse()
    {
        var problems = new List<Problem>();
        var resources = Required(nameof(AnnualResources), AnnualResources, problems);
        var children = Required(nameof(Children), Children, problems);
        if (children is { } c && c != decimal.Truncate(c))
        {
            problems.Add(NotANumber(nameof(Children)));
            children = null;
        }
        var hours = Required(nameof(HoursPerWeek), HoursPerWeek, problems);
        var weeks = Required(nameof(WeeksPerYear), WeeksPerYear, problems);
        var amWage = Optional(nameof(AmHourlyWage), AmHourlyWage, problems);
        var homeWage = Optional(nameof(HomeCareHourlyWage), HomeCareHourlyWage, problems);

        // Each range is checked on its own (with a valid partner value), so that one answer gives every message at once.
        if (resources is { } r)
            problems.AddRange(Only(FeeInputRules.Household(r, 1), FeeFields.AnnualResources));
        if (children is { } n)
            problems.AddRange(Only(FeeInputRules.Household(0m, (int)Math.Clamp(n, -1m, FeeInputRules.MaxChildren + 1m)), FeeFields.Children));
        if (hours is { } h)
            problems.AddRange(Only(FeeInputRules.Attendance(h, FeeInputRules.MinWeeksPerYear), FeeFields.HoursPerWeek));
        if (weeks is { } w)
            problems.AddRange(Only(FeeInputRules.Attendance(FeeInputRules.MinHoursPerWeek, w), FeeFields.WeeksPerYear));
        problems.AddRange(FeeInputRules.HourlyWage(amWage, FeeFields.AmHourlyWage).Select(Named));
        problems.AddRange(FeeInputRules.HourlyWage(homeWage, FeeFields.GardeDomicileHourlyWage).Select(Named));

        if (problems.Count > 0) return Outcome<SimulationInput>.Failure(problems);
        return new SimulationInput(resources!.Value, (int)children!.Value, HasDisabledChild, hours!.Value, weeks!.Value, amWage, homeWage);
    }

    private static IEnumerable<Problem> Only(IEnumerable<Problem> problems, string domainField) =>
        problems.Where(p => p.Field == domainField).Select(Named);

    /// <summary>A domain problem, renamed to the form's field and prefixed with the field's label (the summary lists it alone).</summary>
    public static Problem Named(Problem problem)
    {
        var field = DomainFields.GetValueOrDefault(problem.Field, problem.Field);
        if (!Descriptions.TryGetValue(field, out var description)) return problem with { Field = field };
        var message = problem.Message.Length > 0 ? char.ToLowerInvariant(problem.Message[0]) + problem.Message[1..] : problem.Message;
        return problem with { Field = field, Message = $"{description.Label}\u00a0: {message}" };
    }

    /// <summary>"AnnualResources=36000&amp;Children=1…", the simulator's own URL query (without the leading "?").</summary>
    public string ToQueryString() =>
        string.Join('&', Fields
            .Where(f => !string.IsNullOrWhiteSpace(f.Get(this)))
            .Select(f => f.Name + "=" + Uri.EscapeDataString(f.Get(this)!.Trim())));

    public static SimulationFigures FromQuery(Func<string, string?> get) => new(
        get(nameof(AnnualResources)), get(nameof(Children)), get(nameof(DisabledChild)), get(nameof(HoursPerWeek)),
        get(nameof(WeeksPerYear)), get(nameof(AmHourlyWage)), get(nameof(HomeCareHourlyWage)));

    public static SimulationFigures FromQueryString(string query)
    {
        var values = QueryHelpers.ParseQuery(query.StartsWith('?') ? query : "?" + query);
        return FromQuery(name => values.TryGetValue(name, out var v) ? v.ToString() : null);
    }

    private static decimal? Required(string field, string? text, List<Problem> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            var d = Descriptions[field];
            problems.Add(Problem.Of("simulator-required", field, d.Noun, d.Example));
            return null;
        }
        return Optional(field, text, problems);
    }

    private static decimal? Optional(string field, string? text, List<Problem> problems)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (PortalInput.TryNumber(text, out var value)) return value;
        problems.Add(NotANumber(field));
        return null;
    }

    private static Problem NotANumber(string field)
    {
        var d = Descriptions[field];
        return Problem.Of("simulator-not-a-number", field, d.Noun, d.Example);
    }
}

/// <summary>
/// The simulator's figures kept in the browser for 30 days, so that each structure page can show the family's estimated
/// cost. Only figures (resources, hours, wages), never a name; HttpOnly and SameSite=Lax; erasable from the simulator.
/// </summary>
public static class SimulationCookie
{
    public const string Name = "berceau.simulation";
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    public static SimulationFigures? Read(HttpRequest request) =>
        request.Cookies.TryGetValue(Name, out var value) && !string.IsNullOrWhiteSpace(value)
            ? SimulationFigures.FromQueryString(value)
            : null;

    public static void Write(HttpResponse response, SimulationFigures figures, DateTimeOffset now) =>
        response.Cookies.Append(Name, figures.ToQueryString(), Options(response.HttpContext.Request, now.Add(Lifetime)));

    public static void Delete(HttpResponse response) =>
        response.Cookies.Delete(Name, Options(response.HttpContext.Request, expires: null));

    private static CookieOptions Options(HttpRequest request, DateTimeOffset? expires) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Lax,
        Secure = request.IsHttps,
        IsEssential = true,
        Path = "/",
        Expires = expires,
    };
}
