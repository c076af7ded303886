using Berceau.Data.Identity;
using Berceau.Domain.Childminders;
using Berceau.Domain.Offer;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Berceau.Data.Configurations;

internal sealed class ChildminderProfileConfiguration : IEntityTypeConfiguration<ChildminderProfile>
{
    public void Configure(EntityTypeBuilder<ChildminderProfile> b)
    {
        b.ToTable("ChildminderProfiles");
        b.HasKey(p => p.FacilityId);
        b.HasOne<Facility>().WithOne().HasForeignKey<ChildminderProfile>(p => p.FacilityId).OnDelete(DeleteBehavior.Cascade);
        b.Property(p => p.AtypicalHoursDetail).HasMaxLength(ChildminderProfile.MaxDetailLength);
        b.Property(p => p.DisabilityExperience).HasMaxLength(ChildminderProfile.MaxDetailLength);
    }
}

internal sealed class ChildminderInvitationConfiguration : IEntityTypeConfiguration<ChildminderInvitation>
{
    public void Configure(EntityTypeBuilder<ChildminderInvitation> b)
    {
        b.ToTable("ChildminderInvitations");
        b.HasKey(i => i.Id);
        b.HasOne<Facility>().WithMany().HasForeignKey(i => i.FacilityId).OnDelete(DeleteBehavior.Cascade);
        b.Property(i => i.CommuneCode).HasMaxLength(5);
        b.Property(i => i.Email).HasMaxLength(256);
        b.Property(i => i.SecretHash).HasMaxLength(64);
        b.Property(i => i.InvitedBy).HasMaxLength(256);
        b.Property(i => i.UserId).HasMaxLength(450);
        b.HasIndex(i => i.SecretHash).IsUnique();
        b.HasIndex(i => i.FacilityId);
    }
}

internal sealed class ChildminderRegistrationConfiguration : IEntityTypeConfiguration<ChildminderRegistration>
{
    public void Configure(EntityTypeBuilder<ChildminderRegistration> b)
    {
        b.ToTable("ChildminderRegistrations");
        b.HasKey(r => r.Id);
        b.HasOne<BerceauUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        b.Property(r => r.Name).HasMaxLength(200);
        b.Property(r => r.AgrementNumber).HasMaxLength(50);
        b.Property(r => r.CommuneCode).HasMaxLength(5);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.DecidedBy).HasMaxLength(256);
        b.Property(r => r.RefusalReason).HasMaxLength(ChildminderRegistration.MaxReasonLength);
        b.Property(r => r.Version).IsConcurrencyToken();
        // The relais's worklist: pending registrations of its communes, oldest first.
        b.HasIndex(r => new { r.CommuneCode, r.Status, r.CreatedAt });
        b.HasIndex(r => r.UserId);
    }
}

internal sealed class ContactRequestConfiguration : IEntityTypeConfiguration<ContactRequest>
{
    public void Configure(EntityTypeBuilder<ContactRequest> b)
    {
        b.ToTable("ContactRequests");
        b.HasKey(r => r.Id);
        b.HasOne<Facility>().WithMany().HasForeignKey(r => r.FacilityId).OnDelete(DeleteBehavior.Cascade);
        // A family's requests go with its account.
        b.HasOne<BerceauUser>().WithMany().HasForeignKey(r => r.FamilyUserId).OnDelete(DeleteBehavior.Cascade);
        b.Property(r => r.CommuneCode).HasMaxLength(5);
        b.Property(r => r.Message).HasMaxLength(ContactRequest.MaxMessageLength);
        b.Property(r => r.AnswerMessage).HasMaxLength(ContactRequest.MaxMessageLength);
        b.Property(r => r.AnsweredBy).HasMaxLength(256);
        b.Property(r => r.SharedPhone).HasMaxLength(30);
        b.Property(r => r.SharedEmail).HasMaxLength(256);
        b.Property(r => r.SharedAddress).HasMaxLength(300);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasIndex(r => new { r.FacilityId, r.CreatedAt });
        b.HasIndex(r => new { r.FamilyUserId, r.CreatedAt });
        b.HasIndex(r => new { r.CommuneCode, r.CreatedAt });
    }
}
