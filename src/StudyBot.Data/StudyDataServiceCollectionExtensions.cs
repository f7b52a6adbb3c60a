using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StudyBot.Data.Diagnostics;
using StudyBot.Data.Fitting;
using StudyBot.Data.Infrastructure;
using StudyBot.Data.Review;
using StudyBot.Data.Stores;
using StudyBot.Data.Verification;

namespace StudyBot.Data;

public static class StudyDataServiceCollectionExtensions
{
    /// <summary>
    /// Registers the database (a pooled context factory, plus a scoped context for one interaction's
    /// unit of work), the stores and the review engine, and migrates the schema when the host starts.
    /// </summary>
    /// <param name="connectionString">A SQLite connection string, or just the database file's path.</param>
    public static IServiceCollection AddStudyData(this IServiceCollection services, string connectionString) =>
        services.AddStudyData(DatabaseTarget.Sqlite(connectionString));

    /// <summary>As the other overload, on the given provider's database (<see cref="DatabaseTarget"/>).</summary>
    public static IServiceCollection AddStudyData(this IServiceCollection services, DatabaseTarget target)
    {
        services.AddSingleton(target);
        services.AddPooledDbContextFactory<StudyDbContext>((provider, options) =>
        {
            StudyDbOptions.Configure(options, target);
            options.AddInterceptors(DatabaseErrorCounter.Instance, DatabaseTracing.Instance);
            if (target.Provider == DatabaseProvider.Sqlite)
            {
                options.AddInterceptors(new SqliteOpenWithoutCreate(provider.GetRequiredService<StorageHealth>()));
            }
            // A statement counter registered by a test or a benchmark sees every context's commands,
            // and so does any other interceptor registered (a test's failing storage).
            if (provider.GetService<SqlStatementCounter>() is { } counter)
            {
                options.AddInterceptors(counter);
            }
            options.AddInterceptors(provider.GetServices<IInterceptor>());
        });
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<StudyDbContext>>().CreateDbContext());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<FsrsSchedulers>();
        services.AddSingleton<DatabaseMigrator>();
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<StorageHealth>(sp, target));
        services.AddSingleton<DeckStore>();
        services.AddSingleton<StudentStore>();
        services.AddSingleton<Privacy.PrivacyErase>();
        services.AddSingleton<Privacy.ReviewLogRetention>();
        services.AddSingleton<MemberSightingWriter>();
        services.AddSingleton<AcceptedInteractions>();
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<WalCheckpointer>(sp, target));
        services.AddSingleton<DeckRelationsCache>();
        services.TryAddSingleton(AnswerBatching.Default);
        services.AddSingleton<ReviewEngine>();
        services.AddSingleton<ReviewLogVerifier>();
        services.AddSingleton<WordingAcceptance>();
        services.AddSingleton<StudentFitter>();
        services.AddSingleton<DatabaseStats>();
        services.AddHostedService<MigrateOnStartup>();
        return services;
    }
}
