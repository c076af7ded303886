using Berceau.Data.Identity;
using Berceau.Domain.Meetings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Berceau.Data.Configurations;

internal sealed class InfoMeetingConfiguration : IEntityTypeConfiguration<InfoMeeting>
{
    public void Configure(EntityTypeBuilder<InfoMeeting> b)
    {
        b.ToTable("InfoMeetings");
        b.HasKey(m => m.Id);
        b.Property(m => m.CommuneCode).HasMaxLength(5);
        b.Property(m => m.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(m => m.Audience).HasConversion<string>().HasMaxLength(16);
        b.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(m => m.Title).HasMaxLength(InfoMeeting.MaxTitleLength);
        b.Property(m => m.Description).HasMaxLength(InfoMeeting.MaxDescriptionLength);
        b.Property(m => m.Organiser).HasMaxLength(InfoMeeting.MaxOrganiserLength);
        b.Property(m => m.Place).HasMaxLength(InfoMeeting.MaxPlaceLength);
        b.Property(m => m.VideoLink).HasMaxLength(InfoMeeting.MaxLinkLength);
        b.Property(m => m.Languages).HasMaxLength(InfoMeeting.MaxLanguagesLength);
        b.Property(m => m.CancellationReason).HasMaxLength(InfoMeeting.MaxReasonLength);
        b.Property(m => m.CreatedBy).HasMaxLength(256);
        b.Property(m => m.Version).IsConcurrencyToken();
        b.Ignore(m => m.SeatsLeft);
        b.Ignore(m => m.IsOnline);
        b.Ignore(m => m.LanguageList);
        // The public list (published, upcoming, by date) and the staff list of a commune.
        b.HasIndex(m => new { m.Status, m.Date });
        b.HasIndex(m => new { m.CommuneCode, m.Date });
    }
}

internal sealed class MeetingRegistrationConfiguration : IEntityTypeConfiguration<MeetingRegistration>
{
    public void Configure(EntityTypeBuilder<MeetingRegistration> b)
    {
        b.ToTable("MeetingRegistrations");
        b.HasKey(r => r.Id);
        b.HasOne<InfoMeeting>().WithMany().HasForeignKey(r => r.MeetingId).OnDelete(DeleteBehavior.Cascade);
        // A family's registrations go with its account.
        b.HasOne<BerceauUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        b.Property(r => r.UserId).HasMaxLength(450);
        b.Property(r => r.Name).HasMaxLength(MeetingRegistration.MaxNameLength);
        b.Property(r => r.Email).HasMaxLength(256);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.CancelSecretHash).HasMaxLength(64);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.Ignore(r => r.IsActive);
        b.Ignore(r => r.IsWaiting);
        // The waiting list of a meeting, in order.
        b.HasIndex(r => new { r.MeetingId, r.Status, r.WaitingOrder });
        // One registration per meeting and address: a double submit or a race finds the row already there.
        b.HasIndex(r => new { r.MeetingId, r.Email }).IsUnique();
        b.HasIndex(r => r.CancelSecretHash).IsUnique();
        b.HasIndex(r => r.UserId);
    }
}
