using Berceau.Data;
using Berceau.Domain.Access;
using Berceau.Domain.Surveys;
using Berceau.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Surveys;

/// <summary>A territory a survey may belong to: a département (its code) or one of its communes.</summary>
public sealed record SurveyTerritory(string Departement, string? Commune, string Label)
{
    public string Code => Commune ?? Departement;
}

/// <summary>
/// Who runs which surveys, asked by every staff handler (the folder policy only says agent, pilotage or admin): the département's
/// CDSF secretariat (pilotage or admin with the département granted) runs the département's surveys and those of its communes;
/// a commune's agents (agent or admin whose territory covers the commune) run their commune's. Any other survey is not found (404).
/// </summary>
public sealed class SurveyAccess(BerceauDbContext db, CurrentStaff staff, TimeProvider clock)
{
    public DateTimeOffset Now => clock.GetUtcNow();
    public DateOnly Today => ParisTime.DayOf(Now);
    public string UserId => staff.UserId ?? "";

    private bool Steers => staff.User.IsInRole(Roles.Steering) || staff.User.IsInRole(Roles.Admin);
    private bool RunsCommunes => staff.User.IsInRole(Roles.Agent) || staff.User.IsInRole(Roles.Admin);

    public async Task<bool> CanManageAsync(string departement, string? commune, CancellationToken ct)
    {
        var scope = await staff.ScopeAsync(ct);
        if (Steers && scope.Departements.Contains(departement)) return true;
        return commune is not null && RunsCommunes && scope.CoversCommune(commune);
    }

    public Task<bool> CanManageAsync(Survey survey, CancellationToken ct) => CanManageAsync(survey.DepartementCode, survey.CommuneCode, ct);

    /// <summary>The survey with its questions if the person runs it; null (404) otherwise, as if it did not exist.</summary>
    public async Task<Survey?> SurveyAsync(Guid id, bool tracked, CancellationToken ct)
    {
        var surveys = tracked ? db.Surveys : db.Surveys.AsNoTracking();
        var survey = await surveys.Include(s => s.Questions).FirstOrDefaultAsync(s => s.Id == id, ct);
        return survey is not null && await CanManageAsync(survey, ct) ? survey : null;
    }

    /// <summary>The surveys the person runs, newest first.</summary>
    public async Task<IReadOnlyList<Survey>> SurveysAsync(CancellationToken ct)
    {
        var scope = await staff.ScopeAsync(ct);
        var departements = scope.Departements.Concat(scope.Communes.Select(TerritoryScope.DepartementOf)).Distinct().ToList();
        var found = await db.Surveys.AsNoTracking().Where(s => departements.Contains(s.DepartementCode)).ToListAsync(ct);
        var mine = new List<Survey>();
        foreach (var survey in found)
            if (await CanManageAsync(survey, ct)) mine.Add(survey);
        return [.. mine.OrderByDescending(s => s.CreatedAt).ThenBy(s => s.Id)];
    }

    /// <summary>The territories the person may create a survey for: their départements (secretariat), then their communes (agents).</summary>
    public async Task<IReadOnlyList<SurveyTerritory>> TerritoriesAsync(CancellationToken ct)
    {
        var scope = await staff.ScopeAsync(ct);
        var territories = new List<SurveyTerritory>();
        if (Steers)
            territories.AddRange(scope.Departements.Order(StringComparer.Ordinal).Select(d => new SurveyTerritory(d, null, $"Département {d}")));
        if (RunsCommunes)
        {
            var departements = scope.Departements.ToList();
            var communes = scope.Communes.ToList();
            var rows = await db.Communes.AsNoTracking()
                .Where(c => departements.Contains(c.DepartementCode) || communes.Contains(c.Code))
                .Select(c => new { c.Code, c.Name, c.DepartementCode }).ToListAsync(ct);
            territories.AddRange(rows.OrderBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.Code, StringComparer.Ordinal)
                .Select(c => new SurveyTerritory(c.DepartementCode, c.Code, $"{c.Name} ({c.Code})")));
        }
        return territories;
    }
}
