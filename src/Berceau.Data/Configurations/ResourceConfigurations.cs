using Berceau.Domain.Resources;
using Berceau.Domain.Territories;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Berceau.Data.Configurations;

internal sealed class DisabilityResourceConfiguration : IEntityTypeConfiguration<DisabilityResource>
{
    public void Configure(EntityTypeBuilder<DisabilityResource> b)
    {
        b.ToTable("DisabilityResources");
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).ValueGeneratedNever();
        b.HasOne<Commune>().WithMany().HasForeignKey(r => r.CommuneCode);
        b.Property(r => r.CommuneCode).HasMaxLength(5);
        b.Property(r => r.Name).HasMaxLength(DisabilityResource.MaxNameLength);
        b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(24);
        b.Property(r => r.Address).HasMaxLength(DisabilityResource.MaxAddressLength);
        b.Property(r => r.Phone).HasMaxLength(DisabilityResource.MaxPhoneLength);
        b.Property(r => r.Email).HasMaxLength(DisabilityResource.MaxEmailLength);
        b.Property(r => r.Website).HasMaxLength(DisabilityResource.MaxWebsiteLength);
        b.Property(r => r.Description).HasMaxLength(DisabilityResource.MaxDescriptionLength);
        b.Property(r => r.UpdatedBy).HasMaxLength(450);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.Ignore(r => r.Title);
        // The public directory: published entries by commune.
        b.HasIndex(r => new { r.Withdrawn, r.CommuneCode });
    }
}

internal sealed class TrainingOfferConfiguration : IEntityTypeConfiguration<Berceau.Domain.Careers.TrainingOffer>
{
    public void Configure(EntityTypeBuilder<Berceau.Domain.Careers.TrainingOffer> b)
    {
        b.ToTable("TrainingOffers");
        b.HasKey(t => t.Id);
        b.Property(t => t.Id).ValueGeneratedNever();
        b.HasOne<Commune>().WithMany().HasForeignKey(t => t.CommuneCode);
        b.Property(t => t.CommuneCode).HasMaxLength(5);
        b.Property(t => t.School).HasMaxLength(Berceau.Domain.Careers.TrainingOffer.MaxSchoolLength);
        b.Property(t => t.Diploma).HasConversion<string>().HasMaxLength(24);
        b.Property(t => t.Route).HasConversion<string>().HasMaxLength(16);
        b.Property(t => t.Address).HasMaxLength(Berceau.Domain.Careers.TrainingOffer.MaxAddressLength);
        b.Property(t => t.Phone).HasMaxLength(DisabilityResource.MaxPhoneLength);
        b.Property(t => t.Email).HasMaxLength(DisabilityResource.MaxEmailLength);
        b.Property(t => t.Website).HasMaxLength(DisabilityResource.MaxWebsiteLength);
        b.Property(t => t.Description).HasMaxLength(Berceau.Domain.Careers.TrainingOffer.MaxDescriptionLength);
        b.Property(t => t.UpdatedBy).HasMaxLength(450);
        b.Property(t => t.Version).IsConcurrencyToken();
        b.Ignore(t => t.Title);
        b.HasIndex(t => new { t.Withdrawn, t.CommuneCode });
        // Sessions are values of the offer, replaced as a whole when it is saved.
        b.OwnsMany(t => t.Sessions, s =>
        {
            s.ToTable("TrainingSessions");
            s.WithOwner().HasForeignKey("TrainingOfferId");
            s.Property<int>("Id");
            s.HasKey("Id");
        });
    }
}
