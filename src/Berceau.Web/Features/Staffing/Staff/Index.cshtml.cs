using Berceau.Domain.Offer;
using Berceau.Domain.Staffing;
using Berceau.Web.Features.Offer.Staff;
using Berceau.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Berceau.Web.Features.Staffing.Staff;

/// <summary>
/// A crèche's staffing: positions by profession, places agréées / gelées / ouvertes today, the freezes, and the professionals the
/// encadrement rule requires for an attendance (by default: every open place taken), against the professionals in post.
/// </summary>
public sealed class IndexModel(CurrentStaff staff, FacilityQueries queries, StaffingActions actions, OpenCapacity capacity)
    : StaffingPage(staff, queries)
{
    /// <summary>Children of a section whose oldest age is at most this are counted as not walking in the default attendance.</summary>
    public const int WalkingAgeMonths = 18;

    [BindProperty(SupportsGet = true)] public string? NotWalking { get; set; }
    [BindProperty(SupportsGet = true)] public string? Walking { get; set; }

    public FacilityStaffing Staffing { get; private set; } = null!;
    public IReadOnlyList<SectionCapacity> Capacities { get; private set; } = [];
    public IReadOnlyList<PlaceFreeze> Freezes { get; private set; } = [];
    public DateOnly Today => actions.Today;
    public Attendance? Attendance { get; private set; }
    public int? Required { get; private set; }
    public bool IsDefaultAttendance { get; private set; }
    public string? Message { get; private set; }

    public int Agreed => Capacities.Sum(c => c.Agreed);
    public int Frozen => Capacities.Sum(c => c.Frozen);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var denied = await LoadAsync(id, tracked: false, ct);
        if (denied is not null) return denied;
        Message = TempData[DetailsModel.MessageKey] as string;
        if (!Facility.Mode.IsCollective()) return Page();

        var today = Today;
        Staffing = await actions.StaffingAsync(Facility.Id, tracked: false, ct);
        Capacities = await capacity.BySectionAsync(Facility, today, ct);
        Freezes = await capacity.FreezesAsync([Facility.Id], today, ct);

        ModelState.Clear();
        if (string.IsNullOrWhiteSpace(NotWalking) && string.IsNullOrWhiteSpace(Walking))
        {
            // Every open place taken: the staff a full day needs at its busiest.
            var notWalking = Sections.Where(s => s.MaxAgeMonths <= WalkingAgeMonths).Sum(s => Open(s.Id));
            Attendance = new Attendance(notWalking, Sections.Sum(s => Open(s.Id)) - notWalking);
            IsDefaultAttendance = true;
        }
        else
        {
            var read = new InputReader();
            var n = read.Integer(NotWalking, nameof(NotWalking), 0, MaxChildren) ?? (string.IsNullOrWhiteSpace(NotWalking) ? 0 : null);
            var w = read.Integer(Walking, nameof(Walking), 0, MaxChildren) ?? (string.IsNullOrWhiteSpace(Walking) ? 0 : null);
            foreach (var p in read.Problems) ModelState.AddModelError(p.Field, p.Message);
            if (n is { } nn && w is { } ww) Attendance = new Attendance(nn, ww);
        }
        if (Attendance is { } attendance)
        {
            var required = Encadrement.Required(Staffing.Rule, attendance);
            if (required.IsSuccess) Required = required.Value;
        }
        if (Attendance is not null && !IsDefaultAttendance)
        {
            NotWalking = Attendance.Value.NotWalking.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Walking = Attendance.Value.Walking.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return Page();
    }

    /// <summary>More children than any crèche holds at once is a typing error.</summary>
    public const int MaxChildren = 500;

    public int Open(Guid sectionId) => Capacities.FirstOrDefault(c => c.SectionId == sectionId)?.Open ?? 0;

    public string SectionName(Guid sectionId) => Facility.Sections.FirstOrDefault(s => s.Id == sectionId)?.Name ?? "Section supprimée";
}
