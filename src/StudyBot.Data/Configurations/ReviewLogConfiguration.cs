using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StudyBot.Data.Entities;

namespace StudyBot.Data.Configurations;

internal sealed class ReviewLogConfiguration : IEntityTypeConfiguration<ReviewLogEntry>
{
    public void Configure(EntityTypeBuilder<ReviewLogEntry> builder)
    {
        builder.ToTable("ReviewLog");
        builder.Property(l => l.InteractionId).HasMaxLength(64);
        builder.HasIndex(l => l.InteractionId).IsUnique();
        // One undo per answer, even when two undo clicks race.
        builder.HasIndex(l => l.UndoesId).IsUnique();
        builder.HasIndex(l => new { l.UserId, l.ReviewedUtc });
        builder.HasIndex(l => new { l.UserId, l.CardId });
        builder.HasOne<CardRecord>().WithMany().HasForeignKey(l => l.CardId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(l => l.Kind).HasConversion<string>().HasMaxLength(10);
        builder.Property(l => l.Source).HasConversion<string>().HasMaxLength(10);
        builder.Property(l => l.AnswerText).HasMaxLength(4000);
        builder.ComplexProperty(l => l.Before, m => CardMemoryColumns.Map(m, "Before"));
        builder.ComplexProperty(l => l.After, m => CardMemoryColumns.Map(m, "After"));
    }
}
