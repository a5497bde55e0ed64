// The age scrypt passphrase identity: accepts only a header whose single stanza is
// "-> scrypt <16-byte salt, base64> <work factor, ^[1-9][0-9]*$>" with a 32-byte body, and caps the
// work factor (RFC 7914 memory is 128 * r * N bytes: 2^22 -> 4 GiB) before deriving anything.
using System.Globalization;
using Hub.Client.Crypto.Format;

namespace Hub.Client.Crypto.Recipients;

/// <summary>Opens passphrase-protected envelopes (scrypt stanza).</summary>
public sealed class ScryptIdentity : IIdentity
{
    private readonly string _passphrase;
    private readonly int _maxWorkFactor;

    /// <param name="passphrase">The passphrase.</param>
    /// <param name="maxWorkFactor">Highest accepted log2 N; stanzas above it fail with WorkFactorTooHigh.</param>
    public ScryptIdentity(string passphrase, int maxWorkFactor = Labels.ScryptMaxWorkFactor)
    {
        ArgumentException.ThrowIfNullOrEmpty(passphrase);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxWorkFactor, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxWorkFactor, Labels.ScryptMaxWorkFactor);
        _passphrase = passphrase;
        _maxWorkFactor = maxWorkFactor;
    }

    /// <inheritdoc/>
    public FileKey? Unwrap(IReadOnlyList<RecipientStanza> stanzas)
    {
        ArgumentNullException.ThrowIfNull(stanzas);
        var stanza = stanzas.FirstOrDefault(s => s.Type == Labels.ScryptStanzaType);
        if (stanza is null)
        {
            return null;
        }

        if (stanzas.Count != 1)
        {
            throw new AgeException(AgeErrorKind.MalformedHeader, "An scrypt stanza must be the only stanza.");
        }

        if (stanza.Arguments.Count != 2 || !CanonicalBase64.TryDecode(stanza.Arguments[0], out var salt)
            || salt.Length != Labels.ScryptSaltSize || stanza.Body.Length != Labels.WrappedKeySize)
        {
            throw new AgeException(AgeErrorKind.MalformedHeader, "Malformed scrypt stanza.");
        }

        var factor = stanza.Arguments[1];
        if (factor.Length is 0 or > 9 || factor[0] == '0' || !factor.All(char.IsAsciiDigit))
        {
            throw new AgeException(AgeErrorKind.MalformedHeader, "Malformed scrypt work factor.");
        }

        var workFactor = int.Parse(factor, NumberStyles.None, CultureInfo.InvariantCulture);
        if (workFactor > _maxWorkFactor)
        {
            throw new AgeException(AgeErrorKind.WorkFactorTooHigh, $"scrypt work factor {workFactor} exceeds the limit {_maxWorkFactor}.");
        }

        using var wrapKey = ScryptRecipient.DeriveWrapKey(_passphrase, salt, workFactor);
        return StanzaAead.Open(wrapKey, stanza.Body)
            ?? throw new AgeException(AgeErrorKind.BadPassphrase, "Incorrect passphrase.");
    }
}
