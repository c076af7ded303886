using Berceau.Data;
using Berceau.Domain.Common;
using Berceau.Domain.Offer;
using Berceau.Domain.Staffing;
using Berceau.Web.Features.Offer;
using Berceau.Web.Features.Offer.Staff;
using Berceau.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Jobs;

/// <summary>A job offer as the gestionnaire types it (text, so that what was typed is shown back with its message).</summary>
public sealed record JobInput
{
    public int Version { get; init; }
    public string? CommuneCode { get; init; }
    public string? FacilityId { get; init; }
    public string? Title { get; init; }
    public string? Employer { get; init; }
    public string? Profession { get; init; }
    public string? Contract { get; init; }
    public string? FullTime { get; init; } = "true";
    public string? StartDate { get; init; }
    public string? ExpiresOn { get; init; }
    public string? Description { get; init; }
    public string? HowToApply { get; init; }

    public static JobInput From(JobPosting j) => new()
    {
        Version = j.Version, CommuneCode = j.CommuneCode, FacilityId = j.FacilityId?.ToString(), Title = j.Title, Employer = j.Employer,
        Profession = j.Profession.ToString(), Contract = j.Contract.ToString(), FullTime = j.FullTime ? "true" : "false",
        StartDate = InputReader.Format(j.StartDate), ExpiresOn = InputReader.Format(j.ExpiresOn), Description = j.Description,
        HowToApply = j.HowToApply,
    };
}

/// <summary>Where a gestionnaire may post: the communes their territory covers (agents, admins) or their structures (directors).</summary>
public sealed record PostingChoices(IReadOnlyList<(string Code, string Name)> Communes, IReadOnlyList<Facility> Facilities)
{
    /// <summary>A director posts for one of their structures; an agent or admin for a commune.</summary>
    public bool ForFacility => Communes.Count == 0;
}

/// <summary>
/// The gestionnaire's side of the job board. Agents and admins post for the communes their territory covers as a whole;
/// directors for the structures granted to them (the offer's commune is the structure's). Every page asks <see cref="FindAsync"/>
/// or <see cref="PosterAsync"/> on GET and POST; each change is audited.
/// </summary>
public sealed class JobForms(BerceauDbContext db, CurrentStaff staff, AuditLog audit, JobQueries queries, TimeProvider clock)
{
    public const string EntityType = "JobPosting";
    public const string Posted = "publication d’une offre d’emploi";
    public const string Updated = "modification d’une offre d’emploi";
    public const string Closed = "clôture d’une offre d’emploi";
    public const int MaxMonthsToStart = 12;
    public const int DefaultMonthsOnline = 2;

    /// <summary>The signed-in gestionnaire with where they may post, or null when they may not post at all.</summary>
    public async Task<(StaffMember User, PostingChoices Choices)?> PosterAsync(CancellationToken ct)
    {
        var user = await FacilityAccess.CurrentAsync(staff, ct);
        if (user.ManagesTerritory)
        {
            var communes = await queries.CommunesAsync(user.Scope, ct);
            return communes.Count == 0 ? null : (user, new PostingChoices(communes, []));
        }
        if (!user.IsDirector || user.Scope.Facilities.Count == 0) return null;
        var ids = user.Scope.Facilities.Select(id => new FacilityId(id)).ToList();
        var facilities = await db.Facilities.AsNoTracking().Where(f => ids.Contains(f.Id)).OrderBy(f => f.Name).ToListAsync(ct);
        return facilities.Count == 0 ? null : (user, new PostingChoices([], facilities));
    }

    public static bool CanManage(StaffMember user, JobPosting posting) =>
        (user.ManagesTerritory && user.Scope.CoversCommune(posting.CommuneCode))
        || (posting.FacilityId is { } facility && (user.IsDirector || user.ManagesTerritory) && user.Scope.Facilities.Contains(facility.Value));

    /// <summary>The offer, when the signed-in gestionnaire manages it; null otherwise (the page answers 404).</summary>
    public async Task<JobPosting?> FindAsync(Guid id, bool tracked, CancellationToken ct)
    {
        var postings = tracked ? db.JobPostings : db.JobPostings.AsNoTracking();
        var posting = await postings.FirstOrDefaultAsync(j => j.Id == id, ct);
        if (posting is null) return null;
        var user = await FacilityAccess.CurrentAsync(staff, ct);
        return CanManage(user, posting) ? posting : null;
    }

    public async Task<Outcome<JobPosting>> CreateAsync(StaffMember user, PostingChoices choices, JobInput input, CancellationToken ct)
    {
        var read = new InputReader();
        var v = Read(read, input, choices, null);
        if (read.Problems.Count > 0) return Outcome<JobPosting>.Failure(read.Problems);
        var posting = new JobPosting
        {
            CommuneCode = v.CommuneCode, Title = v.Title, Employer = v.Employer, Description = v.Description, HowToApply = v.HowToApply,
            PostedAt = clock.GetUtcNow(), PostedBy = user.Name,
        };
        Apply(posting, v);
        db.JobPostings.Add(posting);
        audit.Record(Posted, EntityType, posting.Id.ToString(), Describe(posting));
        await db.SaveChangesAsync(ct);
        return posting;
    }

