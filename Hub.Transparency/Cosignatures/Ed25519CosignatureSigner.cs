// Ed25519CosignatureSigner: produces C2SP tlog-cosignature v1 cosignatures (type 0x04);
// see Ed25519CosignatureVerifier for the layout. Used by agencies that witness the hub's checkpoints.
using System.Buffers.Binary;
using Hub.Transparency.Notes;
using NSec.Cryptography;

namespace Hub.Transparency.Cosignatures;

/// <summary>Cosigns checkpoints with a witness's Ed25519 key, stamping the current time.</summary>
/// <remarks>
/// The signer does not own the key. A witness must only cosign a checkpoint after checking that it is
/// consistent with the largest checkpoint it cosigned before for the same origin.
/// </remarks>
public sealed class Ed25519CosignatureSigner : NoteSigner
{
    private readonly Key _key;
    private readonly TimeProvider _time;

    /// <summary>Creates a cosigner named <paramref name="name"/>; <paramref name="time"/> supplies the timestamps.</summary>
    /// <exception cref="ArgumentException">The key is not an Ed25519 key, or the name is invalid.</exception>
    public Ed25519CosignatureSigner(string name, Key key, TimeProvider time)
        : base(name, NoteKeyId.Compute(name, NoteKeyId.Ed25519Cosignature,
            Ed25519NoteVerifier.RawKey((key ?? throw new ArgumentNullException(nameof(key))).PublicKey)))
    {
        ArgumentNullException.ThrowIfNull(time);
        _key = key;
        _time = time;
    }

    /// <summary>The matching verifier, to publish as a vkey.</summary>
    public Ed25519CosignatureVerifier Verifier => new(Name, _key.PublicKey);

    /// <inheritdoc />
    public override NoteSignature Sign(ReadOnlySpan<byte> noteText)
    {
        long seconds = _time.GetUtcNow().ToUnixTimeSeconds();
        if (seconds < 0)
        {
            throw new InvalidOperationException("Cosignature timestamps cannot precede 1970.");
        }
        ulong timestamp = (ulong)seconds;
        var signature = new byte[Ed25519CosignatureVerifier.SignatureSize];
        BinaryPrimitives.WriteUInt64BigEndian(signature, timestamp);
        SignatureAlgorithm.Ed25519.Sign(_key, CosignedMessage.Build(timestamp, noteText), signature.AsSpan(8));
        return new NoteSignature(Name, KeyId, signature);
    }
}
