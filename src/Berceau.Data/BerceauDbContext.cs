using Berceau.Data.Identity;
using Berceau.Domain.Applications;
using Berceau.Domain.Audit;
using Berceau.Domain.Notifications;
using Berceau.Domain.Offer;
using Berceau.Domain.Territories;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Data;

/// <summary>
/// The one database of Berceau. Each provider has its own subclass (<see cref="SqliteBerceauDbContext"/>,
/// <see cref="PostgresBerceauDbContext"/>) so that each keeps its own migration set; features depend on this base type.
/// </summary>
public abstract class BerceauDbContext(DbContextOptions options) : IdentityDbContext<BerceauUser>(options)
{
    public DbSet<Departement> Departements => Set<Departement>();
    public DbSet<Intercommunality> Intercommunalities => Set<Intercommunality>();
    public DbSet<Commune> Communes => Set<Commune>();
    public DbSet<Sector> Sectors => Set<Sector>();
    public DbSet<Grid.StoredGrid> PointsGrids => Set<Grid.StoredGrid>();
    public DbSet<CnafCoverage> CnafCoverages => Set<CnafCoverage>();
    public DbSet<CommuneBirths> CommuneBirths => Set<CommuneBirths>();
    public DbSet<CommuneChildrenUnder3> CommuneChildrenUnder3 => Set<CommuneChildrenUnder3>();
    public DbSet<CnafNationalCoverage> CnafNationalCoverages => Set<CnafNationalCoverage>();
    public DbSet<Facility> Facilities => Set<Facility>();
    public DbSet<Section> Sections => Set<Section>();
    public DbSet<Vacancy> Vacancies => Set<Vacancy>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<UserGrant> UserGrants => Set<UserGrant>();
    public DbSet<Application> Applications => Set<Application>();
    public DbSet<ApplicationDocument> ApplicationDocuments => Set<ApplicationDocument>();
    public DbSet<ApplicationNote> ApplicationNotes => Set<ApplicationNote>();
    public DbSet<ApplicationContact> ApplicationContacts => Set<ApplicationContact>();
    public DbSet<ApplicationAccess> ApplicationAccesses => Set<ApplicationAccess>();
    public DbSet<AttachCode> AttachCodes => Set<AttachCode>();
    public DbSet<ErasureRequest> ErasureRequests => Set<ErasureRequest>();
    public DbSet<Berceau.Domain.Fees.FeeParameter> FeeParameters => Set<Berceau.Domain.Fees.FeeParameter>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<Api.IdempotentRequest> IdempotentRequests => Set<Api.IdempotentRequest>();
    public DbSet<Jobs.JobLease> JobLeases => Set<Jobs.JobLease>();
    public DbSet<Security.DataProtectionKeyRow> DataProtectionKeys => Set<Security.DataProtectionKeyRow>();
    public DbSet<Numbering.ReferenceCounter> ReferenceCounters => Set<Numbering.ReferenceCounter>();
    public DbSet<GuichetSettings> GuichetSettings => Set<GuichetSettings>();
    public DbSet<Domain.Commission.CommissionSession> CommissionSessions => Set<Domain.Commission.CommissionSession>();
    public DbSet<Commission.CommissionSnapshot> CommissionSnapshots => Set<Commission.CommissionSnapshot>();
    public DbSet<Commission.CommissionEntry> CommissionEntries => Set<Commission.CommissionEntry>();
    public DbSet<Commission.CommissionRun> CommissionRuns => Set<Commission.CommissionRun>();
    public DbSet<Domain.Commission.CommissionOverride> CommissionOverrides => Set<Domain.Commission.CommissionOverride>();
    public DbSet<Domain.FollowUp.FollowUpCase> FollowUpCases => Set<Domain.FollowUp.FollowUpCase>();
    public DbSet<Domain.FollowUp.FollowUpAction> FollowUpActions => Set<Domain.FollowUp.FollowUpAction>();
    public DbSet<Domain.FollowUp.SentLetter> SentLetters => Set<Domain.FollowUp.SentLetter>();
    public DbSet<Domain.Commission.PlaceOffer> PlaceOffers => Set<Domain.Commission.PlaceOffer>();
    public DbSet<Domain.Childminders.ChildminderProfile> ChildminderProfiles => Set<Domain.Childminders.ChildminderProfile>();
    public DbSet<Domain.Childminders.ChildminderInvitation> ChildminderInvitations => Set<Domain.Childminders.ChildminderInvitation>();
    public DbSet<Domain.Childminders.ChildminderRegistration> ChildminderRegistrations => Set<Domain.Childminders.ChildminderRegistration>();
    public DbSet<Domain.Childminders.ContactRequest> ContactRequests => Set<Domain.Childminders.ContactRequest>();
    public DbSet<Domain.Meetings.InfoMeeting> InfoMeetings => Set<Domain.Meetings.InfoMeeting>();
    public DbSet<Domain.Meetings.MeetingRegistration> MeetingRegistrations => Set<Domain.Meetings.MeetingRegistration>();
    public DbSet<Domain.OccasionalCare.OccasionalSlot> OccasionalSlots => Set<Domain.OccasionalCare.OccasionalSlot>();
    public DbSet<Domain.OccasionalCare.OccasionalChild> OccasionalChildren => Set<Domain.OccasionalCare.OccasionalChild>();
    public DbSet<Domain.OccasionalCare.OccasionalBooking> OccasionalBookings => Set<Domain.OccasionalCare.OccasionalBooking>();
    public DbSet<Domain.Schema.Sdsf> Schemas => Set<Domain.Schema.Sdsf>();
    public DbSet<Domain.Schema.SchemaAxis> SchemaAxes => Set<Domain.Schema.SchemaAxis>();
    public DbSet<Domain.Schema.ActionSheet> ActionSheets => Set<Domain.Schema.ActionSheet>();
    public DbSet<Domain.Schema.PlannedPlaces> PlannedPlaces => Set<Domain.Schema.PlannedPlaces>();
    public DbSet<Domain.Schema.ProgressUpdate> ProgressUpdates => Set<Domain.Schema.ProgressUpdate>();
    public DbSet<Domain.Schema.PartnerOrganisation> PartnerOrganisations => Set<Domain.Schema.PartnerOrganisation>();
    public DbSet<Domain.Schema.PartnerMember> PartnerMembers => Set<Domain.Schema.PartnerMember>();
    public DbSet<Domain.Governance.GovernanceBody> GovernanceBodies => Set<Domain.Governance.GovernanceBody>();
    public DbSet<Domain.Governance.GovernanceMember> GovernanceMembers => Set<Domain.Governance.GovernanceMember>();
    public DbSet<Domain.Governance.GovernanceMeeting> GovernanceMeetings => Set<Domain.Governance.GovernanceMeeting>();
    public DbSet<Domain.Governance.MeetingDecision> GovernanceDecisions => Set<Domain.Governance.MeetingDecision>();
    public DbSet<Domain.Governance.MeetingDocument> GovernanceDocuments => Set<Domain.Governance.MeetingDocument>();
    public DbSet<Domain.Governance.DecisionFollowUp> DecisionFollowUps => Set<Domain.Governance.DecisionFollowUp>();
    public DbSet<OutboxAttachment> OutboxAttachments => Set<OutboxAttachment>();
    public DbSet<Domain.OccasionalCare.OccasionalCareSettings> OccasionalCareSettings => Set<Domain.OccasionalCare.OccasionalCareSettings>();
    public DbSet<PlaceFreeze> PlaceFreezes => Set<PlaceFreeze>();
    public DbSet<Domain.Staffing.FacilityStaffing> FacilityStaffings => Set<Domain.Staffing.FacilityStaffing>();
    public DbSet<Domain.Staffing.JobPosting> JobPostings => Set<Domain.Staffing.JobPosting>();
    public DbSet<Domain.Difficulty.StructureSignal> StructureSignals => Set<Domain.Difficulty.StructureSignal>();
    public DbSet<Domain.Difficulty.AccompanimentCase> AccompanimentCases => Set<Domain.Difficulty.AccompanimentCase>();
    public DbSet<Domain.Difficulty.AccompanimentAction> AccompanimentActions => Set<Domain.Difficulty.AccompanimentAction>();
    public DbSet<Domain.Resources.DisabilityResource> DisabilityResources => Set<Domain.Resources.DisabilityResource>();
    public DbSet<Domain.Careers.TrainingOffer> TrainingOffers => Set<Domain.Careers.TrainingOffer>();
    public DbSet<Domain.Obligations.CommuneObligationRecord> CommuneObligations => Set<Domain.Obligations.CommuneObligationRecord>();
    public DbSet<Domain.Obligations.CommuneObligationDocument> CommuneObligationDocuments => Set<Domain.Obligations.CommuneObligationDocument>();
    public DbSet<Domain.Practices.GoodPractice> GoodPractices => Set<Domain.Practices.GoodPractice>();
    public DbSet<Domain.Newsletter.NewsletterSubscriber> NewsletterSubscribers => Set<Domain.Newsletter.NewsletterSubscriber>();
    public DbSet<Domain.Newsletter.NewsletterIssue> NewsletterIssues => Set<Domain.Newsletter.NewsletterIssue>();
    public DbSet<Domain.Surveys.Survey> Surveys => Set<Domain.Surveys.Survey>();
    public DbSet<Domain.Surveys.SurveyQuestion> SurveyQuestions => Set<Domain.Surveys.SurveyQuestion>();
    public DbSet<Domain.Surveys.SurveyInvitation> SurveyInvitations => Set<Domain.Surveys.SurveyInvitation>();
    public DbSet<Domain.Surveys.SurveyResponse> SurveyResponses => Set<Domain.Surveys.SurveyResponse>();
    public DbSet<Domain.Surveys.SurveyAnswer> SurveyAnswers => Set<Domain.Surveys.SurveyAnswer>();
    public DbSet<Observatory.IndicatorSnapshot> IndicatorSnapshots => Set<Observatory.IndicatorSnapshot>();
    public DbSet<Observatory.IndicatorDataVersion> IndicatorDataVersions => Set<Observatory.IndicatorDataVersion>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(BerceauDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<CareMode>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<ManagerType>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<IntercommunalityKind>().HaveConversion<string>().HaveMaxLength(8);
        configurationBuilder.Properties<FacilityId>().HaveConversion<FacilityIdConverter>();
        configurationBuilder.Properties<Domain.Applications.ApplicationId>().HaveConversion<ApplicationIdConverter>();
        configurationBuilder.Properties<Domain.Commission.CommissionSessionId>().HaveConversion<CommissionSessionIdConverter>();
        configurationBuilder.Properties<Domain.Commission.PlaceOfferId>().HaveConversion<PlaceOfferIdConverter>();
    }
}

internal sealed class FacilityIdConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<FacilityId, Guid>(
    id => id.Value, value => new FacilityId(value));

internal sealed class ApplicationIdConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<Domain.Applications.ApplicationId, Guid>(
    id => id.Value, value => new Domain.Applications.ApplicationId(value));

internal sealed class CommissionSessionIdConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<Domain.Commission.CommissionSessionId, Guid>(
    id => id.Value, value => new Domain.Commission.CommissionSessionId(value));

internal sealed class PlaceOfferIdConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<Domain.Commission.PlaceOfferId, Guid>(
    id => id.Value, value => new Domain.Commission.PlaceOfferId(value));
