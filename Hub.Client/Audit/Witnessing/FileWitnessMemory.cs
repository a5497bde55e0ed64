// One small JSON file per witness. It is replaced atomically (write beside, then rename) so a crash mid-write leaves
// the previous memory intact, and it is readable by its owner only on Unix: it is not secret, but a witness whose
// memory others can rewrite protects nothing.
using System.Text.Json;
using Hub.Client.Wire;

namespace Hub.Client.Audit.Witnessing;

/// <summary>An <see cref="IWitnessMemory"/> in a JSON file.</summary>
/// <param name="path">The memory file; created on first use.</param>
public sealed class FileWitnessMemory(string path) : IWitnessMemory, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <inheritdoc/>
    public async Task<WitnessedCheckpoint?> RecallAsync(string origin, CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            return (await LoadAsync(ct)).GetValueOrDefault(origin);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public async Task RememberAsync(WitnessedCheckpoint checkpoint, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        await _gate.WaitAsync(ct);
        try
        {
            var all = await LoadAsync(ct);
            all[checkpoint.Origin] = checkpoint;
            var temporary = path + ".tmp";
            var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            await using (var file = new FileStream(temporary, options))
            {
                await JsonSerializer.SerializeAsync(file, all, HubJson.Options, ct);
                await file.FlushAsync(ct);
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _gate.Dispose();

    private async Task<Dictionary<string, WitnessedCheckpoint>> LoadAsync(CancellationToken ct)
    {
        if (!File.Exists(path))
        {
            return new(StringComparer.Ordinal);
        }

        await using var file = File.OpenRead(path);
        var loaded = await JsonSerializer.DeserializeAsync<Dictionary<string, WitnessedCheckpoint>>(file, HubJson.Options, ct)
            ?? throw new InvalidDataException($"The witness memory {path} is empty.");
        return new(loaded, StringComparer.Ordinal);
    }
}
