using Microsoft.EntityFrameworkCore.Design;

namespace StudyBot.Data.Infrastructure;

/// <summary>Lets `dotnet ef` build the model without the host; the file is only a scratch target.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<StudyDbContext>
{
    public StudyDbContext CreateDbContext(string[] args) => new(StudyDbOptions.For("design-time.db"));
}
