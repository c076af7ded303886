using Berceau.Domain.Applications;
using Berceau.Domain.Commission;
using Berceau.Domain.FollowUp;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Berceau.Data.Configurations;

internal sealed class FollowUpCaseConfiguration : IEntityTypeConfiguration<FollowUpCase>
{
    public void Configure(EntityTypeBuilder<FollowUpCase> b)
    {
        b.ToTable("FollowUpCases");
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).HasConversion(id => id.Value, value => new FollowUpCaseId(value));
        // The case goes with its application when the retention purge deletes it.
        b.HasOne<Application>().WithMany().HasForeignKey(c => c.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<CommissionSession>().WithMany().HasForeignKey(c => c.SessionId);
        // One open case per application, even when a validation is replayed or two agents act at once (same SQL for both providers).
        b.HasIndex(c => c.ApplicationId).IsUnique().HasFilter("\"Status\" = 'Open'").HasDatabaseName("IX_FollowUpCases_OneOpen");
        // Issue 7's worklist: the open cases of a guichet's communes, oldest first.
        b.HasIndex(c => new { c.CommuneCode, c.Status, c.OpenedAt });
        b.Property(c => c.CommuneCode).HasMaxLength(5);
        b.Property(c => c.Origin).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.OpenedBy).HasMaxLength(450);
    }
}