    public async Task<IReadOnlyList<Problem>> UpdateAsync(JobPosting posting, PostingChoices choices, JobInput input, CancellationToken ct)
    {
        if (posting.IsClosed) return [Problem.Of("job-closed", "")];
        if (posting.Version != input.Version) return [Problem.Of("concurrency", "")];
        var read = new InputReader();
        var v = Read(read, input, choices, posting);
        if (read.Problems.Count > 0) return read.Problems;
        Apply(posting, v);
        posting.Touch();
        audit.Record(Updated, EntityType, posting.Id.ToString(), Describe(posting));
        return await SaveAsync(ct);
    }

    public async Task<IReadOnlyList<Problem>> CloseAsync(JobPosting posting, int version, CancellationToken ct)
    {
        if (posting.Version != version) return [Problem.Of("concurrency", "")];
        if (!posting.Close(clock.GetUtcNow(), staff.User.Identity?.Name ?? "")) return [Problem.Of("job-closed", "")];
        audit.Record(Closed, EntityType, posting.Id.ToString(), Describe(posting));
        return await SaveAsync(ct);
    }

    private static string Describe(JobPosting j) =>
        $"{j.CommuneCode} {j.Profession.Code()} {j.Contract.Code()} « {j.Title} » jusqu’au {j.ExpiresOn:yyyy-MM-dd}";

    private async Task<IReadOnlyList<Problem>> SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return [];
        }
        catch (DbUpdateConcurrencyException)
        {
            return [Problem.Of("concurrency", "")];
        }
    }

    private sealed record Values(string CommuneCode, FacilityId? FacilityId, string Title, string Employer, Profession Profession,
        ContractType Contract, bool FullTime, DateOnly? StartDate, DateOnly ExpiresOn, string Description, string HowToApply);

    private Values Read(InputReader read, JobInput input, PostingChoices choices, JobPosting? existing)
    {
        var today = queries.Today;
        var commune = input.CommuneCode?.Trim() ?? "";
        FacilityId? facilityId = null;
        if (choices.ForFacility)
        {
            var facility = choices.Facilities.FirstOrDefault(f => f.Id.ToString() == input.FacilityId?.Trim());
            if (facility is null) read.Add("job-facility", nameof(input.FacilityId));
            else (facilityId, commune) = (facility.Id, facility.CommuneCode);
        }
        else if (!choices.Communes.Any(c => c.Code == commune))
        {
            read.Add("job-commune", nameof(input.CommuneCode));
        }
        else
        {
            // An agent's correction keeps the structure a director had named, as long as it stands in the commune chosen.
            facilityId = existing?.CommuneCode == commune ? existing.FacilityId : null;
        }
        var title = read.Text(input.Title, nameof(input.Title), JobPosting.MaxTitleLength, required: true);
        var employer = read.Text(input.Employer, nameof(input.Employer), JobPosting.MaxEmployerLength, required: true);
        Profession profession = default;
        if (!Enum.TryParse(input.Profession, out profession) || !Enum.IsDefined(profession)) read.Add("job-profession", nameof(input.Profession));
        ContractType contract = default;
        if (!Enum.TryParse(input.Contract, out contract) || !Enum.IsDefined(contract)) read.Add("job-contract", nameof(input.Contract));
        var fullTime = input.FullTime switch { "true" => true, "false" => (bool?)false, _ => null };
        if (fullTime is null) read.Add("job-time", nameof(input.FullTime));
        var start = read.Date(input.StartDate, nameof(input.StartDate));
        if (start is { } s && s != existing?.StartDate && (s < today || s > today.AddMonths(MaxMonthsToStart)))
            read.Add("job-start-range", nameof(input.StartDate), today, MaxMonthsToStart);
        var expires = read.Date(input.ExpiresOn, nameof(input.ExpiresOn), required: true);
        if (expires is { } e && (e < today || e > today.AddMonths(JobPosting.MaxMonthsOnline)))
            read.Add("job-expiry-range", nameof(input.ExpiresOn), today, JobPosting.MaxMonthsOnline, today.AddMonths(DefaultMonthsOnline));
        var description = read.Text(input.Description, nameof(input.Description), JobPosting.MaxDescriptionLength, required: true);
        var howToApply = read.Text(input.HowToApply, nameof(input.HowToApply), JobPosting.MaxHowToApplyLength, required: true);
        return new Values(commune, facilityId, title ?? "", employer ?? "", profession, contract, fullTime ?? true, start,
            expires ?? today, description ?? "", howToApply ?? "");
    }

    private static void Apply(JobPosting j, Values v)
    {
        j.CommuneCode = v.CommuneCode;
        j.FacilityId = v.FacilityId;
        j.Title = v.Title;
        j.Employer = v.Employer;
        j.Profession = v.Profession;
        j.Contract = v.Contract;
        j.FullTime = v.FullTime;
        j.StartDate = v.StartDate;
        j.ExpiresOn = v.ExpiresOn;
        j.Description = v.Description;
        j.HowToApply = v.HowToApply;
    }
}
