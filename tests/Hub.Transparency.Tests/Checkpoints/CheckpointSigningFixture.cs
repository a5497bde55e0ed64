using Hub.Transparency.Checkpoints;
using Hub.Transparency.Cosignatures;
using Hub.Transparency.Notes;
using NSec.Cryptography;

namespace Hub.Transparency.Tests.Checkpoints;

/// <summary>A hub log key and one agency witness, signing and cosigning checkpoints as the silo will.</summary>
internal sealed class CheckpointSigningFixture(Key hubKey, Key witnessKey)
{
    private readonly Ed25519NoteSigner _log = new("hub.example/log", hubKey);
    private readonly Ed25519CosignatureSigner _witness = new("police.example/witness", witnessKey, TimeProvider.System);

    public NoteVerifier LogVerifier => _log.Verifier;

    public NoteVerifier WitnessVerifier => _witness.Verifier;

    public string SignAndWitness(Checkpoint checkpoint) => checkpoint.Sign(_log).AddSignature(_witness).Format();
}
