using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StudyBot.Data.Entities;

namespace StudyBot.Data.Configurations;

internal sealed class ExamDateConfiguration : IEntityTypeConfiguration<ExamDate>
{
    public void Configure(EntityTypeBuilder<ExamDate> builder)
    {
        builder.ToTable("ExamDates");
        // One exam per deck and instant; an answer reads the next one by deck.
        builder.HasIndex(e => new { e.DeckId, e.AtUtc }).IsUnique();
        builder.HasIndex(e => new { e.GuildId, e.AtUtc });
        builder.HasOne<DeckRecord>().WithMany().HasForeignKey(e => e.DeckId).OnDelete(DeleteBehavior.Cascade);
    }
}
