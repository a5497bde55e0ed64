// The single exception type for forged, damaged or unsupported envelopes and keys.
using System.Security.Cryptography;

namespace Hub.Client.Crypto;

/// <summary>
/// Thrown when input fails closed: the envelope, key or stanza was forged, damaged, truncated or is
/// not canonical. Misuse by the caller (null arguments, empty recipient lists, disposed keys) throws
/// <see cref="ArgumentException"/> or <see cref="ObjectDisposedException"/> instead.
/// </summary>
public sealed class AgeException : CryptographicException
{
    public AgeException(AgeErrorKind kind, string message)
        : base(message)
    {
        Kind = kind;
    }

    public AgeException(AgeErrorKind kind, string message, Exception innerException)
        : base(message, innerException)
    {
        Kind = kind;
    }

    public AgeException()
        : this(AgeErrorKind.MalformedHeader, "Malformed age envelope.")
    {
    }

    public AgeException(string message)
        : this(AgeErrorKind.MalformedHeader, message)
    {
    }

    public AgeException(string message, Exception innerException)
        : this(AgeErrorKind.MalformedHeader, message, innerException)
    {
    }

    /// <summary>Why the input was rejected.</summary>
    public AgeErrorKind Kind { get; }
}
