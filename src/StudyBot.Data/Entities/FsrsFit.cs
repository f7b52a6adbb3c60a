namespace StudyBot.Data.Entities;

/// <summary>
/// One fit of a student's FSRS-6 weights to their review log. Adopted fits become the student's
/// schedule from <see cref="FittedUtc"/> on; a fit that predicts the log no better than the weights
/// in force is recorded but not adopted.
/// </summary>
public sealed class FsrsFit
{
    public long Id { get; set; }
    public ulong UserId { get; set; }
    public DateTime FittedUtc { get; set; }
    /// <summary>Answers in the log the fit used.</summary>
    public int Reviews { get; set; }
    /// <summary>The log loss of the weights in force before the fit, on the same log.</summary>
    public double LogLossBefore { get; set; }
    /// <summary>The log loss of the fitted weights.</summary>
    public double LogLossAfter { get; set; }
    /// <summary>The fitted weights as a JSON array of 21 numbers.</summary>
    public required string Weights { get; set; }
    /// <summary>Whether the fit became the student's schedule (it predicted the log better).</summary>
    public bool Adopted { get; set; }
}
