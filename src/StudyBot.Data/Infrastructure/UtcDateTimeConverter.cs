using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace StudyBot.Data.Infrastructure;

/// <summary>
/// Every stored time is UTC. SQLite keeps no kind, so values read back are marked UTC; a local time
/// written by mistake is converted rather than stored as if it were UTC.
/// </summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
