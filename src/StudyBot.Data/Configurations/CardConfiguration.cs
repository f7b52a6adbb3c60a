using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StudyBot.Core.Decks;
using StudyBot.Data.Entities;

namespace StudyBot.Data.Configurations;

internal sealed class CardConfiguration : IEntityTypeConfiguration<CardRecord>
{
    public void Configure(EntityTypeBuilder<CardRecord> builder)
    {
        builder.ToTable("Cards");
        builder.Property(c => c.Key).HasMaxLength(200);
        builder.HasIndex(c => new { c.DeckId, c.Key }).IsUnique();
        builder.HasIndex(c => new { c.DeckId, c.Ordinal });
        builder.HasOne(c => c.Deck).WithMany().HasForeignKey(c => c.DeckId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(c => c.NoteKey).HasMaxLength(200);
        builder.Property(c => c.Image).HasMaxLength(Core.Decks.Images.ImageRules.MaxNameLength);
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(10);
        // Choices are read and written only with their card: one JSON column, portable as text.
        builder.Property(c => c.Choices).HasConversion(
            v => JsonSerializer.Serialize(v, JsonSerializerOptions.Default),
            v => JsonSerializer.Deserialize<List<McqChoice>>(v, JsonSerializerOptions.Default) ?? new List<McqChoice>(),
            new ValueComparer<List<McqChoice>>(
                (a, b) => a!.SequenceEqual(b!),
                v => v.Aggregate(0, (h, c) => HashCode.Combine(h, c.GetHashCode())),
                v => v.ToList()));
    }
}
