// LogKeyFile: the hub's checkpoint signing key on disk, in the signed-note signer key text form.
//
//   PRIVATE+KEY+<name>+<hex8 key ID>+<base64(0x01 || Ed25519 seed [32])>\n
//
// Created once with owner-only permissions (0600) and refused when group or others may read it. Silos of a
// cluster share one file (Hub:Audit:KeyPath), so that every silo signs with the same key.
// The seed is imported as a non-exportable NSec key and zeroed; nothing logs it.
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Hub.Transparency.Notes;
using NSec.Cryptography;

namespace Hub.Silo.Audit;

/// <summary>Loads the hub's log key from its file, creating the file on first start.</summary>
internal static class LogKeyFile
{
    private const string Prefix = "PRIVATE+KEY+";
    private const int SeedSize = 32;
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Returns the key stored at <paramref name="path"/> under <paramref name="name"/>, creating it when the file is missing.</summary>
    /// <exception cref="InvalidOperationException">The file is malformed, names another key, or others may read it.</exception>
    public static Key LoadOrCreate(string path, string name)
    {
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            Create(fullPath, name);
        }

        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(fullPath) & ~(OwnerOnly | UnixFileMode.UserExecute)) != 0)
        {
            throw new InvalidOperationException($"The log key file '{fullPath}' is readable by others; make it owner-only (chmod 600).");
        }

        // A file another silo is still writing reads as incomplete for a moment: retry briefly before refusing it.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return Load(fullPath, name);
            }
            catch (InvalidOperationException) when (attempt < 20 && DateTime.UtcNow - File.GetLastWriteTimeUtc(fullPath) < TimeSpan.FromSeconds(10))
            {
                Thread.Sleep(100);
            }
        }
    }

    private static void Create(string fullPath, string name)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        var seed = new byte[SeedSize];
        var typed = new byte[1 + SeedSize];
        try
        {
            RandomNumberGenerator.Fill(seed);
            using var key = Import(seed);
            var keyId = NoteKeyId.Compute(name, NoteKeyId.Ed25519, key.PublicKey.Export(KeyBlobFormat.RawPublicKey));
            typed[0] = NoteKeyId.Ed25519;
            seed.CopyTo(typed, 1);
            var text = $"{Prefix}{name}+{keyId.ToString("x8", CultureInfo.InvariantCulture)}+{Convert.ToBase64String(typed)}\n";
            // Silos of a cluster may share one key file and start together. Creating the file itself with
            // CreateNew (O_EXCL) lets exactly one silo win; the others find it existing and read it, retrying while
            // the winner's single write may still be under way (see LoadOrCreate). A rename into place is not
            // enough: .NET's non-overwriting move checks and renames in two steps, so two silos could both "win".
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = OwnerOnly;
            }

            try
            {
                using var file = new FileStream(fullPath, options);
                file.Write(Encoding.ASCII.GetBytes(text));
                file.Flush(flushToDisk: true);
            }
            catch (IOException) when (File.Exists(fullPath))
            {
                // Another silo created it first: use that one.
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
            CryptographicOperations.ZeroMemory(typed);
        }
    }

    private static Key Load(string fullPath, string name)
    {
        var text = File.ReadAllText(fullPath, Encoding.ASCII).TrimEnd('\n');
        var parts = text.StartsWith(Prefix, StringComparison.Ordinal) ? text[Prefix.Length..].Split('+', 3) : [];
        if (parts.Length != 3 || !uint.TryParse(parts[1], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var keyId))
        {
            throw new InvalidOperationException($"The log key file '{fullPath}' is not a signer key.");
        }

        if (!string.Equals(parts[0], name, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The log key file '{fullPath}' holds the key of '{parts[0]}', not of '{name}'.");
        }

        byte[] typed = [];
        try
        {
            typed = Convert.FromBase64String(parts[2]);
            if (typed.Length != 1 + SeedSize || typed[0] != NoteKeyId.Ed25519)
            {
                throw new InvalidOperationException($"The log key file '{fullPath}' does not hold an Ed25519 key.");
            }

            var key = Import(typed.AsSpan(1));
            if (NoteKeyId.Compute(name, NoteKeyId.Ed25519, key.PublicKey.Export(KeyBlobFormat.RawPublicKey)) != keyId)
            {
                key.Dispose();
                throw new InvalidOperationException($"The log key file '{fullPath}' has a key ID that does not match its key.");
            }

            return key;
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"The log key file '{fullPath}' is not a signer key.");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(typed);
        }
    }

    private static Key Import(ReadOnlySpan<byte> seed) =>
        Key.Import(SignatureAlgorithm.Ed25519, seed, KeyBlobFormat.RawPrivateKey, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.None });
}
