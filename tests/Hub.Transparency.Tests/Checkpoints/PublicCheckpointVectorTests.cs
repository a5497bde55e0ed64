using Hub.Transparency.Checkpoints;
using Hub.Transparency.Cosignatures;
using Hub.Transparency.Notes;

namespace Hub.Transparency.Tests.Checkpoints;

/// <summary>
/// Interoperability with a real checkpoint of the public staging CT log arche2025h1.staging.ct.transparency.dev,
/// with its Ed25519 (type 0x01) log signature, an RFC 6962 (type 0x05) signature, and four witness cosignatures
/// of type 0x04, among them remora.n621.de. Found in a public Python test suite of checkpoint verification;
/// the verifier keys are the ones the log and the witness publish.
/// </summary>
public sealed class PublicCheckpointVectorTests
{
    private const string LogKey = "arche2025h1.staging.ct.transparency.dev+ba2f06c0+AU0vHmlGCS/PdN8b2OaGmKprLI8HKM+dJ472xgFYh15f";
    private const string RemoraKey = "remora.n621.de+da77ade7+BOvN63jn/bLvkieywe8R6UYAtVtNbZpXh34x7onlmtw2";
    private const string Note =
        "arche2025h1.staging.ct.transparency.dev\n" +
        "1432088532\n" +
        "U7WM79jrzyhGZ5/GUBTpM7NzwdyfFx61t3RovgcC4Ro=\n" +
        "\n" +
        "\u2014 arche2025h1.staging.ct.transparency.dev zTM8sQAAAZ5W0WdjBAMARjBEAiBjW5IQf9pvsYLfQFX6hoGREPMHbdQ3urbllzalApkptQIgIpwtEroeW2BXaHAI4kJXFbon5Ch9MNL5zRNZ55lvGt0=\n" +
        "\u2014 arche2025h1.staging.ct.transparency.dev ui8GwCF1+kWqZrxGdhj4aX3gcw7XUlXQQabg/27lefwhUkzbC3NygNI75MdhL1bfTW9g8Ei59RA23oHP7Ry1k3ZFWwQ=\n" +
        "\u2014 transparency.dev/DEV:witness-little-garden 2AQqhwAAAABqEiEgzgFIqqhbUoDwjMWE6UP8nd8/KYTzwZ2rhIgcqoXHAwVkjZr4AscylP3v7sEodkRAErumC2q44vdgJY096st5BQ==\n" +
        "\u2014 witness1.smartit.nu/witness1 pIyCDwAAAABqEiEghIp82KWebrw7/oHQwlTAm3g2RKS4+eebl8eO0WH+/iEcxZ75W3u5hNI7TOQtmJbqmNWVuE0tgh0XwzdZsDsUAQ==\n" +
        "\u2014 remora.n621.de 2net5wAAAABqEiEgPlfF3V06o0Y+fHM+J5J9s27wgxxcOVSpZ/2g/KSiXCg9DEZI+aVCIobWX9sXTynk5XeU/zZ0WBxtqB0DrAWfBw==\n" +
        "\u2014 witness.stagemole.eu Z/euoAAAAABqEiEgw0i+7g2ENfDAWHmtRzCfKTHSDwYDJA2NmKeGi9Y8FtEyOUvVr+AJmIY/2TUFucgKi7lI7cUiOvKFYe/TmN9DAg==\n";

    [Fact]
    public void RealCheckpointVerifiesWithLogKeyAndWitnessCosignature()
    {
        Assert.True(Ed25519NoteVerifier.TryParse(LogKey, out var log));
        Assert.True(Ed25519CosignatureVerifier.TryParse(RemoraKey, out var remora));
        Assert.Equal(0xda77ade7u, remora.KeyId);

        Assert.True(Checkpoint.TryOpen(Note, "arche2025h1.staging.ct.transparency.dev", log, [remora], 1, out var checkpoint));
        Assert.Equal(1432088532, checkpoint.Size);

        Assert.True(SignedNote.TryParse(Note, out var note));
        Assert.True(note.TryVerify([remora], out var verified));
        Assert.True(Ed25519CosignatureVerifier.TryReadTimestamp(Assert.Single(verified).Signature.Signature.Span, out var at));
        Assert.Equal(0x6a122120, at.ToUnixTimeSeconds());
    }

    [Fact]
    public void RealCheckpointWithAlteredSizeFails()
    {
        Assert.True(Ed25519NoteVerifier.TryParse(LogKey, out var log));
        Assert.True(Ed25519CosignatureVerifier.TryParse(RemoraKey, out var remora));
        var altered = Note.Replace("\n1432088532\n", "\n42\n", StringComparison.Ordinal);
        Assert.False(Checkpoint.TryOpen(altered, "arche2025h1.staging.ct.transparency.dev", log, out _));
        Assert.True(SignedNote.TryParse(altered, out var note));
        Assert.False(note.TryVerify([remora], out _));
    }
}
