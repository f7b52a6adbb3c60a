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
        // One undo per answer, even when two undo clicks race. Only undos are in it: an answer's
        // insert (nearly every row) leaves it alone, and "is this answer undone" (UndoesId = id)
        // still finds it, as a comparison implies the filter on both providers.
        builder.HasIndex(l => l.UndoesId).IsUnique().HasFilter("\"UndoesId\" IS NOT NULL");
        builder.HasIndex(l => new { l.UserId, l.ReviewedUtc });
        // A card's log for one student (the answer's read counts it), and the card's foreign key:
        // one index serves both, one fewer for every answer's insert to update.
        builder.HasIndex(l => new { l.CardId, l.UserId });
        builder.HasOne<CardRecord>().WithMany().HasForeignKey(l => l.CardId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(l => l.Kind).HasConversion<string>().HasMaxLength(10);
        builder.Property(l => l.Source).HasConversion<string>().HasMaxLength(10);
        builder.Property(l => l.AnswerText).HasMaxLength(4000);
        builder.ComplexProperty(l => l.Before, m => CardMemoryColumns.Map(m, "Before"));
        builder.ComplexProperty(l => l.After, m => CardMemoryColumns.Map(m, "After"));
    }
}
