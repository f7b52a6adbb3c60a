namespace StudyBot.Data.Review;

/// <summary>
/// How the answer path groups answers into one commit (group commit): a batch holds up to
/// <see cref="MaxBatch"/> answers and waits up to <see cref="Linger"/> for answers already on their
/// way. <see cref="Off"/> writes each answer in a transaction of its own, still through the one
/// writer; the benchmarks measure both (docs/benchmarks.md).
/// </summary>
public sealed record AnswerBatching(int MaxBatch, TimeSpan Linger)
{
    public static readonly AnswerBatching Default = new(64, TimeSpan.FromMilliseconds(2));

    public static readonly AnswerBatching Off = new(1, TimeSpan.Zero);
}
