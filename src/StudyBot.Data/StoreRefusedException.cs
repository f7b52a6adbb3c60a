namespace StudyBot.Data;

/// <summary>
/// A change the storage refuses by its rules (an Undo of an answer that is not the card's latest, a
/// student or card that is not there, an answer that could not be saved after its retries), with a
/// message that says why. The host puts it to the user the way it puts its own refusals
/// (StudyBot's <c>RefusalException.Text</c>).
/// </summary>
public sealed class StoreRefusedException(string message) : Exception(message);
