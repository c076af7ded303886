using Berceau.Data.Identity;
using Berceau.Domain.Applications;
using Berceau.Domain.Territories;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Berceau.Data.Configurations;

internal sealed class ApplicationConfiguration : IEntityTypeConfiguration<Application>
{
    public void Configure(EntityTypeBuilder<Application> b)
    {
        b.HasKey(a => a.Id);
        b.Property(a => a.Reference).HasMaxLength(32);
        b.HasIndex(a => a.Reference).IsUnique();
        // The last guard of "a form posted twice creates one application" when both posts arrive at once.
        b.HasIndex(a => a.CreationKey).IsUnique();
        b.Property(a => a.FamilyUserId).HasMaxLength(450);
        b.Property(a => a.CreatedBy).HasMaxLength(450);
        // Deleting an account does not delete applications: erasure is the purge job's business (RULES §7).
        b.HasOne<BerceauUser>().WithMany().HasForeignKey(a => a.FamilyUserId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(a => a.FamilyUserId);
        b.Property(a => a.CommuneCode).HasMaxLength(5);
        b.HasOne<Commune>().WithMany().HasForeignKey(a => a.CommuneCode);
        b.HasOne<Sector>().WithMany().HasForeignKey(a => a.SectorId).OnDelete(DeleteBehavior.SetNull);
        // Not the status: an index holding it would take a new entry at every status move, and forbid PostgreSQL's HOT updates
        // (PostgresBerceauDbContext). A commune's applications are read by commune, then filtered by status.
        b.HasIndex(a => a.CommuneCode);
        b.Property(a => a.Street).HasMaxLength(200);
        b.Property(a => a.PostalCode).HasMaxLength(5);
        b.Property(a => a.ChildFirstName).HasMaxLength(ApplicationRules.MaxNameLength);
        b.Property(a => a.ChildLastName).HasMaxLength(ApplicationRules.MaxNameLength);
        b.Property(a => a.AnnualResources).HasPrecision(12, 2);
        b.Property(a => a.CafNumber).HasMaxLength(7);
        b.Property(a => a.QuotientFamilial).HasPrecision(10, 2);
        // Lists of a few crèches read with the application (the grid scores from them), never queried on their own: a column
        // each (JSON on SQLite, an array on PostgreSQL) rather than tables to join.
        b.PrimitiveCollection(a => a.SiblingFacilities).ElementType(e => e.HasConversion<FacilityIdConverter>());
        b.PrimitiveCollection(a => a.PartnerEmployerFacilities).ElementType(e => e.HasConversion<FacilityIdConverter>());
        b.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.Ignore(a => a.RankedWishes);

        b.OwnsMany(a => a.Guardians, g =>
        {
            g.ToTable("ApplicationGuardians");
            g.WithOwner().HasForeignKey("ApplicationId");
            // A generated key, not the rank: rewriting the list deletes and inserts rows instead of clashing on a reused key.
            g.Property<int>("Id");
            g.HasKey("Id");
            g.Property(x => x.FirstName).HasMaxLength(ApplicationRules.MaxNameLength);
            g.Property(x => x.LastName).HasMaxLength(ApplicationRules.MaxNameLength);
            g.Property(x => x.Situation).HasConversion<string>().HasMaxLength(16);
        });
        b.OwnsMany(a => a.Wishes, w =>
        {
            w.ToTable("ApplicationWishes");
            w.WithOwner().HasForeignKey("ApplicationId");
            w.Property<int>("Id");
            w.HasKey("Id");
            // The commission reads "who wishes this crèche": no foreign key, so that closing a crèche keeps the wish readable.
            w.HasIndex(x => x.FacilityId);
            // No index on (Rank, FacilityId, ApplicationId) for the observatory's first wishes: measured on the bench database
            // (90,000 applications, SQLite), it made SQLite scan every first wish before the applications of the territory, and an
            // EPT's report took 1.5 times as long (docs/performance.md, « Observatoire »).
        });
        b.OwnsMany(a => a.StatusChanges, c =>
        {
            c.ToTable("ApplicationStatusChanges");
            c.WithOwner().HasForeignKey("ApplicationId");
            c.Property<int>("Id");
            c.HasKey("Id");
            c.Property(x => x.From).HasConversion<string>().HasMaxLength(16);
            c.Property(x => x.To).HasConversion<string>().HasMaxLength(16);
            c.Property(x => x.By).HasMaxLength(450);
            c.Property(x => x.Reason).HasMaxLength(1000);
            // The observatory's first acceptances (every change to « acceptée », by application): about 15 % off a département's report.
            c.HasIndex("To", "ApplicationId");
        });
        b.OwnsMany(a => a.Events, e =>
        {
            e.ToTable("ApplicationEvents");
            e.WithOwner().HasForeignKey("ApplicationId");
            e.Property<int>("Id");
            e.HasKey("Id");
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.By).HasMaxLength(450);
            e.Property(x => x.Detail).HasMaxLength(200);
            e.Ignore(x => x.Label);
        });
        b.Navigation(a => a.Guardians).AutoInclude();
    }
}

