namespace StudyBot.Emulator.Faults;

/// <summary>REST faults: failing answers and slow answers, applied to the bot's API requests.</summary>
public sealed class EmulatorFaults
{
    private readonly Lock _lock = new();
    private int _failuresLeft;
    private int _failureStatus = 500;

    /// <summary>Every API answer waits this long first.</summary>
    public TimeSpan ResponseDelay { get; set; }

    /// <summary>The next <paramref name="count"/> API requests get <paramref name="status"/> with Discord's bare error body.</summary>
    public void FailNextRequests(int count, int status = 500)
    {
        lock (_lock)
        {
            _failuresLeft = count;
            _failureStatus = status;
        }
    }

    internal bool TryTakeFailure(out int status)
    {
        lock (_lock)
        {
            status = _failureStatus;
            if (_failuresLeft <= 0)
            {
                return false;
            }
            _failuresLeft--;
            return true;
        }
    }
}
