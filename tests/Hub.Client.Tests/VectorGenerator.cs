// Deterministic generator of the frozen vectors in Vectors/*.txt (CCTV age testkit shape):
// fixed identity, ephemeral key, file key, payload nonce and scrypt salt, so the same bytes come
// out every run. Each vector is named by the attack it tries.
using System.Security.Cryptography;
using System.Text;
using Hub.Client.Crypto;
using Hub.Client.Crypto.Format;
using Hub.Client.Crypto.Recipients;
using Hub.Client.Crypto.Streaming;
using NSec.Cryptography;

namespace Hub.Client.Tests;

internal static class VectorGenerator
{
    public const string Passphrase = "hub vector passphrase";
    private static readonly byte[] FileKeyBytes = Convert.FromHexString("0f1e2d3c4b5a69788796a5b4c3d2e1f0");
    private static readonly byte[] Nonce = Convert.FromHexString("c0c1c2c3c4c5c6c7c8c9cacbcccdcecf");
    private static readonly byte[] Salt = Convert.FromHexString("5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a");

    public static string Identity => Bech32.Encode(Labels.IdentityHrp, SHA256.HashData("hub vector identity"u8));

    public static IReadOnlyDictionary<string, byte[]> Generate()
    {
        using var fileKey = FileKey.Import(FileKeyBytes);
        using var identity = X25519Identity.Parse(Identity);
        using var other = X25519Identity.Parse(Bech32.Encode(Labels.IdentityHrp, SHA256.HashData("another agency"u8)));
        var stanza = Wrap(identity.Recipient, fileKey);
        var header = Header(fileKey, stanza);
        var small = "hello hub\n"u8.ToArray();
        var full = Enumerable.Range(0, Labels.ChunkSize).Select(i => (byte)(i % 251)).ToArray();
        var smallFile = Concat(header, PayloadOf(fileKey, small));
        var fullFile = Concat(header, PayloadOf(fileKey, full));
        var twoChunkFile = Concat(header, PayloadOf(fileKey, [.. full, 7]));
        var headerText = Encoding.ASCII.GetString(header);
        var share = stanza.Arguments[0];
        var macB64 = headerText[(headerText.LastIndexOf("--- ", StringComparison.Ordinal) + 4)..^1];
        var badMac = CanonicalBase64.Decode(Encoding.ASCII.GetBytes(macB64));
        badMac[0] ^= 1;
        var smallPayload = PayloadOf(fileKey, small);
        using var cipher = new StreamCipher(fileKey, Nonce, 1);
        var scryptStanza = new ScryptRecipient(Passphrase, 10).Wrap(fileKey, Salt);
        var scryptFile = Concat(Header(fileKey, scryptStanza), smallPayload);
        var armored = Armor(smallFile);

        var v = new Dictionary<string, byte[]>
        {
            ["x25519_success"] = Vector("success", smallFile, small),
            ["x25519_empty_payload"] = Vector("success", Concat(header, PayloadOf(fileKey, [])), []),
            ["stream_full_final_chunk"] = Vector("success", fullFile, full),
            ["stream_two_chunks"] = Vector("success", twoChunkFile, [.. full, 7]),
            ["header_mac_bad"] = Vector("HeaderMacMismatch", Replace(smallFile, macB64, CanonicalBase64.Encode(badMac))),
            ["header_mac_noncanonical"] = Vector("NonCanonicalEncoding", Replace(smallFile, macB64, FlipTrailingBit(macB64))),
            ["header_no_stanza"] = Vector("MalformedHeader", Concat(Encoding.ASCII.GetBytes("age-encryption.org/v1\n--- " + macB64 + "\n"), smallPayload)),
            ["header_version_v2"] = Vector("UnsupportedVersion", Replace(smallFile, "age-encryption.org/v1", "age-encryption.org/v2")),
            ["header_crlf_line_endings"] = Vector("MalformedHeader", Concat(Encoding.ASCII.GetBytes(headerText.Replace("\n", "\r\n", StringComparison.Ordinal)), smallPayload)),
            ["stanza_body_padded"] = Vector("MalformedHeader", Replace(smallFile, "\n--- ", "=\n--- ")),
            ["stanza_body_line_too_long"] = Vector("MalformedHeader", Replace(smallFile, "-> X25519", "-> x\n" + new string('A', 65) + "\n-> X25519")),
            ["stanza_missing_final_line"] = Vector("MalformedHeader", Replace(smallFile, "-> X25519", "-> x\n" + new string('A', 64) + "\n-> X25519")),
            ["x25519_share_noncanonical"] = Vector("NonCanonicalEncoding", Replace(smallFile, share, FlipTrailingBit(share))),
            ["x25519_low_order_share"] = Vector("LowOrderPoint", Replace(smallFile, share, CanonicalBase64.Encode(new byte[32]))),
            ["x25519_body_short"] = Vector("MalformedHeader", Concat(Header(fileKey, new RecipientStanza("X25519", [share], stanza.Body[..31])), smallPayload)),
            ["x25519_extra_argument"] = Vector("MalformedHeader", Concat(Header(fileKey, new RecipientStanza("X25519", [share, "x"], stanza.Body)), smallPayload)),
            ["x25519_wrong_identity"] = Vector("NoMatchingRecipient", Concat(Header(fileKey, Wrap(other.Recipient, fileKey)), smallPayload)),
            ["stream_missing_final_chunk"] = Vector("Truncated", twoChunkFile[..^(1 + Labels.TagSize)]),
            ["stream_truncated_last_chunk"] = Vector("PayloadTampered", smallFile[..^1]),
            ["stream_empty_final_chunk_after_data"] = Vector("PayloadTampered", Concat(header, Nonce, Chunk(cipher, 0, false, full), Chunk(cipher, 1, true, []))),
            ["stream_data_after_final_chunk"] = Vector("TrailingData", Concat(fullFile, Chunk(cipher, 1, true, [1]))),
            ["stream_trailing_garbage"] = Vector("PayloadTampered", Concat(smallFile, "x"u8.ToArray())),
            ["stream_no_chunks"] = Vector("Truncated", Concat(header, Nonce)),
            ["stream_nonce_truncated"] = Vector("Truncated", Concat(header, Nonce[..8])),
            ["armor_success"] = Vector("success", armored, small, armoredFile: true),
            ["armor_trailing_garbage"] = Vector("MalformedArmor", Concat(armored, "garbage\n"u8.ToArray()), armoredFile: true),
            ["armor_short_inner_line"] = Vector("MalformedArmor", SplitFirstArmorLine(armored), armoredFile: true),
            ["armor_missing_end"] = Vector("Truncated", Replace(armored, Labels.ArmorEnd + "\n", string.Empty), armoredFile: true),
            ["scrypt_success"] = Vector("success", scryptFile, small, passphrase: Passphrase),
            ["scrypt_bad_passphrase"] = Vector("BadPassphrase", scryptFile, passphrase: "not the passphrase"),
            ["scrypt_work_factor_23"] = Vector("WorkFactorTooHigh", Replace(scryptFile, " 10\n", " 23\n"), passphrase: Passphrase),
            ["scrypt_work_factor_leading_zero"] = Vector("MalformedHeader", Replace(scryptFile, " 10\n", " 010\n"), passphrase: Passphrase),
            ["scrypt_mixed_with_x25519"] = Vector("MalformedHeader", Concat(Header(fileKey, scryptStanza, stanza), smallPayload), passphrase: Passphrase),
        };
        return v;
    }

