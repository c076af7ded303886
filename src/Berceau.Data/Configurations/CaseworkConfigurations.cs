using Berceau.Domain.Applications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Berceau.Data.Configurations;

// The guichet's own records about an application: separate tables, so that reading the application (and its family
// pages) never loads them, and the purge deletes them with the application (cascade).

internal sealed class ApplicationNoteConfiguration : IEntityTypeConfiguration<ApplicationNote>
{
    public void Configure(EntityTypeBuilder<ApplicationNote> b)
    {
        b.ToTable("ApplicationNotes");
        b.HasKey(n => n.Id);
        b.HasOne<Application>().WithMany().HasForeignKey(n => n.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(n => n.ApplicationId);
        b.Property(n => n.By).HasMaxLength(450);
        b.Property(n => n.Text).HasMaxLength(ApplicationNote.MaxTextLength);
    }
}

internal sealed class ApplicationContactConfiguration : IEntityTypeConfiguration<ApplicationContact>
{
    public void Configure(EntityTypeBuilder<ApplicationContact> b)
    {
        b.ToTable("ApplicationContacts");
        b.HasKey(c => c.Id);
        b.HasOne<Application>().WithMany().HasForeignKey(c => c.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => c.ApplicationId);
        b.Property(c => c.Kind).HasConversion<string>().HasMaxLength(24);
        b.Property(c => c.Outcome).HasConversion<string>().HasMaxLength(24);
        b.Property(c => c.Comment).HasMaxLength(ApplicationContact.MaxCommentLength);
        b.Property(c => c.By).HasMaxLength(450);
    }
}

internal sealed class ApplicationAccessConfiguration : IEntityTypeConfiguration<ApplicationAccess>
{
    public void Configure(EntityTypeBuilder<ApplicationAccess> b)
    {
        b.ToTable("ApplicationAccesses");
        b.HasKey(a => a.Id);
        b.HasOne<Application>().WithMany().HasForeignKey(a => a.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(a => new { a.ApplicationId, a.At });
        b.Property(a => a.UserId).HasMaxLength(450);
        b.Property(a => a.Role).HasMaxLength(32);
        b.Property(a => a.Kind).HasConversion<string>().HasMaxLength(24);
    }
}

internal sealed class AttachCodeConfiguration : IEntityTypeConfiguration<AttachCode>
{
    public void Configure(EntityTypeBuilder<AttachCode> b)
    {
        b.ToTable("ApplicationAttachCodes");
        b.HasKey(c => c.Id);
        b.HasOne<Application>().WithMany().HasForeignKey(c => c.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => c.ApplicationId);
        // The code is found by its hash; unique, so that one code can never open two applications.
        b.Property(c => c.Hash).HasMaxLength(64);
        b.HasIndex(c => c.Hash).IsUnique();
        b.Property(c => c.CreatedBy).HasMaxLength(450);
    }
}
