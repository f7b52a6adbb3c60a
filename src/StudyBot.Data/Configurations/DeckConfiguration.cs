using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StudyBot.Data.Entities;

namespace StudyBot.Data.Configurations;

internal sealed class DeckConfiguration : IEntityTypeConfiguration<DeckRecord>
{
    public void Configure(EntityTypeBuilder<DeckRecord> builder)
    {
        builder.ToTable("Decks");
        builder.Property(d => d.Key).HasMaxLength(200);
        // Deck ids are unique within a guild, not across guilds.
        builder.HasIndex(d => new { d.GuildId, d.Key }).IsUnique();
        builder.Property(d => d.Title).HasMaxLength(300);
        builder.HasMany(d => d.Versions).WithOne().HasForeignKey(v => v.DeckId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DeckImageConfiguration : IEntityTypeConfiguration<DeckImageRecord>
{
    public void Configure(EntityTypeBuilder<DeckImageRecord> builder)
    {
        builder.ToTable("DeckImages");
        builder.Property(i => i.Name).HasMaxLength(Core.Decks.Images.ImageRules.MaxNameLength);
        builder.HasIndex(i => new { i.DeckId, i.Name }).IsUnique();
        builder.Property(i => i.Format).HasConversion<string>().HasMaxLength(10);
        builder.HasOne<DeckRecord>().WithMany().HasForeignKey(i => i.DeckId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DeckVersionConfiguration : IEntityTypeConfiguration<DeckVersion>
{
    public void Configure(EntityTypeBuilder<DeckVersion> builder)
    {
        builder.ToTable("DeckVersions");
        builder.HasIndex(v => new { v.DeckId, v.Number }).IsUnique();
    }
}
