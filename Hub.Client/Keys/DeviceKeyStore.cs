// The local key store: one age file ("device-key.age") holding the device key record, encrypted to
// an scrypt passphrase recipient (RFC 7914, work factor 2^18 by default). The directory is created
// owner-only (0700) and the file owner-only (0600) on Unix; the file is written once, never
// overwritten, so a failed save cannot destroy the only copy of a device's keys.
using System.Security.Cryptography;
using Hub.Client.Crypto;
using Hub.Client.Crypto.Recipients;

namespace Hub.Client.Keys;

/// <summary>Saves and loads a device's secret keys under a passphrase.</summary>
public sealed class DeviceKeyStore
{
    private const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <param name="directory">Folder of the key file; <see langword="null"/> for <see cref="DefaultDirectory"/>.</param>
    public DeviceKeyStore(string? directory = null)
    {
        Directory = directory ?? DefaultDirectory;
    }

    /// <summary>The folder holding the key file.</summary>
    public string Directory { get; }

    /// <summary>Full path of the key file.</summary>
    public string FilePath => Path.Combine(Directory, Labels.DeviceKeyFileName);

    /// <summary><c>$XDG_CONFIG_HOME/hub</c>, else the platform's per-user config folder (<c>~/.config/hub</c> on Linux) plus <c>hub</c>.</summary>
    public static string DefaultDirectory
    {
        get
        {
            var xdg = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME");
            var root = string.IsNullOrEmpty(xdg) ? Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData) : xdg;
            return Path.Combine(root, "hub");
        }
    }

    /// <summary>True if a key file exists.</summary>
    public bool Exists => File.Exists(FilePath);

    /// <summary>Encrypts the freshly generated <paramref name="key"/> under <paramref name="passphrase"/> and writes the key file.</summary>
    /// <exception cref="IOException">A key file already exists.</exception>
    /// <exception cref="InvalidOperationException">The key was loaded or already saved (its export policy forbids another export).</exception>
    public void Save(DeviceKey key, string passphrase, int workFactor = Labels.ScryptDefaultWorkFactor)
    {
        ArgumentNullException.ThrowIfNull(key);
        var recipient = new ScryptRecipient(passphrase, workFactor);
        var record = key.ExportRecord();
        using var envelope = new MemoryStream();
        try
        {
            // Stream from the record array itself, so no unzeroed copy of it is made.
            using var plaintext = new MemoryStream(record, writable: false);
            Envelope.Encrypt(plaintext, envelope, [recipient]);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(record);
        }

        if (OperatingSystem.IsWindows())
        {
            System.IO.Directory.CreateDirectory(Directory);
        }
        else
        {
            System.IO.Directory.CreateDirectory(Directory, OwnerOnlyDirectory);
        }

        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnlyFile;
        }

        using var file = new FileStream(FilePath, options);
        envelope.Position = 0;
        envelope.CopyTo(file);
        file.Flush(flushToDisk: true);
    }

    /// <summary>Reads and decrypts the key file. The loaded keys are not exportable.</summary>
    /// <exception cref="AgeException">BadPassphrase, or a damaged file (MalformedStatement, PayloadTampered, ...).</exception>
    public DeviceKey Load(string passphrase)
    {
        var identity = new ScryptIdentity(passphrase);
        using var file = File.OpenRead(FilePath);
        using var plaintext = Envelope.OpenRead(file, [identity]);
        var record = new byte[Labels.MaxStatementSize + 1];
        try
        {
            var length = ReadAll(plaintext, record);
            return DeviceKey.ImportRecord(record.AsSpan(0, length));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(record);
        }
    }

    // Reads to the end (the payload stream reports its end only after the final chunk verified).
    private static int ReadAll(Stream source, byte[] buffer)
    {
        var total = 0;
        int read;
        while ((read = source.Read(buffer, total, buffer.Length - total)) > 0)
        {
            total += read;
            if (total == buffer.Length)
            {
                throw new AgeException(AgeErrorKind.MalformedStatement, "The key file is too large.");
            }
        }

        return total;
    }
}
