using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StudyBot.Data.Entities;

namespace StudyBot.Data.Configurations;

internal sealed class FsrsFitConfiguration : IEntityTypeConfiguration<FsrsFit>
{
    public void Configure(EntityTypeBuilder<FsrsFit> builder)
    {
        builder.ToTable("FsrsFits");
        builder.HasIndex(f => new { f.UserId, f.FittedUtc });
        builder.Property(f => f.Weights).HasMaxLength(1000);
    }
}
