using Berceau.Domain.Applications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Berceau.Data.Configurations;

internal sealed class ErasureRequestConfiguration : IEntityTypeConfiguration<ErasureRequest>
{
    public void Configure(EntityTypeBuilder<ErasureRequest> b)
    {
        b.ToTable("ErasureRequests");
        b.HasKey(r => r.Id);
        // The request goes with its application when the retention purge deletes it: by then it was answered long ago.
        b.HasOne<Application>().WithMany().HasForeignKey(r => r.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        // One open request per application, even when two clicks arrive at once (the same SQL for both providers).
        b.HasIndex(r => r.ApplicationId).IsUnique().HasFilter("\"State\" = 'Pending'").HasDatabaseName("IX_ErasureRequests_OnePending");
        b.HasIndex(r => new { r.ApplicationId, r.RequestedAt });
        // The guichet's queue: the pending requests of its communes, oldest first.
        b.HasIndex(r => new { r.CommuneCode, r.State, r.RequestedAt });
        b.Property(r => r.CommuneCode).HasMaxLength(5);
        b.Property(r => r.RequestedBy).HasMaxLength(450);
        b.Property(r => r.HandledBy).HasMaxLength(450);
        b.Property(r => r.Reason).HasMaxLength(ErasureRequest.MaxReasonLength);
        b.Property(r => r.Response).HasMaxLength(ErasureRequest.MaxReasonLength);
        // Two agents answering the same request at once: the second UPDATE finds the state changed and is refused.
        b.Property(r => r.State).HasConversion<string>().HasMaxLength(16).IsConcurrencyToken();
    }
}
