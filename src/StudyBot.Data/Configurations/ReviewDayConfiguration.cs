using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StudyBot.Data.Entities;

namespace StudyBot.Data.Configurations;

internal sealed class ReviewDayConfiguration : IEntityTypeConfiguration<ReviewDay>
{
    public void Configure(EntityTypeBuilder<ReviewDay> builder)
    {
        builder.ToTable("ReviewDays");
        builder.HasKey(d => new { d.UserId, d.DeckId, d.Day });
        builder.HasIndex(d => d.DeckId);
        builder.HasOne<DeckRecord>().WithMany().HasForeignKey(d => d.DeckId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReviewLogCutConfiguration : IEntityTypeConfiguration<ReviewLogCut>
{
    public void Configure(EntityTypeBuilder<ReviewLogCut> builder)
    {
        builder.ToTable("ReviewLogCuts");
        builder.HasKey(c => new { c.UserId, c.CardId });
        builder.HasIndex(c => c.CardId);
        builder.HasOne<CardRecord>().WithMany().HasForeignKey(c => c.CardId).OnDelete(DeleteBehavior.Cascade);
    }
}
