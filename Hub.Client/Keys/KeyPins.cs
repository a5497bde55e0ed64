// Trust-on-first-use pins: the fingerprint first seen for each device and each agency generation.
// A later, different key for the same subject is flagged, never silently accepted; the user then
// compares fingerprints out of band. Saved as UTF-8 lines "<subject> <fingerprint>" (owner-only file).
using System.Collections.Concurrent;
using System.Globalization;

namespace Hub.Client.Keys;

/// <summary>Fingerprints a client has seen, keyed by device or generation.</summary>
public sealed class KeyPins
{
    private readonly ConcurrentDictionary<string, string> _pins = new(StringComparer.Ordinal);

    /// <summary>The pinned fingerprints by subject.</summary>
    public IReadOnlyDictionary<string, string> Pins => _pins;

    /// <summary>Pin subject of a device in an agency.</summary>
    public static string DeviceSubject(string agencyId, string deviceId) => $"device:{agencyId}/{deviceId}";

    /// <summary>Pin subject of an agency generation.</summary>
    public static string GenerationSubject(string agencyId, uint generation) =>
        string.Create(CultureInfo.InvariantCulture, $"generation:{agencyId}/{generation}");

    /// <summary>Pins <paramref name="fingerprint"/> on first use, otherwise compares it with the pin.</summary>
    public PinCheck Check(string subject, string fingerprint)
    {
        ArgumentException.ThrowIfNullOrEmpty(subject);
        ArgumentException.ThrowIfNullOrEmpty(fingerprint);
        if (_pins.TryAdd(subject, fingerprint))
        {
            return PinCheck.FirstUse;
        }

        return _pins[subject] == fingerprint ? PinCheck.Match : PinCheck.Changed;
    }

    /// <summary>Replaces a pin after the user verified the new fingerprint out of band.</summary>
    public void Repin(string subject, string fingerprint)
    {
        ArgumentException.ThrowIfNullOrEmpty(subject);
        ArgumentException.ThrowIfNullOrEmpty(fingerprint);
        _pins[subject] = fingerprint;
    }

    /// <summary>Writes the pins as lines of "subject fingerprint".</summary>
    public string Format() => string.Concat(_pins.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}\n"));

    /// <summary>Reads pins written by <see cref="Format"/>.</summary>
    /// <exception cref="FormatException">A line is not "subject fingerprint".</exception>
    public static KeyPins Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var pins = new KeyPins();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (space <= 0 || !pins._pins.TryAdd(line[..space], line[(space + 1)..]))
            {
                throw new FormatException("Malformed or duplicate pin line.");
            }
        }

        return pins;
    }
}
