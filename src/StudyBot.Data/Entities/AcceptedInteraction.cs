namespace StudyBot.Data.Entities;

/// <summary>
/// An interaction the HTTP endpoint accepted, kept for the 15 minutes its token lives, so that the
/// same signed request posted again (after a restart, or to another process on the same database)
/// is refused. Rows past <see cref="ExpiresUtc"/> are pruned.
/// </summary>
public sealed class AcceptedInteraction
{
    /// <summary>The interaction's snowflake.</summary>
    public ulong Id { get; set; }

    public DateTime ExpiresUtc { get; set; }
}
