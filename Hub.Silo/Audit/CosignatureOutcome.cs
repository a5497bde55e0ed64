namespace Hub.Silo.Audit;

/// <summary>What became of a witness cosignature handed to <see cref="ICheckpointService.AddCosignatureAsync"/>.</summary>
public enum CosignatureOutcome
{
    /// <summary>At least one trusted witness's valid cosignature was added to the stored checkpoint.</summary>
    Added = 1,

    /// <summary>Not a canonical signed note, or not a checkpoint of this stream signed by the hub.</summary>
    Malformed = 2,

    /// <summary>A well-formed checkpoint, but the hub never stored one of that size and root for this stream.</summary>
    UnknownCheckpoint = 3,

    /// <summary>No line of a trusted witness verifies, or a trusted witness's line is forged.</summary>
    Untrusted = 4,
}
