using Berceau.Domain.Governance;
using Berceau.Domain.Schema;
using Berceau.Domain.Territories;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Berceau.Data.Configurations;

internal sealed class GovernanceBodyConfiguration : IEntityTypeConfiguration<GovernanceBody>
{
    public void Configure(EntityTypeBuilder<GovernanceBody> b)
    {
        b.ToTable("GovernanceBodies");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.DepartementCode).HasMaxLength(3);
        b.HasOne<Departement>().WithMany().HasForeignKey(x => x.DepartementCode).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.DepartementCode);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(24);
        b.Property(x => x.Name).HasMaxLength(GovernanceBody.MaxNameLength);
        b.Property(x => x.Description).HasMaxLength(GovernanceBody.MaxDescriptionLength);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasMany(x => x.Axes).WithOne().HasForeignKey(a => a.BodyId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Members).WithOne().HasForeignKey(m => m.BodyId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class GovernanceBodyAxisConfiguration : IEntityTypeConfiguration<GovernanceBodyAxis>
{
    public void Configure(EntityTypeBuilder<GovernanceBodyAxis> b)
    {
        b.ToTable("GovernanceBodyAxes");
        b.HasKey(x => new { x.BodyId, x.AxisId });
        b.HasOne<SchemaAxis>().WithMany().HasForeignKey(x => x.AxisId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.AxisId);
    }
}

internal sealed class GovernanceMemberConfiguration : IEntityTypeConfiguration<GovernanceMember>
{
    public void Configure(EntityTypeBuilder<GovernanceMember> b)
    {
        b.ToTable("GovernanceMembers");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.OrganisationId).HasConversion(id => id.Value, value => new PartnerOrganisationId(value));
        b.HasOne<PartnerOrganisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.OrganisationId);
        b.HasIndex(x => x.BodyId);
        b.Property(x => x.Role).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.PersonName).HasMaxLength(GovernanceMember.MaxNameLength);
        b.Property(x => x.Email).HasMaxLength(GovernanceMember.MaxEmailLength);
        b.Property(x => x.UserId).HasMaxLength(450);
        // An erased account no longer sits anywhere by name; the organisation's seat stays.
        b.HasOne<Identity.BerceauUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class GovernanceMeetingConfiguration : IEntityTypeConfiguration<GovernanceMeeting>
{
    public void Configure(EntityTypeBuilder<GovernanceMeeting> b)
    {
        b.ToTable("GovernanceMeetings");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasOne<GovernanceBody>().WithMany().HasForeignKey(x => x.BodyId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.BodyId, x.Date });
        // The reminder job's query: planned meetings by day.
        b.HasIndex(x => new { x.Status, x.Date });
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Place).HasMaxLength(GovernanceMeeting.MaxPlaceLength);
        b.Property(x => x.VideoLink).HasMaxLength(GovernanceMeeting.MaxLinkLength);
        b.Property(x => x.CancellationReason).HasMaxLength(GovernanceMeeting.MaxReasonLength);
        b.Property(x => x.Minutes).HasMaxLength(GovernanceMeeting.MaxMinutesLength);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.IsCancelled);
        b.Ignore(x => x.InvitationsOutdated);
        b.HasMany(x => x.Agenda).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Attendance).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Decisions).WithOne().HasForeignKey(d => d.MeetingId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> b)
    {
        b.ToTable("GovernanceAgendaItems");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasIndex(x => new { x.MeetingId, x.Position });
        b.Property(x => x.Title).HasMaxLength(GovernanceMeeting.MaxAgendaItemLength);
    }
}

internal sealed class MeetingAttendanceConfiguration : IEntityTypeConfiguration<MeetingAttendance>
{
    public void Configure(EntityTypeBuilder<MeetingAttendance> b)
    {
        b.ToTable("GovernanceAttendance");
        b.HasKey(x => new { x.MeetingId, x.MemberId });
        // A member removed from the instance leaves the attendance of past meetings with it.
        b.HasOne<GovernanceMember>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.MemberId);
        b.Property(x => x.Presence).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.RepresentedBy).HasMaxLength(GovernanceMeeting.MaxRepresentedByLength);
    }
}

internal sealed class MeetingDecisionConfiguration : IEntityTypeConfiguration<MeetingDecision>
{
    public void Configure(EntityTypeBuilder<MeetingDecision> b)
    {
        b.ToTable("GovernanceDecisions");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasIndex(x => new { x.MeetingId, x.Number }).IsUnique();
        b.Property(x => x.Text).HasMaxLength(MeetingDecision.MaxTextLength);
        b.Property(x => x.By).HasMaxLength(450);
    }
}

internal sealed class MeetingDocumentConfiguration : IEntityTypeConfiguration<MeetingDocument>
{
    public void Configure(EntityTypeBuilder<MeetingDocument> b)
    {
        b.ToTable("GovernanceDocuments");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasOne<GovernanceMeeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.MeetingId);
        b.Property(x => x.Title).HasMaxLength(MeetingDocument.MaxTitleLength);
        b.Property(x => x.FileName).HasMaxLength(Domain.Applications.Proofs.MaxFileNameLength);
        b.Property(x => x.ContentType).HasMaxLength(64);
        b.Property(x => x.UploadedBy).HasMaxLength(450);
    }
}

internal sealed class DecisionFollowUpConfiguration : IEntityTypeConfiguration<DecisionFollowUp>
{
    public void Configure(EntityTypeBuilder<DecisionFollowUp> b)
    {
        b.ToTable("GovernanceFollowUps");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.DepartementCode).HasMaxLength(3);
        b.HasIndex(x => new { x.DepartementCode, x.Status, x.DueOn });
        b.HasOne<GovernanceBody>().WithMany().HasForeignKey(x => x.BodyId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.BodyId);
        b.HasOne<GovernanceMeeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.NoAction);
        b.HasIndex(x => x.MeetingId);
        b.HasOne<MeetingDecision>().WithMany().HasForeignKey(x => x.DecisionId).OnDelete(DeleteBehavior.NoAction);
        b.HasIndex(x => x.DecisionId);
        b.Property(x => x.OwnerId).HasConversion(id => id.Value, value => new PartnerOrganisationId(value));
        b.HasOne<PartnerOrganisation>().WithMany().HasForeignKey(x => x.OwnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.OwnerId);
        b.Property(x => x.SheetId).HasConversion(new ActionSheetIdConverter());
        b.HasOne<ActionSheet>().WithMany().HasForeignKey(x => x.SheetId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(x => x.SheetId);
        b.Property(x => x.Title).HasMaxLength(DecisionFollowUp.MaxTitleLength);
        b.Property(x => x.Comment).HasMaxLength(DecisionFollowUp.MaxCommentLength);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.UpdatedBy).HasMaxLength(450);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}

internal sealed class ActionSheetIdConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<ActionSheetId, Guid>(
    id => id.Value, value => new ActionSheetId(value));
