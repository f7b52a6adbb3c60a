using Microsoft.EntityFrameworkCore;
using StudyBot.Data.Entities;
using StudyBot.Data.Infrastructure;

namespace StudyBot.Data;

/// <summary>
/// StudyBot's database, the same model on SQLite and PostgreSQL. After changing an entity or a
/// configuration, add a migration for each provider, with the same name, from the repository root:
/// <code>dotnet ef migrations add NameOfChange --project src/StudyBot.Data.Sqlite --output-dir Migrations
/// dotnet ef migrations add NameOfChange --project src/StudyBot.Data.Postgres --output-dir Migrations</code>
/// (each project's design-time factory builds the model for its provider without a database;
/// migrations apply at startup).
/// </summary>
public sealed class StudyDbContext(DbContextOptions<StudyDbContext> options) : DbContext(options)
{
    public DbSet<Guild> Guilds => Set<Guild>();
    public DbSet<GuildSettings> GuildSettings => Set<GuildSettings>();
    public DbSet<GuildMember> GuildMembers => Set<GuildMember>();
    public DbSet<DeckRecord> Decks => Set<DeckRecord>();
    public DbSet<DeckVersion> DeckVersions => Set<DeckVersion>();
    public DbSet<CardRecord> Cards => Set<CardRecord>();
    public DbSet<DeckImageRecord> DeckImages => Set<DeckImageRecord>();
    public DbSet<Enrolment> Enrolments => Set<Enrolment>();
    public DbSet<UserCardState> CardStates => Set<UserCardState>();
    public DbSet<ReviewLogEntry> ReviewLog => Set<ReviewLogEntry>();
    public DbSet<ReviewDay> ReviewDays => Set<ReviewDay>();
    public DbSet<ReviewLogCut> ReviewLogCuts => Set<ReviewLogCut>();
    public DbSet<UserSettings> UserSettings => Set<UserSettings>();
    public DbSet<FsrsFit> FsrsFits => Set<FsrsFit>();
    public DbSet<Quiz> Quizzes => Set<Quiz>();
    public DbSet<QuizAnswer> QuizAnswers => Set<QuizAnswer>();
    public DbSet<QuizSession> QuizSessions => Set<QuizSession>();
    public DbSet<DailyQuestion> DailyQuestions => Set<DailyQuestion>();
    public DbSet<AcceptedInteraction> AcceptedInteractions => Set<AcceptedInteraction>();
    public DbSet<ExamDate> ExamDates => Set<ExamDate>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(StudyDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        // Discord snowflakes fit in 63 bits; a signed column is portable to every provider.
        configurationBuilder.Properties<ulong>().HaveConversion<long>();
    }
}
