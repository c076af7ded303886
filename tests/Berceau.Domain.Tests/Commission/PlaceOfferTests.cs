using Berceau.Domain.Applications;
using Berceau.Domain.Commission;
using Berceau.Domain.Offer;

namespace Berceau.Domain.Tests.Commission;

public class PlaceOfferTests
{
    private static readonly DateOnly Today = new(2027, 3, 20);
    private static readonly DateTimeOffset At = new(2027, 3, 20, 9, 0, 0, TimeSpan.Zero);
    private static readonly CommissionSessionId Session = CommissionSessionId.New();
    private static readonly Guid Section = Guid.NewGuid();

    /// <summary>An application in committee (through its own verbs), as the freeze leaves it.</summary>
    private static Application InCommittee()
    {
        var application = new Application { Reference = "DEM-T-1", CommuneCode = "93048", CreatedAt = At.AddMonths(-3) };
        foreach (var (to, days) in new[] { (ApplicationStatus.Submitted, 90), (ApplicationStatus.Complete, 80), (ApplicationStatus.InCommittee, 10) })
            Assert.True(application.Move(to, At.AddDays(-days), "agent").IsSuccess);
        return application;
    }

    private static (PlaceOffer Offer, Application Application) Offered()
    {
        var application = InCommittee();
        var proposed = PlaceOffer.Propose(Session, application, FacilityId.New(), Section, 2, 0, 10, "Une place vous est proposée.", Today, At, "agent");
        Assert.True(proposed.IsSuccess);
        return (proposed.Value.Offer, application);
    }

    [Fact]
    public void Propose_HoldsTheSeat_MovesTheApplication_AndGivesTheDeadline()
    {
        var (offer, application) = Offered();

        Assert.Equal(ApplicationStatus.Offered, application.Status);
        Assert.Equal("Une place vous est proposée.", application.StatusChanges[^1].Reason);
        Assert.Equal(Today.AddDays(10), offer.Deadline);
        Assert.Equal(PlaceOffer.KeyOf(Session, Section, 2), offer.SeatKey);
        Assert.True(offer.IsOpenOn(Today.AddDays(10)));
        Assert.False(offer.IsOpenOn(Today.AddDays(11)));
    }

    [Fact]
    public void Refuse_UnderTheCommunesEndRule_ReleasesTheSeat_AndEndsTheApplication_WithTheFamilysReasonOrADefaultOne()
    {
        var (offer, application) = Offered();

        Assert.True(offer.Refuse(application, "  ", Today, At, "famille", DeclinedOfferRule.EndApplication).IsSuccess);

        Assert.Equal((OfferStatus.Refused, (string?)null, (string?)null), (offer.Status, offer.SeatKey, offer.Reason));
        Assert.Equal((ApplicationStatus.Declined, PlaceOffer.RefusedWithoutReason), (application.Status, application.StatusChanges[^1].Reason));
        Assert.Equal("offer-answered", Assert.Single(offer.Accept(application, Today, At, "famille").Problems).Code);
    }

    [Fact]
    public void Refuse_ByDefault_PutsTheApplicationBackOnTheWaitingList_AndSaysSoWithTheFamilysReason()
    {
        var (offer, application) = Offered();

        var refused = offer.Refuse(application, "Trop loin.", Today, At, "famille");

        Assert.True(refused.IsSuccess);
        Assert.Equal((ApplicationStatus.Offered, ApplicationStatus.Waitlisted), (refused.Value.From, refused.Value.To));
        Assert.Equal("Place refusée : Trop loin. " + PlaceOffer.BackOnWaitlistAfterRefusal, refused.Value.Reason);
        Assert.Equal((OfferStatus.Refused, "Trop loin.", (string?)null), (offer.Status, offer.Reason, offer.SeatKey));
        // From the waiting list, the next commission can take it, or a released seat be offered.
        Assert.True(ApplicationStatuses.CanMove(application.Status, ApplicationStatus.InCommittee));
    }

    [Theory]
    [InlineData(DeclinedOfferRule.KeepOnWaitlist, ApplicationStatus.Waitlisted, PlaceOffer.BackOnWaitlistAfterExpiry)]
    [InlineData(DeclinedOfferRule.EndApplication, ApplicationStatus.Lapsed, PlaceOffer.LapsedAfterExpiry)]
    public void Expire_FollowsTheCommunesRule(DeclinedOfferRule rule, ApplicationStatus after, string sentence)
    {
        var (offer, application) = Offered();

        var expired = offer.Expire(application, "Sans réponse.", Today.AddDays(11), At.AddDays(11), "tâche", rule);

        Assert.True(expired.IsSuccess);
        Assert.Equal((after, "Sans réponse. " + sentence), (application.Status, expired.Value.Reason));
        Assert.Equal((OfferStatus.Expired, (string?)null), (offer.Status, offer.SeatKey));
    }

    /// <summary>An application that accepted <c>held</c> (seat 2) and is offered seat 1 of a better wish.</summary>
    private static (PlaceOffer Better, PlaceOffer Held, Application Application) OfferedBetter()
    {
        var (held, application) = Offered();
        Assert.True(held.Accept(application, Today, At, "famille").IsSuccess);
        var better = PlaceOffer.Propose(Session, application, FacilityId.New(), Guid.NewGuid(), 1, 1, 10, "Une meilleure place.", Today, At.AddHours(1), "tâche", held);
        Assert.True(better.IsSuccess);
        return (better.Value.Offer, held, application);
    }

