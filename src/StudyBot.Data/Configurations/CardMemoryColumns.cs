using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StudyBot.Data.Entities;

namespace StudyBot.Data.Configurations;

/// <summary>Maps a <see cref="CardMemory"/> to columns named with a prefix ("" for the current state).</summary>
internal static class CardMemoryColumns
{
    /// <summary>The columns' names after the prefix, in the order the answer path's hand-written SQL lists, binds and reads them.</summary>
    public static readonly string[] Names =
        ["Due", "Stability", "Difficulty", "ElapsedDays", "ScheduledDays", "LearningSteps", "Reps", "Lapses", "State", "LastReview", "Suspended", "Leech"];

    /// <summary>The quoted column names with <paramref name="prefix"/>, comma-separated, each qualified with <paramref name="alias"/> when one is given (<c>s."Due"</c>).</summary>
    public static string List(string prefix, string? alias = null)
        => string.Join(", ", Names.Select(c => $"{(alias is null ? "" : alias + ".")}\"{prefix}{c}\""));

    public static void Map(ComplexPropertyBuilder<CardMemory> memory, string prefix)
    {
        memory.IsRequired();
        memory.Property(m => m.Due).HasColumnName(prefix + "Due");
        memory.Property(m => m.Stability).HasColumnName(prefix + "Stability");
        memory.Property(m => m.Difficulty).HasColumnName(prefix + "Difficulty");
        memory.Property(m => m.ElapsedDays).HasColumnName(prefix + "ElapsedDays");
        memory.Property(m => m.ScheduledDays).HasColumnName(prefix + "ScheduledDays");
        memory.Property(m => m.LearningSteps).HasColumnName(prefix + "LearningSteps");
        memory.Property(m => m.Reps).HasColumnName(prefix + "Reps");
        memory.Property(m => m.Lapses).HasColumnName(prefix + "Lapses");
        memory.Property(m => m.State).HasColumnName(prefix + "State");
        memory.Property(m => m.LastReview).HasColumnName(prefix + "LastReview");
        memory.Property(m => m.Suspended).HasColumnName(prefix + "Suspended");
        memory.Property(m => m.Leech).HasColumnName(prefix + "Leech");
    }
}
