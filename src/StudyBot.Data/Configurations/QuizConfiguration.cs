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
        builder.HasIndex(q => new { q.SessionId, q.Position });
        builder.HasIndex(q => new { q.GuildId, q.Daily, q.OpenedUtc });
    }
}

internal sealed class QuizSessionConfiguration : IEntityTypeConfiguration<QuizSession>
{
    public void Configure(EntityTypeBuilder<QuizSession> builder)
    {
        builder.ToTable("QuizSessions");
        builder.HasIndex(s => new { s.GuildId, s.ChannelId, s.EndedUtc });
        builder.HasOne<DeckRecord>().WithMany().HasForeignKey(s => s.DeckId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.Questions).WithOne().HasForeignKey(q => q.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DailyQuestionConfiguration : IEntityTypeConfiguration<DailyQuestion>
{
    public void Configure(EntityTypeBuilder<DailyQuestion> builder)
    {
        builder.ToTable("DailyQuestions");
        builder.HasKey(d => d.GuildId);
        builder.Property(d => d.GuildId).ValueGeneratedNever();
        builder.Property(d => d.TimeZone).HasMaxLength(64);
        builder.HasOne<DeckRecord>().WithMany().HasForeignKey(d => d.DeckId).OnDelete(DeleteBehavior.SetNull);
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