    [Fact]
    public void AnAcceptedPlace_IsOfferedAgain_OnlyForABetterWish_AndIsKeptMeanwhile()
    {
        var (held, application) = Offered();
        Assert.True(held.Accept(application, Today, At, "famille").IsSuccess);

        var blind = PlaceOffer.Propose(Session, application, FacilityId.New(), Guid.NewGuid(), 1, 1, 10, "Une place.", Today, At, "tâche");
        Assert.Equal("offer-holds-place", Assert.Single(blind.Problems).Code);
        Assert.Equal(ApplicationStatus.Accepted, application.Status);

        var (better, kept, upgraded) = OfferedBetter();
        Assert.Equal(ApplicationStatus.Offered, upgraded.Status);
        Assert.Equal((OfferStatus.Accepted, true), (kept.Status, kept.SeatKey is not null));
        Assert.NotNull(better.SeatKey);
    }

    [Fact]
    public void AcceptingTheBetterWish_ReleasesTheHeldPlace()
    {
        var (better, held, application) = OfferedBetter();

        Assert.True(better.Accept(application, Today, At.AddHours(2), "famille", held).IsSuccess);

        Assert.Equal(ApplicationStatus.Accepted, application.Status);
        Assert.Equal((OfferStatus.Replaced, (string?)null, PlaceOffer.ReplacedReason), (held.Status, held.SeatKey, held.Reason));
        Assert.Equal((OfferStatus.Accepted, true), (better.Status, better.SeatKey is not null));
    }

    [Fact]
    public void RefusingOrMissingTheBetterWish_KeepsTheHeldPlace_WhateverTheCommunesRule()
    {
        var (better, held, application) = OfferedBetter();
        var refused = better.Refuse(application, null, Today, At.AddHours(2), "famille", DeclinedOfferRule.EndApplication, held);

        Assert.Equal((ApplicationStatus.Accepted, "Place refusée. " + PlaceOffer.KeepsAcceptedPlace), (application.Status, refused.Value.Reason));
        Assert.Equal((OfferStatus.Refused, OfferStatus.Accepted), (better.Status, held.Status));
        Assert.NotNull(held.SeatKey);

        var (late, kept, other) = OfferedBetter();
        Assert.True(late.Expire(other, "Sans réponse.", Today.AddDays(11), At.AddDays(11), "tâche", DeclinedOfferRule.EndApplication, kept).IsSuccess);
        Assert.Equal((ApplicationStatus.Accepted, OfferStatus.Expired, OfferStatus.Accepted), (other.Status, late.Status, kept.Status));
    }

    [Fact]
    public void TheHeldPlace_MustBeAnotherAcceptedOfferOfTheSameApplication()
    {
        var (better, held, application) = OfferedBetter();
        var (stranger, _) = Offered();

        Assert.Throws<ArgumentException>(() => better.Accept(application, Today, At, "famille", stranger));
        Assert.Throws<ArgumentException>(() => better.Accept(application, Today, At, "famille", better));
        Assert.Equal(OfferStatus.Accepted, held.Status);
    }

    [Fact]
    public void AfterTheDeadline_TheFamilyCannotAnswer_AndOnlyThenTheOfferExpires()
    {
        var (offer, application) = Offered();

        Assert.Equal("offer-not-expired", Assert.Single(offer.Expire(application, "Sans réponse.", Today.AddDays(10), At, "tâche").Problems).Code);
        Assert.Equal("offer-deadline-passed", Assert.Single(offer.Accept(application, Today.AddDays(11), At, "famille").Problems).Code);
        Assert.True(offer.Expire(application, "Sans réponse.", Today.AddDays(11), At.AddDays(11), "tâche").IsSuccess);

        Assert.Equal((OfferStatus.Expired, (string?)null), (offer.Status, offer.SeatKey));
        Assert.Equal(ApplicationStatus.Waitlisted, application.Status);
    }

    [Fact]
    public void Withdraw_NeedsAReason_CancelsTheApplication_AndReleasesTheSeat()
    {
        var (offer, application) = Offered();
        Assert.True(offer.Accept(application, Today, At, "famille").IsSuccess);

        Assert.Equal("offer-withdraw-reason", Assert.Single(offer.Withdraw(application, "non", At, "agent").Problems).Code);
        Assert.Equal(OfferStatus.Accepted, offer.Status);
        var withdrawn = offer.Withdraw(application, "La famille a déménagé.", At, "agent");

        Assert.True(withdrawn.IsSuccess);
        Assert.Equal(ApplicationStatus.Cancelled, withdrawn.Value!.To);
        Assert.Equal((OfferStatus.Withdrawn, (string?)null), (offer.Status, offer.SeatKey));
        Assert.Equal("offer-not-active", Assert.Single(offer.Withdraw(application, "Encore une fois.", At, "agent").Problems).Code);
    }

    [Fact]
    public void Publish_NeedsAValidatedSession_AndADelayOfOneTo60Days()
    {
        var session = CommissionSession.Create(new("93048", [], "Commission", Today, Today), At, "agent").Value;

        Assert.Equal("commission-move-refused", Assert.Single(session.Publish(10, ReattributionMode.Automatic, At, "agent").Problems).Code);
        Assert.Equal("commission-offer-days", Assert.Single(session.Publish(0, ReattributionMode.Automatic, At, "agent").Problems).Code);
        Assert.Equal("commission-offer-days", Assert.Single(session.Publish(61, ReattributionMode.Automatic, At, "agent").Problems).Code);
        Assert.Equal(CommissionStatus.Preparation, session.Status);
    }
}
