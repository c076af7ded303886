using Berceau.Domain.Obligations;
using Berceau.Domain.Territories;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Berceau.Data.Configurations;

internal sealed class CommuneObligationRecordConfiguration : IEntityTypeConfiguration<CommuneObligationRecord>
{
    public void Configure(EntityTypeBuilder<CommuneObligationRecord> b)
    {
        b.ToTable("CommuneObligations");
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.CommuneCode).HasMaxLength(5);
        b.HasOne<Commune>().WithMany().HasForeignKey(r => r.CommuneCode);
        // One row per commune and obligation, even when two agents record the first assessment at the same moment.
        b.HasIndex(r => new { r.CommuneCode, r.Kind }).IsUnique();
        b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(24);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.Contents).HasConversion<int>();
        b.Property(r => r.Comment).HasMaxLength(CommuneObligationRecord.MaxCommentLength);
        b.Property(r => r.UpdatedBy).HasMaxLength(450);
        b.Property(r => r.Version).IsConcurrencyToken();
    }
}

internal sealed class CommuneObligationDocumentConfiguration : IEntityTypeConfiguration<CommuneObligationDocument>
{
    public void Configure(EntityTypeBuilder<CommuneObligationDocument> b)
    {
        b.ToTable("CommuneObligationDocuments");
        b.HasKey(d => d.Id);
        b.Property(d => d.Id).ValueGeneratedNever();
        b.HasOne<CommuneObligationRecord>().WithMany().HasForeignKey(d => d.RecordId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(d => d.RecordId);
        b.Property(d => d.Title).HasMaxLength(CommuneObligationDocument.MaxTitleLength);
        b.Property(d => d.FileName).HasMaxLength(260);
        b.Property(d => d.ContentType).HasMaxLength(64);
        b.Property(d => d.UploadedBy).HasMaxLength(450);
    }
}