    private static RecipientStanza Wrap(X25519Recipient recipient, FileKey fileKey)
    {
        var parameters = new KeyCreationParameters { ExportPolicy = KeyExportPolicies.None };
        using var ephemeral = Key.Import(KeyAgreementAlgorithm.X25519, SHA256.HashData("hub vector ephemeral"u8), KeyBlobFormat.RawPrivateKey, in parameters);
        return recipient.Wrap(fileKey, ephemeral);
    }

    private static byte[] Header(FileKey fileKey, params RecipientStanza[] stanzas) => EnvelopeHeader.Build(fileKey, [.. stanzas]).ToArray();

    private static byte[] PayloadOf(FileKey fileKey, byte[] plaintext)
    {
        using var output = new MemoryStream();
        PayloadEncryptor.Encrypt(fileKey, Nonce, new MemoryStream(plaintext), output, 1);
        return output.ToArray();
    }

    private static byte[] Chunk(StreamCipher cipher, ulong counter, bool last, byte[] plain)
    {
        var output = new byte[plain.Length + Labels.TagSize];
        cipher.Seal(0, counter, last, plain, output);
        return output;
    }

    private static byte[] Armor(byte[] file)
    {
        using var output = new MemoryStream();
        using (var armor = new ArmorWriter(output, leaveOpen: true))
        {
            armor.Write(file);
        }

        return output.ToArray();
    }

    // Splits the first 64-column data line into 60 + 4 columns: a short line that is not the last.
    private static byte[] SplitFirstArmorLine(byte[] armored)
    {
        var line = Encoding.ASCII.GetString(armored).Split('\n')[1];
        return Replace(armored, line + "\n", line[..60] + "\n" + line[60..] + "\n");
    }

    private static string FlipTrailingBit(string base64)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        return base64[..^1] + Alphabet[Alphabet.IndexOf(base64[^1], StringComparison.Ordinal) ^ 1];
    }

    private static byte[] Replace(byte[] file, string from, string to)
    {
        var text = Encoding.Latin1.GetString(file);
        var at = text.IndexOf(from, StringComparison.Ordinal);
        return Encoding.Latin1.GetBytes(text[..at] + to + text[(at + from.Length)..]);
    }

    private static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];

    private static byte[] Vector(string expect, byte[] body, byte[]? plaintext = null, string? passphrase = null, bool armoredFile = false)
    {
        var text = new StringBuilder($"expect: {expect}\n");
        if (plaintext is not null)
        {
            text.Append($"payload: {Convert.ToHexStringLower(SHA256.HashData(plaintext))}\n");
        }

        text.Append($"file key: {Convert.ToHexStringLower(FileKeyBytes)}\n");
        text.Append(passphrase is null ? $"identity: {Identity}\n" : $"passphrase: {passphrase}\n");
        if (armoredFile)
        {
            text.Append("armored: yes\n");
        }

        return Concat(Encoding.ASCII.GetBytes(text.Append('\n').ToString()), body);
    }
}
