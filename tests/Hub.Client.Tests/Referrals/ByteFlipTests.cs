// Flips each byte (xor 0x01) of a small sealed referral, one at a time, in each of
// its four parts; every variant must fail closed with an AgeException.
using Hub.Client.Crypto;

namespace Hub.Client.Tests.Referrals;

public sealed class ByteFlipTests : IDisposable
{
    private readonly ReferralWorld _world = new();

    [Theory]
    [InlineData("statement")]
    [InlineData("signature")]
    [InlineData("header")]
    [InlineData("payload")]
    public async Task EveryFlippedByteFailsClosed(string part)
    {
        var referral = _world.Seal(TestData.Bytes(40));
        var bytes = part switch
        {
            "statement" => referral.Statement.Statement,
            "signature" => referral.Statement.Signature,
            "header" => referral.Header,
            _ => referral.Payload,
        };

        for (var i = 0; i < bytes.Length; i++)
        {
            var flipped = (byte[])bytes.Clone();
            flipped[i] ^= 0x01;
            var tampered = part switch
            {
                "statement" => referral with { Statement = referral.Statement with { Statement = flipped } },
                "signature" => referral with { Statement = referral.Statement with { Signature = flipped } },
                "header" => referral with { Header = flipped },
                _ => referral with { Payload = flipped },
            };

            await Assert.ThrowsAsync<AgeException>(() => _world.OpenAsync(tampered));
        }

        Assert.Equal(TestData.Bytes(40), (await _world.OpenAsync(referral)).Plaintext);
    }

    public void Dispose() => _world.Dispose();
}
