// Deterministic inputs and small helpers shared by the Hub.Client tests.
using Hub.Client.Crypto;
using Hub.Client.Crypto.Recipients;

namespace Hub.Client.Tests;

internal static class TestData
{
    /// <summary>The identity and recipient from the age specification's example.</summary>
    public const string SpecIdentity = "AGE-SECRET-KEY-1GFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPQ4EGAEX";
    public const string SpecRecipient = "age1zvkyg2lqzraa2lnjvqej32nkuu0ues2s82hzrye869xeexvn73equnujwj";

    public static byte[] Bytes(int length, int seed = 1)
    {
        var data = new byte[length];
        new Random(seed).NextBytes(data);
        return data;
    }

    public static AgeException Fails(Action action) => Assert.Throws<AgeException>(action);

    public static AgeException FailsToDecrypt(byte[] envelope, IIdentity identity) =>
        Assert.Throws<AgeException>(() => Envelope.Decrypt(envelope, [identity]));

    public static X25519Identity NewIdentity() => X25519Identity.Generate();
}

/// <summary>A read-only stream that hides seeking, like a pipe.</summary>
internal sealed class PipeStream(Stream inner, int maxRead = int.MaxValue) : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, Math.Min(count, maxRead));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
