using Berceau.Data.Identity;
using Berceau.Domain.OccasionalCare;
using Berceau.Domain.Offer;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Berceau.Data.Configurations;

internal sealed class OccasionalSlotConfiguration : IEntityTypeConfiguration<OccasionalSlot>
{
    public void Configure(EntityTypeBuilder<OccasionalSlot> b)
    {
        // The database itself refuses a slot booked beyond its places: the conditional UPDATE of a booking is the rule, this is the net.
        b.ToTable("OccasionalSlots", t => t.HasCheckConstraint("CK_OccasionalSlots_Booked", "\"Booked\" >= 0 AND \"Booked\" <= \"Places\""));
        b.HasKey(s => s.Id);
        b.HasOne<Facility>().WithMany().HasForeignKey(s => s.FacilityId).OnDelete(DeleteBehavior.Cascade);
        b.Property(s => s.CommuneCode).HasMaxLength(5);
        b.Property(s => s.HalfDay).HasConversion<string>().HasMaxLength(16);
        b.Property(s => s.Origin).HasConversion<string>().HasMaxLength(16);
        b.Property(s => s.Reason).HasMaxLength(OccasionalSlot.MaxReasonLength);
        b.Property(s => s.PublishedBy).HasMaxLength(256);
        b.Ignore(s => s.Hours);
        b.Ignore(s => s.FreePlaces);
        b.Ignore(s => s.IsWithdrawn);
        // The families' list: open slots of a commune from a day on; the director's: a facility's days.
        b.HasIndex(s => new { s.CommuneCode, s.Day });
        b.HasIndex(s => new { s.FacilityId, s.Day });
    }
}

internal sealed class OccasionalChildConfiguration : IEntityTypeConfiguration<OccasionalChild>
{
    public void Configure(EntityTypeBuilder<OccasionalChild> b)
    {
        b.ToTable("OccasionalChildren");
        b.HasKey(c => c.Id);
        // A family's files go with its account.
        b.HasOne<BerceauUser>().WithMany().HasForeignKey(c => c.FamilyUserId).OnDelete(DeleteBehavior.Cascade);
        b.Property(c => c.CommuneCode).HasMaxLength(5);
        b.Property(c => c.ChildFirstName).HasMaxLength(OccasionalChild.MaxNameLength);
        b.Property(c => c.ChildLastName).HasMaxLength(OccasionalChild.MaxNameLength);
        b.Property(c => c.AnnualResources).HasPrecision(12, 2);
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.ReviewedBy).HasMaxLength(256);
        b.Property(c => c.ReviewNote).HasMaxLength(OccasionalChild.MaxNoteLength);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.Ignore(c => c.CanBook);
        b.Ignore(c => c.ChildName);
        b.HasIndex(c => c.FamilyUserId);
        // The guichet's worklist: files of its communes by status, oldest first.
        b.HasIndex(c => new { c.CommuneCode, c.Status, c.CreatedAt });
    }
}

internal sealed class OccasionalBookingConfiguration : IEntityTypeConfiguration<OccasionalBooking>
{
    public void Configure(EntityTypeBuilder<OccasionalBooking> b)
    {
        b.ToTable("OccasionalBookings");
        b.HasKey(x => x.Id);
        b.HasOne<OccasionalSlot>().WithMany().HasForeignKey(x => x.SlotId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<OccasionalChild>().WithMany().HasForeignKey(x => x.ChildId).OnDelete(DeleteBehavior.Cascade);
        b.Property(x => x.FamilyUserId).HasMaxLength(450);
        b.Property(x => x.Hours).HasPrecision(5, 2);
        b.Property(x => x.HourlyFee).HasPrecision(8, 2);
        b.Property(x => x.Price).HasPrecision(10, 2);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(24);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Property(x => x.CancelledBy).HasMaxLength(256);
        b.Property(x => x.CancellationReason).HasMaxLength(OccasionalBooking.MaxReasonLength);
        b.Ignore(x => x.Billed);
        // A child holds at most one confirmed place of a slot, even when the family double-clicks (same SQL for both providers).
        b.HasIndex(x => new { x.SlotId, x.ChildId }).IsUnique().HasFilter("\"Status\" = 'Confirmed'").HasDatabaseName("IX_OccasionalBookings_OnePerChild");
        b.HasIndex(x => new { x.FamilyUserId, x.Day });
        b.HasIndex(x => new { x.FacilityId, x.Day });
    }
}

internal sealed class OccasionalCareSettingsConfiguration : IEntityTypeConfiguration<OccasionalCareSettings>
{
    public void Configure(EntityTypeBuilder<OccasionalCareSettings> b)
    {
        b.ToTable("OccasionalCareSettings");
        b.HasKey(s => s.CommuneCode);
        b.Property(s => s.CommuneCode).HasMaxLength(5);
        b.Property(s => s.ChangedBy).HasMaxLength(256);
        b.Property(s => s.Version).IsConcurrencyToken();
        b.HasOne<Berceau.Domain.Territories.Commune>().WithMany().HasForeignKey(s => s.CommuneCode);
    }
}
