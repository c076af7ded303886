using Berceau.Domain.Newsletter;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Berceau.Data.Configurations;

internal sealed class NewsletterSubscriberConfiguration : IEntityTypeConfiguration<NewsletterSubscriber>
{
    public void Configure(EntityTypeBuilder<NewsletterSubscriber> b)
    {
        b.ToTable("NewsletterSubscribers");
        b.HasKey(s => s.Id);
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.DepartementCode).HasMaxLength(3);
        b.Property(s => s.Email).HasMaxLength(NewsletterSubscriber.MaxEmailLength);
        b.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        // One subscription per mailbox and département, even when the form is sent twice at once.
        b.HasIndex(s => new { s.DepartementCode, s.Email }).IsUnique();
    }
}

internal sealed class NewsletterIssueConfiguration : IEntityTypeConfiguration<NewsletterIssue>
{
    public void Configure(EntityTypeBuilder<NewsletterIssue> b)
    {
        b.ToTable("NewsletterIssues");
        b.HasKey(i => i.Id);
        b.Property(i => i.Id).ValueGeneratedNever();
        b.Property(i => i.DepartementCode).HasMaxLength(3);
        b.Property(i => i.Title).HasMaxLength(NewsletterIssue.MaxTitleLength);
        b.Property(i => i.Body).HasMaxLength(NewsletterIssue.MaxBodyLength);
        b.Property(i => i.SentBy).HasMaxLength(450);
        // Numbers follow each other per département: two secretaries sending at once cannot both take the same one.
        b.HasIndex(i => new { i.DepartementCode, i.Number }).IsUnique();
    }
}
