using Berceau.Data;
using Berceau.Domain.Offer;
using Berceau.Web.Features.Offer.Staff;
using Berceau.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Berceau.Web.Features.Offer.Childminder;

/// <summary>
/// An assistant·e maternel·le (or a MAM) declares their own free places, within their agrément, from their account: the same
/// declaration and the same rules as the relais's page (<see cref="DeclareVacancies"/>). The account is attached to its
/// agrément(s) by a facility grant; it sees and changes nothing else.
/// </summary>
public sealed class AvailabilityModel(CurrentStaff account, BerceauDbContext db, FacilityQueries queries, DeclareVacancies declare)
    : PageModel, IVacancyForm
{
    public const string Path = "/am/disponibilites";
    public const string MessageKey = "am-message";

    [BindProperty]
    public VacancyInput Input { get; set; } = new();

    public Facility Facility { get; private set; } = null!;

    /// <summary>The agréments attached to the account, when it has several and none is chosen.</summary>
    public IReadOnlyList<(Guid Id, string Name)> Choices { get; private set; } = [];

    /// <summary>A self-registration waits for the relais's check.</summary>
    public bool RegistrationPending { get; private set; }

    public IReadOnlyList<SelectListItem> DayItems => DayChoices.Items;

    /// <summary>Every declared place is older than 2 months: families no longer see them.</summary>
    public bool IsStale => Facility.Vacancies.Count > 0 && !Facility.Vacancies.Any(v => v.IsFresh(queries.Now));

    [TempData(Key = MessageKey)]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        var denied = await LoadAsync(id, tracked: false, ct);
        if (denied is not null) return denied;
        if (Facility is not null) Input = Blank();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        var denied = await LoadAsync(id, tracked: true, ct);
        if (denied is not null) return denied;
        if (Facility is null) return BadRequest();
        ModelState.Clear();
        var outcome = await declare.DeclareAsync(await MeAsync(ct), Facility, Input, ct);
        if (!outcome.IsSuccess)
        {
            ModelState.AddProblems(outcome.Problems, nameof(Input));
            return Page();
        }
        Message = "Vos places disponibles ont été enregistrées : les familles les voient dès maintenant.";
        return Redirect(PathOf(Facility.Id.Value));
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid? id, CancellationToken ct)
    {
        var denied = await LoadAsync(id, tracked: true, ct);
        if (denied is not null) return denied;
        if (Facility is null) return BadRequest();
        await declare.WithdrawAsync(Facility, ct);
        Message = "Votre déclaration a été retirée : les familles ne voient plus de place disponible chez vous.";
        return Redirect(PathOf(Facility.Id.Value));
    }

    public static string PathOf(Guid id) => $"{Path}/{id}";

    public DateOnly Today => queries.Today;

    public IReadOnlyList<Vacancy> Current(Guid? sectionId) => [.. Facility.Vacancies.OrderBy(v => v.From)];

    public string Describe(Vacancy v) => OfferDisplay.Vacancy(v, queries.Now, staleAdvice: ", déclarez à nouveau");

    private async Task<StaffMember> MeAsync(CancellationToken ct) => new(account.User, await account.ScopeAsync(ct));

    private VacancyInput Blank() => new()
    {
        Days = InputReader.Format(Facility.Vacancies.Select(v => v.Days).FirstOrDefault(d => d != WeekDays.None, Facility.OpeningDays)),
        MinAgeMonths = InputReader.Format(Facility.Agrement?.MinAgeMonths),
        MaxAgeMonths = InputReader.Format(Facility.Agrement?.MaxAgeMonths),
    };

    /// <summary>Finds the agrément to show (see <see cref="OwnFacilities"/>); Facility stays null when there is none or a choice to make.</summary>
    private async Task<IActionResult?> LoadAsync(Guid? id, bool tracked, CancellationToken ct)
    {
        var choice = await OwnFacilities.ChooseAsync(account, db, id, ct);
        if (choice.Forbidden) return Forbid();
        if (choice.Chosen is not { } chosen)
        {
            Choices = choice.Options;
            RegistrationPending = choice.Options.Count == 0 && await OwnFacilities.RegistrationPendingAsync(account, db, ct);
            return null;
        }
        Facility = (await queries.FindAsync(chosen.Value, tracked, ct))!;
        return null;
    }
}
