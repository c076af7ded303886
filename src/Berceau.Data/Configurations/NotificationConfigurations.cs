using Berceau.Data.Identity;
using Berceau.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Berceau.Data.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.HasKey(m => m.Id);
        b.Property(m => m.Kind).HasMaxLength(64);
        b.Property(m => m.RecipientEmail).HasMaxLength(256);
        b.Property(m => m.RecipientUserId).HasMaxLength(450);
        b.Property(m => m.Subject).HasMaxLength(OutboxMessage.MaxSubjectLength);
        b.Property(m => m.IdempotencyKey).HasMaxLength(OutboxMessage.MaxKeyLength);
        b.Property(m => m.LastError).HasMaxLength(OutboxMessage.MaxErrorLength);
        // The database, not only the Notifier's check, refuses a second message with the same key (two requests racing).
        b.HasIndex(m => m.IdempotencyKey).IsUnique();
        // The worker's query: pending messages that are due.
        b.HasIndex(m => new { m.SentAt, m.FailedAt, m.NextAttemptAt });
        // No foreign key to the user: the message outlives an erased account until it is sent or purged.
        b.HasIndex(m => m.RecipientUserId);
        // The territory the message is about (an application's commune), so that an admin sees only the messages of theirs.
        b.Property(m => m.CommuneCode).HasMaxLength(5);
        b.HasIndex(m => new { m.CommuneCode, m.FailedAt });
        // Deleted with their message (the purge's ExecuteDelete relies on the database's cascade).
        b.HasMany(m => m.Attachments).WithOne().HasForeignKey(a => a.MessageId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OutboxAttachmentConfiguration : IEntityTypeConfiguration<OutboxAttachment>
{
    public void Configure(EntityTypeBuilder<OutboxAttachment> b)
    {
        b.ToTable("OutboxAttachments");
        b.HasKey(a => a.Id);
        b.Property(a => a.FileName).HasMaxLength(OutboxAttachment.MaxFileNameLength);
        b.Property(a => a.ContentType).HasMaxLength(OutboxAttachment.MaxContentTypeLength);
        b.HasIndex(a => a.MessageId);
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.HasKey(n => n.Id);
        b.Property(n => n.UserId).HasMaxLength(450);
        b.Property(n => n.Kind).HasMaxLength(64);
        b.Property(n => n.Title).HasMaxLength(Notification.MaxTitleLength);
        b.Property(n => n.Link).HasMaxLength(Notification.MaxLinkLength);
        b.Property(n => n.ReadAt);
        b.HasOne<BerceauUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(n => new { n.UserId, n.CreatedAt });
    }
}
