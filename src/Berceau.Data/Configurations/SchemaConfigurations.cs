using Berceau.Data.Identity;
using Berceau.Domain.Schema;
using Berceau.Domain.Territories;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Berceau.Data.Configurations;

internal sealed class SdsfConfiguration : IEntityTypeConfiguration<Sdsf>
{
    public void Configure(EntityTypeBuilder<Sdsf> b)
    {
        b.ToTable("Schemas");
        b.HasKey(s => s.Id);
        b.Property(s => s.Id).HasConversion(id => id.Value, value => new SdsfId(value));
        b.Property(s => s.DepartementCode).HasMaxLength(3);
        b.HasOne<Departement>().WithMany().HasForeignKey(s => s.DepartementCode).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(s => new { s.DepartementCode, s.StartYear });
        b.Property(s => s.Title).HasMaxLength(Sdsf.MaxTitleLength);
        b.Property(s => s.Source).HasMaxLength(Sdsf.MaxSourceLength);
        b.Property(s => s.Version).IsConcurrencyToken();
        b.Ignore(s => s.Period);
        b.HasMany(s => s.Axes).WithOne().HasForeignKey(a => a.SchemaId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SchemaAxisConfiguration : IEntityTypeConfiguration<SchemaAxis>
{
    public void Configure(EntityTypeBuilder<SchemaAxis> b)
    {
        b.ToTable("SchemaAxes");
        b.HasKey(a => a.Id);
        b.Property(a => a.Id).ValueGeneratedNever();
        b.Property(a => a.SchemaId).HasConversion(id => id.Value, value => new SdsfId(value));
        b.HasIndex(a => new { a.SchemaId, a.Number }).IsUnique();
        b.Property(a => a.Title).HasMaxLength(SchemaAxis.MaxTitleLength);
        b.Ignore(a => a.Label);
    }
}

internal sealed class ActionSheetConfiguration : IEntityTypeConfiguration<ActionSheet>
{
    public void Configure(EntityTypeBuilder<ActionSheet> b)
    {
        b.ToTable("ActionSheets");
        b.HasKey(s => s.Id);
        b.Property(s => s.Id).HasConversion(id => id.Value, value => new ActionSheetId(value));
        b.Property(s => s.SchemaId).HasConversion(id => id.Value, value => new SdsfId(value));
        b.HasOne<Sdsf>().WithMany().HasForeignKey(s => s.SchemaId).OnDelete(DeleteBehavior.Cascade);
        // An axe with fiches cannot disappear under them.
        b.HasOne<SchemaAxis>().WithMany().HasForeignKey(s => s.AxisId).OnDelete(DeleteBehavior.Restrict);
        b.Property(s => s.PilotId).HasConversion(new PartnerOrganisationIdConverter());
        b.HasOne<PartnerOrganisation>().WithMany().HasForeignKey(s => s.PilotId).OnDelete(DeleteBehavior.Restrict);
        // One number per schéma, even when two secretaries create fiches at once.
        b.HasIndex(s => new { s.SchemaId, s.Number }).IsUnique();
        b.HasIndex(s => s.AxisId);
        b.Property(s => s.Number).HasMaxLength(ActionSheet.MaxNumberLength);
        b.Property(s => s.Title).HasMaxLength(ActionSheet.MaxTitleLength);
        b.Property(s => s.Issues).HasMaxLength(ActionSheet.MaxTextLength);
        b.Property(s => s.KeyActions).HasMaxLength(ActionSheet.MaxTextLength);
        b.Property(s => s.Means).HasMaxLength(ActionSheet.MaxTextLength);
        b.Property(s => s.Actors).HasMaxLength(ActionSheet.MaxShortTextLength);
        b.Property(s => s.Schedule).HasMaxLength(ActionSheet.MaxShortTextLength);
        b.Property(s => s.State).HasConversion<string>().HasMaxLength(16);
        b.Property(s => s.Version).IsConcurrencyToken();
        b.HasMany(s => s.CoPilots).WithOne().HasForeignKey(c => c.SheetId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(s => s.Indicators).WithOne().HasForeignKey(i => i.SheetId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(s => s.PlannedPlaces).WithOne().HasForeignKey(p => p.SheetId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(s => s.Updates).WithOne().HasForeignKey(u => u.SheetId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ActionSheetCoPilotConfiguration : IEntityTypeConfiguration<ActionSheetCoPilot>
{
    public void Configure(EntityTypeBuilder<ActionSheetCoPilot> b)
    {
        b.ToTable("ActionSheetCoPilots");
        b.HasKey(c => new { c.SheetId, c.OrganisationId });
        b.Property(c => c.SheetId).HasConversion(id => id.Value, value => new ActionSheetId(value));
        b.Property(c => c.OrganisationId).HasConversion(id => id.Value, value => new PartnerOrganisationId(value));
        b.HasOne<PartnerOrganisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => c.OrganisationId);
    }
}

internal sealed class ActionSheetIndicatorConfiguration : IEntityTypeConfiguration<ActionSheetIndicator>
{
    public void Configure(EntityTypeBuilder<ActionSheetIndicator> b)
    {
        b.ToTable("ActionSheetIndicators");
        b.HasKey(i => i.Id);
        b.Property(i => i.Id).ValueGeneratedNever();
        b.Property(i => i.SheetId).HasConversion(id => id.Value, value => new ActionSheetId(value));
        b.HasIndex(i => i.SheetId);
        b.Property(i => i.Label).HasMaxLength(ActionSheetIndicator.MaxLabelLength);
        b.Property(i => i.Target).HasMaxLength(ActionSheetIndicator.MaxTargetLength);
        b.Property(i => i.ObservatoryKey).HasMaxLength(64);
    }
}

internal sealed class PlannedPlacesConfiguration : IEntityTypeConfiguration<PlannedPlaces>
{
    public void Configure(EntityTypeBuilder<PlannedPlaces> b)
    {
        b.ToTable("ActionSheetPlannedPlaces");
        b.HasKey(p => p.Id);
        b.Property(p => p.Id).ValueGeneratedNever();
        b.Property(p => p.SheetId).HasConversion(id => id.Value, value => new ActionSheetId(value));
        b.HasIndex(p => p.SheetId);
        // The observatory reads the places of a year in a commune.
        b.HasIndex(p => new { p.Year, p.CommuneCode });
        b.Property(p => p.CommuneCode).HasMaxLength(5);
        b.HasOne<Commune>().WithMany().HasForeignKey(p => p.CommuneCode).OnDelete(DeleteBehavior.Restrict);
        b.Property(p => p.Mode).HasConversion<string>().HasMaxLength(32);
        b.Property(p => p.Label).HasMaxLength(PlannedPlaces.MaxLabelLength);
    }
}

internal sealed class ProgressUpdateConfiguration : IEntityTypeConfiguration<ProgressUpdate>
{
    public void Configure(EntityTypeBuilder<ProgressUpdate> b)
    {
        b.ToTable("ActionSheetProgress");
        b.HasKey(u => u.Id);
        // The domain sets the id: an update added to a loaded fiche is new, never an update of an existing row.
        b.Property(u => u.Id).ValueGeneratedNever();
        b.Property(u => u.SheetId).HasConversion(id => id.Value, value => new ActionSheetId(value));
        b.HasIndex(u => new { u.SheetId, u.On });
        b.Property(u => u.State).HasConversion<string>().HasMaxLength(16);
        b.Property(u => u.Comment).HasMaxLength(ProgressUpdate.MaxCommentLength);
        b.Property(u => u.By).HasMaxLength(450);
    }
}

internal sealed class PartnerOrganisationConfiguration : IEntityTypeConfiguration<PartnerOrganisation>
{
    public void Configure(EntityTypeBuilder<PartnerOrganisation> b)
    {
        b.ToTable("PartnerOrganisations");
        b.HasKey(o => o.Id);
        b.Property(o => o.Id).HasConversion(id => id.Value, value => new PartnerOrganisationId(value));
        b.Property(o => o.DepartementCode).HasMaxLength(3);
        b.HasOne<Departement>().WithMany().HasForeignKey(o => o.DepartementCode).OnDelete(DeleteBehavior.Restrict);
        b.Property(o => o.Name).HasMaxLength(PartnerOrganisation.MaxNameLength);
        b.HasIndex(o => new { o.DepartementCode, o.Name }).IsUnique();
        b.HasMany(o => o.Members).WithOne().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PartnerMemberConfiguration : IEntityTypeConfiguration<PartnerMember>
{
    public void Configure(EntityTypeBuilder<PartnerMember> b)
    {
        b.ToTable("PartnerMembers");
        b.HasKey(m => new { m.OrganisationId, m.UserId });
        b.Property(m => m.OrganisationId).HasConversion(id => id.Value, value => new PartnerOrganisationId(value));
        // A deleted account no longer acts for anyone.
        b.HasOne<BerceauUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(m => m.UserId);
    }
}

/// <summary>Also used for the nullable pilot: EF applies it to the value when there is one.</summary>
internal sealed class PartnerOrganisationIdConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<PartnerOrganisationId, Guid>(
    id => id.Value, value => new PartnerOrganisationId(value));
