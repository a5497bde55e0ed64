namespace Hub.Client.Audit.Witnessing;

/// <summary>Why a witness refused a checkpoint.</summary>
public enum WitnessFailure
{
    /// <summary>No pinned hub key signed the checkpoint for the expected origin.</summary>
    BadSignature = 1,

    /// <summary>The tree is smaller than one the hub signed before: history was cut.</summary>
    Rollback = 2,

    /// <summary>Same size, different root, or a consistency proof that does not hold: the hub showed two histories.</summary>
    Fork = 3,
}
