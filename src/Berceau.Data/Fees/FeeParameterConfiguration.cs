using Berceau.Domain.Fees;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Berceau.Data.Fees;

internal sealed class FeeParameterConfiguration : IEntityTypeConfiguration<FeeParameter>
{
    public void Configure(EntityTypeBuilder<FeeParameter> b)
    {
        b.HasKey(p => new { p.Key, p.ValidFrom });
        b.Property(p => p.Key).HasMaxLength(100);
        b.Property(p => p.Value).HasPrecision(18, 6);
        b.Property(p => p.Source).HasMaxLength(300);
    }
}
