using Berceau.Domain.Applications;
using Berceau.Domain.Commission;
using Berceau.Domain.Offer;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Berceau.Domain.Tests.Commission;

/// <summary>
/// A commission's freeze reads an application in part (its status and the instant of its last change, not its history) and
/// checks the move to « en commission » itself: it must say exactly what the whole application would say.
/// </summary>
public class ExaminedMoveTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly FacilityId Creche = FacilityId.New();

    private static Application Submitted()
    {
        var application = new Application { Reference = "DEM-93048-2026-000001", CommuneCode = "93048", FamilyUserId = "famille-1", CreatedAt = Now };
        var request = new ApplicationRequest
        {
            Child = new ChildInput("Inès", "Martin", new DateOnly(2026, 6, 1), null),
            Guardians = [new GuardianInput("Awa", "Martin", GuardianSituation.Employed)],
            AnnualResources = 32000,
            DesiredStart = new DateOnly(2027, 1, 18),
            Days = WeekDays.Weekdays,
            From = new TimeOnly(8, 30),
            To = new TimeOnly(17, 30),
            Wishes = [new WishInput(Creche)],
        };
        Assert.True(application.Fill(request, new ApplicationAddress("1 rue A", "93100", null), true, Now).IsSuccess);
        Assert.True(application.Submit(new WishChoices(new HashSet<FacilityId> { Creche }, null), Today, Now, "famille-1").IsSuccess);
        return application;
    }

    /// <summary>
    /// Any legal walk of the timeline (the commission, offers, refusals, an erasure now and then), then a freeze at any instant,
    /// before the last change too: the partial read and the whole application agree on the change, or on why it is refused.
    /// </summary>
    [Property(MaxTest = 300)]
    public Property MoveToCommittee_SaysWhatTheWholeApplicationSays() =>
        Prop.ForAll(
            Gen.Choose(0, 1000).ArrayOf().ToArbitrary(),
            Gen.Choose(-3, 3).ToArbitrary(),
            Gen.Choose(0, 9).ToArbitrary(),
            (steps, hoursFromLast, erase) =>
            {
                var application = Submitted();
                var at = Now;
                foreach (var step in steps)
                {
                    var legal = ApplicationStatuses.NextOf(application.Status);
                    if (legal.Count == 0) break;
                    application.Move(legal[step % legal.Count], at = at.AddHours(1 + step % 48), "agent-1", "raison");
                }
                if (erase == 0) application.Erase(at = at.AddHours(1), "agent-1");
                var freeze = at.AddHours(hoursFromLast);

                var examined = ExaminedApplication.Of(application).MoveToCommittee(freeze, "membre-1");
                var whole = application.Move(ApplicationStatus.InCommittee, freeze, "membre-1");

                return examined.IsSuccess == whole.IsSuccess
                    && (whole.IsSuccess
                        ? examined.Value == whole.Value
                        : examined.Problems.Select(p => p.Code).SequenceEqual(whole.Problems.Select(p => p.Code)));
            });
}
