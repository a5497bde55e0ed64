// The last inbox sequence a watch showed, per hub, agency and user, in the config directory
// (inbox/<hub>_<agency>_<user>.seq), so `hub inbox --watch` continues where the previous watch stopped.
// Written at most once a second while entries stream in, and once more when the watch ends.
using System.Diagnostics;
using System.Globalization;
using Hub.Cli.Session;

namespace Hub.Cli.Network;

/// <summary>The saved last-seen inbox sequence of one identity.</summary>
internal sealed class InboxSeen(string path)
{
    private static readonly TimeSpan SaveEvery = TimeSpan.FromSeconds(1);
    private long _pending = -1;
    private long _lastSave = Stopwatch.GetTimestamp() - SaveEvery.Ticks;

    public static InboxSeen For(CliProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var hub = new Uri(profile.HubUrl);
        var name = string.Concat($"{hub.Host}_{hub.Port}_{profile.AgencyId}_{profile.UserName}".Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '@' ? c : '_'));
        return new InboxSeen(Path.Combine(new ProfileStore().Directory, "inbox", name + ".seq"));
    }

    public long Load() =>
        File.Exists(path) && long.TryParse(File.ReadAllText(path).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var seq) ? seq : 0;

    public void Save(long seq)
    {
        _pending = seq;
        if (Stopwatch.GetElapsedTime(_lastSave) >= SaveEvery)
        {
            Flush();
        }
    }

    public void Flush()
    {
        if (_pending < 0)
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, _pending.ToString(CultureInfo.InvariantCulture));
        File.Move(temporary, path, overwrite: true);
        _lastSave = Stopwatch.GetTimestamp();
        _pending = -1;
    }
}