internal sealed class ApplicationDocumentConfiguration : IEntityTypeConfiguration<ApplicationDocument>
{
    public void Configure(EntityTypeBuilder<ApplicationDocument> b)
    {
        b.ToTable("ApplicationDocuments");
        b.HasKey(d => d.Id);
        b.HasOne<Application>().WithMany().HasForeignKey(d => d.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(d => d.ApplicationId);
        b.Property(d => d.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(d => d.FileName).HasMaxLength(Proofs.MaxFileNameLength);
        b.Property(d => d.ContentType).HasMaxLength(32);
        b.Property(d => d.UploadedBy).HasMaxLength(450);
        // Proofs sent before reviews existed are waiting for review, like new ones.
        b.Property(d => d.Review).HasConversion<string>().HasMaxLength(16).HasDefaultValue(ProofReview.Pending);
        b.Property(d => d.RejectionReason).HasMaxLength(1000);
        b.Property(d => d.ReviewedBy).HasMaxLength(450);
    }
}

internal sealed class IdempotentRequestConfiguration : IEntityTypeConfiguration<Api.IdempotentRequest>
{
    public void Configure(EntityTypeBuilder<Api.IdempotentRequest> b)
    {
        b.ToTable("IdempotentRequests");
        // The primary key is the unique index that makes "exactly once" hold when two identical requests race.
        b.HasKey(r => new { r.UserId, r.Key });
        b.Property(r => r.UserId).HasMaxLength(450);
        b.Property(r => r.Key).HasMaxLength(Api.IdempotentRequest.MaxKeyLength);
        b.Property(r => r.RequestHash).HasMaxLength(64);
        b.Property(r => r.Location).HasMaxLength(200);
        // An erased account takes its keys with it.
        b.HasOne<BerceauUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        // The purge deletes old keys by date.
        b.HasIndex(r => r.CreatedAt);
    }
}

internal sealed class JobLeaseConfiguration : IEntityTypeConfiguration<Jobs.JobLease>
{
    public void Configure(EntityTypeBuilder<Jobs.JobLease> b)
    {
        b.ToTable("JobLeases");
        b.HasKey(j => j.Name);
        b.Property(j => j.Name).HasMaxLength(Jobs.JobLease.MaxNameLength);
    }
}

internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<Security.DataProtectionKeyRow>
{
    public void Configure(EntityTypeBuilder<Security.DataProtectionKeyRow> b)
    {
        b.ToTable("DataProtectionKeys");
        b.HasKey(k => k.Id);
        b.Property(k => k.FriendlyName).HasMaxLength(200);
    }
}

internal sealed class ReferenceCounterConfiguration : IEntityTypeConfiguration<Numbering.ReferenceCounter>
{
    public void Configure(EntityTypeBuilder<Numbering.ReferenceCounter> b)
    {
        // The name is written in the SQL of Numbering.ReferenceCounters: keep them together.
        b.ToTable("ReferenceCounters");
        b.HasKey(c => new { c.CommuneCode, c.Year });
        b.Property(c => c.CommuneCode).HasMaxLength(5);
        b.HasOne<Commune>().WithMany().HasForeignKey(c => c.CommuneCode);
    }
}

internal sealed class GuichetSettingsConfiguration : IEntityTypeConfiguration<GuichetSettings>
{
    public void Configure(EntityTypeBuilder<GuichetSettings> b)
    {
        b.ToTable("GuichetSettings");
        b.HasKey(s => s.CommuneCode);
        b.Property(s => s.CommuneCode).HasMaxLength(5);
        b.Property(s => s.AfterDeclinedOffer).HasConversion<string>().HasMaxLength(16);
        b.HasOne<Commune>().WithMany().HasForeignKey(s => s.CommuneCode);
    }
}
