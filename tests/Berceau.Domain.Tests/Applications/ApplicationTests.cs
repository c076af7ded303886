using Berceau.Domain.Applications;
using Berceau.Domain.Offer;

namespace Berceau.Domain.Tests.Applications;

/// <summary>The application aggregate: its verbs change it only when the status and the checks allow it.</summary>
public class ApplicationTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly FacilityId Creche = FacilityId.New();
    private static readonly WishChoices Choices = new(new HashSet<FacilityId> { Creche }, null);

    private static ApplicationRequest ValidRequest() => new()
    {
        Child = new ChildInput("Inès", "Martin", new DateOnly(2026, 6, 1), null),
        Guardians = [new GuardianInput("Awa", "Martin", GuardianSituation.Employed)],
        DesiredStart = new DateOnly(2027, 1, 4),
        Days = WeekDays.Weekdays,
        From = new TimeOnly(8, 30),
        To = new TimeOnly(17, 30),
        Wishes = [new WishInput(Creche)],
    };

    private static Application Draft(ApplicationRequest? request = null, bool consent = true)
    {
        var application = new Application { Reference = "DEM-93048-2026-000001", CommuneCode = "93048", FamilyUserId = "famille-1", CreatedAt = Now };
        Assert.True(application.Fill(request ?? ValidRequest(), new ApplicationAddress("1 rue A", "93100", null), consent, Now).IsSuccess);
        return application;
    }

    private static Application Submitted()
    {
        var application = Draft();
        Assert.True(application.Submit(Choices, Today, Now, "famille-1").IsSuccess);
        return application;
    }

    [Fact]
    public void Submit_WhenChecksPass_MovesToSubmitted_AndStartsTheConfirmationClock()
    {
        var application = Submitted();

        Assert.Equal(ApplicationStatus.Submitted, application.Status);
        Assert.Equal(Today, application.LastConfirmedOn);
        Assert.Equal(new DateOnly(2027, 2, 23), application.ConfirmationDueOn);
        Assert.Equal(ApplicationStatus.Submitted, Assert.Single(application.StatusChanges).To);
    }

    [Fact]
    public void Submit_WithAProblem_LeavesTheDraftUntouched_AndSaysEveryProblem()
    {
        var application = Draft(ValidRequest() with { DesiredStart = Today.AddDays(-1), Wishes = [] }, consent: false);
        var version = application.Version;

        var outcome = application.Submit(Choices, Today, Now, "famille-1");

        Assert.Equal(["application-start-past", "application-wishes-missing", "application-consent-missing"], outcome.Problems.Select(p => p.Code));
        Assert.Equal((ApplicationStatus.Draft, version), (application.Status, application.Version));
        Assert.Empty(application.StatusChanges);
    }

    [Fact]
    public void Fill_AfterSubmission_IsRefused()
    {
        var application = Submitted();

        var outcome = application.Fill(ValidRequest(), new ApplicationAddress(null, null, null), true, Now);

        Assert.Equal("application-not-draft", Assert.Single(outcome.Problems).Code);
    }

    [Fact]
    public void Withdraw_ThenAnythingElse_IsRefused_BecauseCancelledIsFinal()
    {
        var application = Submitted();
        Assert.True(application.Withdraw(Now.AddHours(1), "famille-1", null).IsSuccess);

        var again = application.Withdraw(Now.AddHours(2), "famille-1", "encore");
        var wishes = application.ChangeWishes([new WishInput(Creche)], Choices, Today, null, Now.AddHours(2), "famille-1");
        var proof = application.AddProof(ProofKind.Address, Now.AddHours(2), "famille-1");

        Assert.Equal("application-final", Assert.Single(again.Problems).Code);
        Assert.Equal("application-wishes-frozen", Assert.Single(wishes.Problems).Code);
        Assert.Equal("application-final-no-proof", Assert.Single(proof.Problems).Code);
        Assert.Equal(Application.WithdrawnWithoutReason, application.StatusChanges[^1].Reason);
    }

    [Fact]
    public void ChangeWishes_InCommittee_IsRefused()
    {
        var application = Submitted();
        application.Move(ApplicationStatus.Complete, Now.AddDays(1), "agent");
        application.Move(ApplicationStatus.InCommittee, Now.AddDays(2), "agent");

        var outcome = application.ChangeWishes([new WishInput(Creche)], Choices, Today.AddDays(3), null, Now.AddDays(3), "famille-1");

        Assert.Equal("application-wishes-frozen", Assert.Single(outcome.Problems).Code);
    }

    [Fact]
    public void ChangeWishes_OnTheFreezeDate_IsAccepted_TheDayAfter_IsRefused()
    {
        var application = Submitted();
        var freeze = Today.AddDays(5);

        var onTheDay = application.ChangeWishes([new WishInput(Creche)], Choices, freeze, freeze, Now.AddDays(5), "famille-1");
        var version = application.Version;
        var after = application.ChangeWishes([], Choices, freeze.AddDays(1), freeze, Now.AddDays(6), "famille-1");

        Assert.True(onTheDay.IsSuccess);
        Assert.Equal("application-wishes-after-freeze", Assert.Single(after.Problems).Code);
        Assert.Contains("28/11/2026", after.Problems[0].Message);
        Assert.Equal(version, application.Version);
        Assert.Equal([Creche], application.Wishes.Select(w => w.FacilityId!.Value));
    }

    [Fact]
    public void CorrectGridAnswers_ChangesTheAnswers_AndTellsTheFamilyWhatAndWhy()
    {
        var application = Submitted();

        var outcome = application.CorrectGridAnswers(new GridAnswers(640m, true, [Creche], []), Choices, " Attestation CAF reçue ", Today, null, Now.AddHours(1), "agent");

        Assert.True(outcome.IsSuccess);
        Assert.Equal((640m, true), (application.QuotientFamilial, application.SocialSupport));
        Assert.Equal([Creche], application.SiblingFacilities);
        var e = application.Events[^1];
        Assert.Equal(ApplicationEventKind.GridCorrected, e.Kind);
        Assert.Equal("Réponses à la grille de points corrigées par le guichet : quotient familial, accompagnement PMI ou social, frère ou sœur – Attestation CAF reçue", e.Label);
    }

    public static TheoryData<GridAnswers, string?, int, string> BadCorrections => new()
    {
        { new GridAnswers(-1m, false, [], []), "motif", 0, "application-quotient-range" },
        { new GridAnswers(100_001m, false, [], []), "motif", 0, "application-quotient-range" },
        { new GridAnswers(null, false, [FacilityId.New()], []), "motif", 0, "application-sibling-outside" },
        { new GridAnswers(null, false, [], [FacilityId.New()]), "motif", 0, "application-partner-outside" },
        { new GridAnswers(700m, false, [], []), "  ", 0, "application-grid-reason" },
        { new GridAnswers(700m, false, [], []), new string('a', GridAnswers.MaxReasonLength + 1), 0, "too-long" },
        { new GridAnswers(null, false, [], []), "motif", 0, "application-grid-unchanged" },
        { new GridAnswers(700m, false, [], []), "motif", 6, "application-grid-after-freeze" },
    };

    [Theory]
    [MemberData(nameof(BadCorrections))]
    public void CorrectGridAnswers_Refused_ChangesNothing(GridAnswers answers, string? reason, int daysAfter, string code)
    {
        var application = Submitted();
        var version = application.Version;

        var outcome = application.CorrectGridAnswers(answers, Choices, reason, Today.AddDays(daysAfter), Today.AddDays(5), Now, "agent");

        Assert.Equal(code, Assert.Single(outcome.Problems).Code);
        Assert.Equal((version, (decimal?)null, false), (application.Version, application.QuotientFamilial, application.SocialSupport));
        Assert.DoesNotContain(application.Events, e => e.Kind == ApplicationEventKind.GridCorrected);
    }

    [Fact]
    public void CorrectSocialMinimum_ChangesTheAnswer_AndTellsTheFamilyWhatAndWhy()
    {
        var application = Submitted();
        var version = application.Version;

        var outcome = application.CorrectSocialMinimum(true, " Attestation CAF du RSA ", Today, Today, Now.AddHours(1), "agent");

        Assert.True(outcome.IsSuccess);
        Assert.True(application.ReceivesSocialMinimum);
        Assert.Equal(version + 1, application.Version);
        var e = application.Events[^1];
        Assert.Equal(ApplicationEventKind.MinimumCorrected, e.Kind);
        Assert.Equal("Minimum social dans le foyer corrigé par le guichet : oui – Attestation CAF du RSA", e.Label);
        // Stored as text of 16 characters at most.
        Assert.True(nameof(ApplicationEventKind.MinimumCorrected).Length <= 16);
    }

    public static TheoryData<bool?, string?, int, string> BadMinimumCorrections => new()
    {
        { null, "motif", 0, "application-minimum-choice" },
        { true, " ", 0, "application-minimum-reason" },
        { true, new string('a', GridAnswers.MaxReasonLength + 1), 0, "too-long" },
        { false, "motif", 0, "application-minimum-unchanged" },
        { true, "motif", 6, "application-minimum-after-freeze" },
    };

    [Theory]
    [MemberData(nameof(BadMinimumCorrections))]
    public void CorrectSocialMinimum_Refused_ChangesNothing(bool? receives, string? reason, int daysAfter, string code)
    {
        var application = Submitted();
        var version = application.Version;

        var outcome = application.CorrectSocialMinimum(receives, reason, Today.AddDays(daysAfter), Today.AddDays(5), Now, "agent");

        Assert.Equal(code, Assert.Single(outcome.Problems).Code);
        Assert.Equal((version, false), (application.Version, application.ReceivesSocialMinimum));
        Assert.DoesNotContain(application.Events, e => e.Kind == ApplicationEventKind.MinimumCorrected);
    }

    [Fact]
    public void CorrectSocialMinimum_InCommittee_IsRefused()
    {
        var application = Submitted();
        application.Move(ApplicationStatus.Complete, Now.AddDays(1), "agent");
        application.Move(ApplicationStatus.InCommittee, Now.AddDays(2), "agent");

        var outcome = application.CorrectSocialMinimum(true, "motif", Today, null, Now.AddDays(3), "agent");

        Assert.Equal("application-minimum-locked", Assert.Single(outcome.Problems).Code);
        Assert.False(application.ReceivesSocialMinimum);
    }

    [Fact]
    public void CorrectGridAnswers_InCommittee_IsRefused()
    {
        var application = Submitted();
        application.Move(ApplicationStatus.Complete, Now.AddDays(1), "agent");
        application.Move(ApplicationStatus.InCommittee, Now.AddDays(2), "agent");

        var outcome = application.CorrectGridAnswers(new GridAnswers(700m, false, [], []), Choices, "motif", Today, null, Now.AddDays(3), "agent");

        Assert.Equal("application-grid-locked", Assert.Single(outcome.Problems).Code);
    }

    [Fact]
    public void Move_ThatTheStatusMachineRefuses_ChangesNothing()
    {
        var application = Submitted();

        var outcome = application.Move(ApplicationStatus.Admitted, Now.AddDays(1), "agent");

        Assert.False(outcome.IsSuccess);
        Assert.Equal(ApplicationStatus.Submitted, application.Status);
        Assert.Single(application.StatusChanges);
    }

    [Fact]
    public void Confirm_OnlyOnceDue_AndRestartsTheClock()
    {
        var application = Submitted();
        var due = application.ConfirmationDueOn!.Value;

        var early = application.Confirm(due.AddDays(-1), Now.AddDays(80), "famille-1");
        var onTime = application.Confirm(due.AddDays(20), Now.AddDays(110), "famille-1");

        Assert.Equal("application-confirm-not-due", Assert.Single(early.Problems).Code);
        Assert.True(onTime.IsSuccess);
        Assert.Equal(due.AddDays(20), application.LastConfirmedOn);
        Assert.Equal(ApplicationEventKind.Confirmed, Assert.Single(application.Events).Kind);
    }

    [Fact]
    public void Warn_OnlyFifteenDaysAfterDue_OncePerDueDate_AndTheLapseCountsFromIt()
    {
        var application = Submitted();
        var due = application.ConfirmationDueOn!.Value;
        var warningDay = due.AddDays(ConfirmationSchedule.WarningAfterDays);

        var early = application.Warn(warningDay.AddDays(-1), Now.AddDays(100), "tâche");
        var onTime = application.Warn(warningDay.AddDays(10), Now.AddDays(110), "tâche");
        var again = application.Warn(warningDay.AddDays(11), Now.AddDays(111), "tâche");

        Assert.Equal("application-warning-not-due", Assert.Single(early.Problems).Code);
        Assert.True(onTime.IsSuccess);
        Assert.Equal("application-warning-not-due", Assert.Single(again.Problems).Code);
        Assert.Equal(warningDay.AddDays(10), application.WarnedOn);
        Assert.Equal(ApplicationEventKind.Warned, Assert.Single(application.Events).Kind);
        // Warned late: the family still gets its full notice before the lapse.
        Assert.Equal(ConfirmationStep.Warned, application.ConfirmationStepOn(warningDay.AddDays(10 + ConfirmationSchedule.NoticeDays - 1)));
        Assert.Equal(ConfirmationStep.Lapses, application.ConfirmationStepOn(warningDay.AddDays(10 + ConfirmationSchedule.NoticeDays)));
    }

    [Fact]
    public void Proofs_AskForTheTaxNoticeOnlyWithoutCafNumber_AndTheDisabilityProofOnlyWhenDeclared()
    {
        var withCaf = Draft(ValidRequest() with { CafNumber = "1234567" });
        var without = Draft(ValidRequest() with { DisabledMemberInHousehold = true });

        Assert.Equal([ProofKind.Address, ProofKind.BirthOrPregnancy, ProofKind.Situation], Proofs.Required(withCaf));
        Assert.Equal([ProofKind.Address, ProofKind.BirthOrPregnancy, ProofKind.Income, ProofKind.Situation, ProofKind.Disability], Proofs.Required(without));
        Assert.Equal([ProofKind.BirthOrPregnancy, ProofKind.Situation], Proofs.Missing(withCaf, [ProofKind.Address, ProofKind.Other]));
    }

    [Fact]
    public void Proofs_AskForWhatTheGridAnswersClaim_TheQuotientOnlyWithoutCafNumber_NothingForASibling()
    {
        var answers = ValidRequest() with
        {
            QuotientFamilial = 850m, SocialSupport = true, SiblingFacilities = [Creche], PartnerEmployerFacilities = [Creche],
        };

        var withoutCaf = Proofs.Required(Draft(answers with { CafNumber = null }));
        var withCaf = Proofs.Required(Draft(answers with { CafNumber = "1234567" }));

        Assert.Equal([ProofKind.QuotientFamilial, ProofKind.SocialSupport, ProofKind.PartnerEmployer], withoutCaf.Where(IsGridProof));
        Assert.Equal([ProofKind.SocialSupport, ProofKind.PartnerEmployer], withCaf.Where(IsGridProof));
        Assert.DoesNotContain(Proofs.Required(Draft()), IsGridProof);
    }

    private static bool IsGridProof(ProofKind kind) => kind is ProofKind.QuotientFamilial or ProofKind.SocialSupport or ProofKind.PartnerEmployer;

    [Theory]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31 }, "application/pdf")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0 }, "image/png")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }, "image/jpeg")]
    public void ContentType_IsReadFromTheFirstBytes(byte[] content, string expected) =>
        Assert.Equal(expected, Proofs.ContentTypeOf(content, "Upload").Value);

    [Theory]
    [InlineData(new byte[] { 0x4D, 0x5A, 0x90, 0 })]
    [InlineData(new byte[] { 0x3C, 0x68, 0x74, 0x6D, 0x6C, 0x3E })]
    [InlineData(new byte[] { 0x50, 0x44, 0x46 })]
    public void ContentType_OfAnythingElse_IsRefused(byte[] content) =>
        Assert.Equal("proof-type", Assert.Single(Proofs.ContentTypeOf(content, "Upload").Problems).Code);

    [Fact]
    public void SafeFileName_KeepsNoFolderAndNoControlCharacter()
    {
        Assert.Equal("passwd.pdf", Proofs.SafeFileName("../../etc/passwd", "application/pdf"));
        Assert.Equal("evil.pdf", Proofs.SafeFileName(@"C:\Users\x\..\evil.pdf", "application/pdf"));
        Assert.Equal("facture.pdf.exe.pdf", Proofs.SafeFileName("facture.pdf.exe", "application/pdf"));
        Assert.Equal("page.html.pdf", Proofs.SafeFileName("page.html", "application/pdf"));
        Assert.Equal("scan.pdf.png", Proofs.SafeFileName("scan.pdf", "image/png"));
        Assert.Equal("photo.JPEG", Proofs.SafeFileName("photo.JPEG", "image/jpeg"));
        Assert.Equal("ab.pdf", Proofs.SafeFileName("a\u0000b.pdf", "application/pdf"));
        Assert.Equal("piece.png", Proofs.SafeFileName("  ", "image/png"));
    }

    [Theory]
    [InlineData(null, 1)]
    [InlineData("DEM-93048-2026-000041", 42)]
    public void Reference_NumbersFollowTheLastOne(string? last, int next)
    {
        Assert.Equal(next, ApplicationReference.NextNumber(last));
        Assert.Equal("DEM-93048-2026-000042", ApplicationReference.Format("93048", 2026, 42));
    }
}
