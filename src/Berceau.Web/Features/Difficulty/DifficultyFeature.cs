using Berceau.Domain.Access;
using Berceau.Domain.Difficulty;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Berceau.Web.Features.Difficulty;

/// <summary>Configuration section <c>Difficulty</c>: the thresholds of the alert list (docs/structures-difficulty.md).</summary>
public sealed class DifficultyOptions
{
    public const string Section = "Difficulty";

    public int OccupancyBelowPercent { get; set; } = 70;
    public int FrozenPlacesFrom { get; set; } = 1;
    public int VacancyRateFromPercent { get; set; } = 20;
    public int OccupancyMaxAgeMonths { get; set; } = 12;

    public DifficultyThresholds Thresholds => new(OccupancyBelowPercent, FrozenPlacesFrom, VacancyRateFromPercent, OccupancyMaxAgeMonths);
}

/// <summary>
/// Structures in difficulty (issue 10, docs/structures-difficulty.md): the alert list for the advisors of the Caf, the PMI and the
/// communes, the signals they record (PMI findings, financial alerts, occupancy rates) and the accompaniment case of a structure.
/// </summary>
public static class DifficultyFeature
{
    public const string ListPath = "/pro/structures-en-difficulte";
    public const string CasesPath = "/pro/accompagnements";
    /// <summary>Advisors (and admins) of the territory: the list names structures and what advisors wrote about them.</summary>
    public const string Policy = "structures-difficulte";

    public static string StructurePath(Guid facility) => $"{ListPath}/{facility}";
    public static string CasePath(Guid id) => $"{CasesPath}/{id}";

    public static IServiceCollection AddDifficultyFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DifficultyOptions>().Bind(configuration.GetSection(DifficultyOptions.Section))
            .Validate(o => o.Thresholds.Check().Count == 0, "Difficulty: a threshold is out of range (see docs/structures-difficulty.md).")
            .ValidateOnStart();
        services.AddAuthorizationBuilder().AddPolicy(Policy, p => p.RequireRole(Roles.Advisor, Roles.Admin));
        services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Difficulty/Staff", Policy));
        services.AddScoped<DifficultyQueries>();
        services.AddScoped<DifficultyActions>();
        return services;
    }

    public static DifficultyThresholds Thresholds(this IOptions<DifficultyOptions> options) => options.Value.Thresholds;
}

/// <summary>The audit lines of the alert list, the signals and the accompaniment cases: every change and every read (as for family follow-up cases).</summary>
public static class DifficultyAudit
{
    public const string StructureType = "structure en difficulté";
    public const string CaseType = "accompagnement de structure";
    public const string ListRead = "lecture de la liste des structures en difficulté";
    public const string StructureRead = "lecture des signalements d’une structure";
    public const string SignalRecorded = "signalement d’une structure";
    public const string SignalLifted = "levée d’un signalement";
    public const string Opened = "ouverture de l’accompagnement";
    public const string ActionRecorded = "action d’accompagnement";
    public const string Closed = "clôture de l’accompagnement";
    public const string Reopened = "réouverture de l’accompagnement";
    public const string Read = "lecture de l’accompagnement";
}
