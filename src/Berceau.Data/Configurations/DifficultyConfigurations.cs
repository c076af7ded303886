using Berceau.Domain.Difficulty;
using Berceau.Domain.Offer;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Berceau.Data.Configurations;

internal sealed class StructureSignalConfiguration : IEntityTypeConfiguration<StructureSignal>
{
    public void Configure(EntityTypeBuilder<StructureSignal> b)
    {
        b.ToTable("StructureSignals");
        b.HasKey(s => s.Id);
        b.Property(s => s.Id).ValueGeneratedNever();
        b.HasOne<Facility>().WithMany().HasForeignKey(s => s.FacilityId).OnDelete(DeleteBehavior.Cascade);
        // The alert list reads the signals of the structures of a territory.
        b.HasIndex(s => new { s.FacilityId, s.On });
        b.Property(s => s.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(s => s.Note).HasMaxLength(StructureSignal.MaxNoteLength);
        b.Property(s => s.LiftNote).HasMaxLength(StructureSignal.MaxNoteLength);
        b.Property(s => s.RecordedBy).HasMaxLength(450);
        b.Property(s => s.LiftedBy).HasMaxLength(450);
        b.Ignore(s => s.IsLifted);
    }
}

internal sealed class AccompanimentCaseConfiguration : IEntityTypeConfiguration<AccompanimentCase>
{
    public void Configure(EntityTypeBuilder<AccompanimentCase> b)
    {
        b.ToTable("AccompanimentCases");
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).HasConversion(id => id.Value, value => new AccompanimentCaseId(value));
        b.HasOne<Facility>().WithMany().HasForeignKey(c => c.FacilityId).OnDelete(DeleteBehavior.Cascade);
        // One open accompaniment per structure, even when two advisors open one at the same moment (same SQL for both providers).
        b.HasIndex(c => c.FacilityId).IsUnique().HasFilter("\"Status\" = 'Open'").HasDatabaseName("IX_AccompanimentCases_OneOpen");
        b.HasIndex(c => new { c.CommuneCode, c.Status, c.OpenedAt });
        b.Property(c => c.CommuneCode).HasMaxLength(5);
        b.Property(c => c.Origin).HasConversion<string>().HasMaxLength(24);
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.Outcome).HasConversion<string>().HasMaxLength(24);
        b.Property(c => c.AlertsAtOpening).HasMaxLength(4000);
        b.Property(c => c.OpenedBy).HasMaxLength(450);
        b.Property(c => c.ClosedBy).HasMaxLength(450);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.Ignore(c => c.FundingMobilised);
        b.HasMany(c => c.Actions).WithOne().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AccompanimentActionConfiguration : IEntityTypeConfiguration<AccompanimentAction>
{
    public void Configure(EntityTypeBuilder<AccompanimentAction> b)
    {
        b.ToTable("AccompanimentActions");
        b.HasKey(a => a.Id);
        // The domain sets the id: a line added to a loaded case is new, never an update of an existing row.
        b.Property(a => a.Id).ValueGeneratedNever();
        b.Property(a => a.CaseId).HasConversion(id => id.Value, value => new AccompanimentCaseId(value));
        b.HasIndex(a => a.CaseId);
        b.Property(a => a.Kind).HasConversion<string>().HasMaxLength(24);
        b.Property(a => a.Outcome).HasConversion<string>().HasMaxLength(24);
        b.Property(a => a.By).HasMaxLength(450);
        b.Property(a => a.Note).HasMaxLength(AccompanimentCase.MaxNoteLength);
        b.Property(a => a.Funder).HasMaxLength(AccompanimentCase.MaxFunderLength);
        b.Property(a => a.Amount).HasPrecision(12, 2);
    }
}
