using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StudyBot.Data.Entities;

namespace StudyBot.Data.Configurations;

internal sealed class QuizConfiguration : IEntityTypeConfiguration<Quiz>
{
    public void Configure(EntityTypeBuilder<Quiz> builder)
    {
        builder.ToTable("Quizzes");
        builder.HasIndex(q => new { q.GuildId, q.ChannelId, q.OpenedUtc });
        builder.HasOne<CardRecord>().WithMany().HasForeignKey(q => q.CardId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(q => q.Answers).WithOne().HasForeignKey(a => a.QuizId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class QuizAnswerConfiguration : IEntityTypeConfiguration<QuizAnswer>
{
    public void Configure(EntityTypeBuilder<QuizAnswer> builder)
    {
        builder.ToTable("QuizAnswers");
        builder.HasIndex(a => new { a.QuizId, a.UserId }).IsUnique();
        builder.Property(a => a.InteractionId).HasMaxLength(64);
        builder.HasIndex(a => a.InteractionId).IsUnique();
        builder.Property(a => a.AnswerText).HasMaxLength(4000);
    }
}
