using Berceau.Data.Commission;
using Berceau.Domain.Applications;
using Berceau.Domain.Commission;
using Berceau.Domain.Territories;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Berceau.Domain.Offer;

namespace Berceau.Data.Configurations;

internal sealed class CommissionSessionConfiguration : IEntityTypeConfiguration<CommissionSession>
{
    public void Configure(EntityTypeBuilder<CommissionSession> b)
    {
        b.ToTable("CommissionSessions");
        b.HasKey(s => s.Id);
        b.Property(s => s.CommuneCode).HasMaxLength(5);
        b.HasOne<Commune>().WithMany().HasForeignKey(s => s.CommuneCode);
        b.HasIndex(s => s.CommuneCode);
        b.Property(s => s.Title).HasMaxLength(CommissionSession.MaxTitleLength);
        b.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(s => s.CreatedBy).HasMaxLength(450);
        b.Property(s => s.FrozenBy).HasMaxLength(450);
        b.Property(s => s.ValidatedBy).HasMaxLength(450);
        b.Property(s => s.CancelledBy).HasMaxLength(450);
        b.Property(s => s.CancellationReason).HasMaxLength(CommissionOverride.MaxReasonLength);
        b.Property(s => s.Version).IsConcurrencyToken();
        b.Property(s => s.Reattribution).HasConversion<string>().HasMaxLength(16);
        b.Property(s => s.PublishedBy).HasMaxLength(450);
        b.Ignore(s => s.AcceptsRuns);
        // The chosen structures, as one text column of ids: read with the session, never queried on their own.
        b.Property(s => s.Facilities).HasConversion(
            ids => string.Join(',', ids.Select(id => id.Value.ToString("D"))),
            text => text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(id => new FacilityId(Guid.Parse(id))).ToList(),
            new ValueComparer<List<FacilityId>>((x, y) => x!.SequenceEqual(y!), ids => ids.Aggregate(0, (h, id) => HashCode.Combine(h, id)),
                ids => ids.ToList()));
        b.OwnsMany(s => s.Members, m =>
        {
            m.ToTable("CommissionMembers");
            m.WithOwner().HasForeignKey("SessionId");
            m.Property<int>("Id");
            m.HasKey("Id");
            m.Property(x => x.UserId).HasMaxLength(450);
            m.Property(x => x.Role).HasConversion<string>().HasMaxLength(16);
            m.HasIndex(x => x.UserId);
        });
        b.OwnsMany(s => s.Seats, d =>
        {
            d.ToTable("CommissionSeatDeclarations");
            d.WithOwner().HasForeignKey("SessionId");
            d.Property<int>("Id");
            d.HasKey("Id");
            d.Property(x => x.DeclaredBy).HasMaxLength(450);
        });
    }
}

internal sealed class CommissionSnapshotConfiguration : IEntityTypeConfiguration<CommissionSnapshot>
{
    public void Configure(EntityTypeBuilder<CommissionSnapshot> b)
    {
        b.ToTable("CommissionSnapshots");
        b.HasKey(s => s.SessionId);
        b.HasOne<CommissionSession>().WithOne().HasForeignKey<CommissionSnapshot>(s => s.SessionId);
        b.Property(s => s.FrozenBy).HasMaxLength(450);
        b.Property(s => s.InstanceJson).HasConversion<StoredJsonConverter>();
    }
}

internal sealed class CommissionEntryConfiguration : IEntityTypeConfiguration<CommissionEntry>
{
    public void Configure(EntityTypeBuilder<CommissionEntry> b)
    {
        b.ToTable("CommissionEntries");
        b.HasKey(e => e.Id);
        b.HasOne<CommissionSession>().WithMany().HasForeignKey(e => e.SessionId);
        b.HasOne<Application>().WithMany().HasForeignKey(e => e.ApplicationId);
        b.HasIndex(e => new { e.SessionId, e.InstanceId }).IsUnique();
        b.HasIndex(e => new { e.SessionId, e.ApplicationId }).IsUnique();
        b.Property(e => e.InstanceId).HasMaxLength(32);
        b.Property(e => e.StatusBefore).HasConversion<string>().HasMaxLength(16);
    }
}

internal sealed class CommissionRunConfiguration : IEntityTypeConfiguration<CommissionRun>
{
    public void Configure(EntityTypeBuilder<CommissionRun> b)
    {
        b.ToTable("CommissionRuns");
        b.HasKey(r => r.Id);
        b.HasOne<CommissionSession>().WithMany().HasForeignKey(r => r.SessionId);
        // Two members running at once: the second gets the unique index and is told to reload.
        b.HasIndex(r => new { r.SessionId, r.Number }).IsUnique();
        b.Property(r => r.InstanceHash).HasMaxLength(80);
        b.Property(r => r.EngineVersion).HasMaxLength(100);
        b.Property(r => r.By).HasMaxLength(450);
        b.Property(r => r.InstanceJson).HasConversion<StoredJsonConverter>();
        b.Property(r => r.ResultJson).HasConversion<StoredJsonConverter>();
    }
}

internal sealed class CommissionOverrideConfiguration : IEntityTypeConfiguration<CommissionOverride>
{
    public void Configure(EntityTypeBuilder<CommissionOverride> b)
    {
        b.ToTable("CommissionOverrides");
        b.HasKey(o => o.Id);
        b.HasOne<CommissionSession>().WithMany().HasForeignKey(o => o.SessionId);
        b.HasOne<Application>().WithMany().HasForeignKey(o => o.ApplicationId);
        b.HasIndex(o => o.SessionId);
        b.Property(o => o.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(o => o.Reason).HasMaxLength(CommissionOverride.MaxReasonLength);
        b.Property(o => o.By).HasMaxLength(450);
        b.Property(o => o.WithdrawnBy).HasMaxLength(450);
        b.Ignore(o => o.IsActive);
    }
}

internal sealed class PlaceOfferConfiguration : IEntityTypeConfiguration<PlaceOffer>
{
    public void Configure(EntityTypeBuilder<PlaceOffer> b)
    {
        b.ToTable("PlaceOffers");
        b.HasKey(o => o.Id);
        b.HasOne<CommissionSession>().WithMany().HasForeignKey(o => o.SessionId);
        b.HasOne<Application>().WithMany().HasForeignKey(o => o.ApplicationId);
        b.HasIndex(o => new { o.SessionId, o.SectionId, o.Seat });
        b.HasIndex(o => o.ApplicationId);
        // A seat is never offered twice: the key is set while an offer holds the seat, emptied when it is released, and
        // unique (nulls are distinct on both providers), so the database refuses a second holder whoever writes it.
        b.Property(o => o.SeatKey).HasMaxLength(80);
        b.HasIndex(o => o.SeatKey).IsUnique();
        // Status and deadline are what the expiry job looks for.
        b.Property(o => o.Status).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(o => new { o.Status, o.Deadline });
        b.Property(o => o.OfferedBy).HasMaxLength(450);
        b.Property(o => o.AnsweredBy).HasMaxLength(450);
        b.Property(o => o.Reason).HasMaxLength(PlaceOffer.MaxReasonLength);
        b.Property(o => o.Version).IsConcurrencyToken();
    }
}
