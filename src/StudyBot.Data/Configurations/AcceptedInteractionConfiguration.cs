using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StudyBot.Data.Entities;

namespace StudyBot.Data.Configurations;

internal sealed class AcceptedInteractionConfiguration : IEntityTypeConfiguration<AcceptedInteraction>
{
    public void Configure(EntityTypeBuilder<AcceptedInteraction> builder)
    {
        builder.ToTable("AcceptedInteractions");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        // The prune deletes by expiry.
        builder.HasIndex(a => a.ExpiresUtc);
    }
}
