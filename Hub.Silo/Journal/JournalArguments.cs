using System.Text;

namespace Hub.Silo.Journal;

/// <summary>Argument checks every journal implementation applies the same way.</summary>
internal static class JournalArguments
{
    public const int MaxStreamIdLength = 200;

    public const int MaxTypeLength = 200;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static void CheckStream(string streamId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(streamId);
        if (streamId.Length > MaxStreamIdLength)
        {
            throw new ArgumentException($"Stream ids are at most {MaxStreamIdLength} characters.", nameof(streamId));
        }

        if (!IsWellFormed(streamId) || streamId.Any(char.IsControl))
        {
            throw new ArgumentException("Stream ids are well-formed UTF-16 without control characters (they name checkpoint origins).", nameof(streamId));
        }
    }

    public static void CheckAppend(string streamId, long expectedVersion, IReadOnlyList<PendingEntry> entries)
    {
        CheckStream(streamId);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            throw new ArgumentException("An append needs at least one entry.", nameof(entries));
        }

        foreach (var entry in entries)
        {
            ArgumentNullException.ThrowIfNull(entry, nameof(entries));
            ArgumentException.ThrowIfNullOrWhiteSpace(entry.Type, nameof(entries));
            if (entry.Type.Length > MaxTypeLength || !IsWellFormed(entry.Type))
            {
                throw new ArgumentException($"Entry types are well-formed and at most {MaxTypeLength} characters.", nameof(entries));
            }
        }
    }

    public static void CheckBlobs(IReadOnlyList<PendingBlob> blobs)
    {
        ArgumentNullException.ThrowIfNull(blobs);
        foreach (var blob in blobs)
        {
            ArgumentNullException.ThrowIfNull(blob, nameof(blobs));
            ArgumentException.ThrowIfNullOrWhiteSpace(blob.Digest, nameof(blobs));
            if (!IsSha256Hex(blob.Digest))
            {
                throw new ArgumentException($"Blob digest '{blob.Digest}' is not a SHA-256 in lower-case hex.", nameof(blobs));
            }
        }
    }

    /// <summary>True for 64 lower-case hex digits, the form <see cref="PendingBlob.Of"/> names blobs in.</summary>
    public static bool IsSha256Hex(string digest) => digest is { Length: 64 } && digest.AsSpan().IndexOfAnyExcept(LowerHexDigits) < 0;

    private static readonly System.Buffers.SearchValues<char> LowerHexDigits = System.Buffers.SearchValues.Create("0123456789abcdef");

    public static void CheckInclusion(long version, long treeSize, long streamSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(treeSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(treeSize, streamSize);
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(version, treeSize);
    }

    public static void CheckConsistency(long fromSize, long toSize, long streamSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fromSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(toSize, streamSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fromSize, toSize);
    }

    private static bool IsWellFormed(string value)
    {
        try
        {
            StrictUtf8.GetByteCount(value);
            return true;
        }
        catch (EncoderFallbackException)
        {
            return false;
        }
    }
}
