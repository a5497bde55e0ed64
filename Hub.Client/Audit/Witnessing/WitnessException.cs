namespace Hub.Client.Audit.Witnessing;

/// <summary>
/// The hub served a checkpoint a witness must not accept. <see cref="Remembered"/> and <see cref="ServedNote"/> are
/// both signed by the hub, so for a <see cref="WitnessFailure.Rollback"/> or <see cref="WitnessFailure.Fork"/> they are
/// evidence any third party can check.
/// </summary>
public sealed class WitnessException : Exception
{
    public WitnessException()
    {
    }

    public WitnessException(string message)
        : base(message)
    {
    }

    public WitnessException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public WitnessException(WitnessFailure failure, string message, WitnessedCheckpoint? remembered, string servedNote)
        : base(message)
    {
        Failure = failure;
        Remembered = remembered;
        ServedNote = servedNote;
    }

    /// <summary>What was wrong.</summary>
    public WitnessFailure Failure { get; }

    /// <summary>The last checkpoint the witness had verified, if any.</summary>
    public WitnessedCheckpoint? Remembered { get; }

    /// <summary>The signed note the hub served this time.</summary>
    public string ServedNote { get; } = string.Empty;
}
