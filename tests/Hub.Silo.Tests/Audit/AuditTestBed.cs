using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Text;
using Hub.Silo.Audit;
using Hub.Silo.Journal;
using Hub.Silo.Journal.Integrity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NSec.Cryptography;

namespace Hub.Silo.Tests.Audit;

/// <summary>
/// A real journal (a SQLite file by default, or any <see cref="JournalBackend"/>) with the hub's checkpoint service
/// over it, a tamper alarm whose log lines and counts are captured, and plain SQL access to the storage for editing
/// it behind the hub's back.
/// </summary>
public sealed class AuditTestBed : IAsyncDisposable
{
    public const string KeyName = "hub.example/test-cluster";

    private readonly ServiceProvider _metrics = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<string> _logLines = new();
    private long _tamperCount;
    private int _disposed;

    public AuditTestBed(Key? key = null, IEnumerable<string>? previousKeys = null, IEnumerable<string>? witnesses = null, string? path = null)
        : this(new SqliteJournalBackend(path), key, previousKeys, witnesses)
    {
    }

    public AuditTestBed(JournalBackend journal, Key? key = null, IEnumerable<string>? previousKeys = null, IEnumerable<string>? witnesses = null)
    {
        Journal = journal;
        var meters = _metrics.GetRequiredService<IMeterFactory>();
        var hubMeter = meters.Create(JournalTamperAlarm.MeterName);
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, hubMeter) && instrument.Name == JournalTamperAlarm.CounterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _tamperCount, value));
        _listener.Start();

        Keys = new HubLogKeys(key ?? Key.Create(SignatureAlgorithm.Ed25519), KeyName, previousKeys ?? [], witnesses ?? []);
        Alarm = new JournalTamperAlarm(meters, new LineLogger(_logLines));
        Store = journal.Open(Alarm, Keys);
        Checkpoints = new CheckpointService(Store, Keys, Alarm, NullLogger<CheckpointService>.Instance);
    }

    /// <summary>The journal's storage.</summary>
    public JournalBackend Journal { get; }

    public HubLogKeys Keys { get; }

    public JournalTamperAlarm Alarm { get; }

    public IJournalStore Store { get; }

    public CheckpointService Checkpoints { get; }

    public long TamperCount => Interlocked.Read(ref _tamperCount);

    public IReadOnlyCollection<string> LogLines => _logLines;

    public static PendingEntry Entry(string text) => new("test.v1", Encoding.UTF8.GetBytes(text));

    /// <summary>Appends entries 1..<paramref name="count"/> (payload <c>secret-payload-&lt;version&gt;</c>) in appends of 1 to 3 entries.</summary>
    public async Task AppendAsync(string stream, int count, string payloadPrefix = "secret-payload")
    {
        var version = await Store.GetVersionAsync(stream);
        var target = version + count;
        var size = 1;
        while (version < target)
        {
            var take = (int)Math.Min(size, target - version);
            version = await Store.AppendAsync(stream, version, Enumerable.Range(1, take).Select(i => Entry($"{payloadPrefix}-{version + i}")).ToArray());
            size = size % 3 + 1;
        }
    }

    public async Task<List<JournalEntry>> ReadAllAsync(string stream, List<JournalEntry>? served = null)
    {
        served ??= [];
        await foreach (var entry in Store.ReadAsync(stream))
        {
            served.Add(entry);
        }

        return served;
    }

    /// <summary>Runs SQL against the journal's storage directly, as someone with access to the database could.</summary>
    public async Task TamperAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = Journal.Connect();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Replaces a stream's entries and tree nodes with those <paramref name="source"/>'s journal holds for it, with
    /// plain SQL, as someone swapping in a rewritten history could.
    /// </summary>
    public async Task ReplaceStreamAsync(AuditTestBed source, string stream)
    {
        await using var from = source.Journal.Connect();
        await from.OpenAsync();
        await using var to = Journal.Connect();
        await to.OpenAsync();
        await using var transaction = await to.BeginTransactionAsync();
        foreach (var (table, columns) in new[] { ("journal_entries", Journal.EntryColumns), ("journal_nodes", "stream_id, level, idx, hash") })
        {
            await using (var delete = to.CreateCommand())
            {
                delete.CommandText = $"DELETE FROM {table} WHERE stream_id = @s";
                AddParameter(delete, "@s", stream);
                await delete.ExecuteNonQueryAsync();
            }

            await using var select = from.CreateCommand();
            select.CommandText = $"SELECT {columns} FROM {table} WHERE stream_id = @s";
            AddParameter(select, "@s", stream);
            await using var rows = await select.ExecuteReaderAsync();
            while (await rows.ReadAsync())
            {
                await using var insert = to.CreateCommand();
                var names = Enumerable.Range(0, rows.FieldCount).Select(i => $"@p{i}").ToArray();
                insert.CommandText = $"INSERT INTO {table} ({columns}) VALUES ({string.Join(", ", names)})";
                for (var i = 0; i < rows.FieldCount; i++)
                {
                    AddParameter(insert, names[i], rows.GetValue(i));
                }

                await insert.ExecuteNonQueryAsync();
            }
        }

        await transaction.CommitAsync();
    }

    private static void AddParameter(System.Data.Common.DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    /// <summary>Asserts a full read fails with <paramref name="check"/> and serves no entry at all.</summary>
    public async Task<JournalTamperedException> AssertReadRefusedAsync(string stream, JournalIntegrityCheck check)
    {
        var served = new List<JournalEntry>();
        var refused = await Assert.ThrowsAsync<JournalTamperedException>(() => ReadAllAsync(stream, served));
        Assert.Equal(check, refused.Check);
        Assert.Equal(stream, refused.StreamId);
        Assert.Empty(served);
        return refused;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await ((IAsyncDisposable)Store).DisposeAsync();
        Keys.Dispose();
        _listener.Dispose();
        await _metrics.DisposeAsync();
        await Journal.DisposeAsync();
    }

    private sealed class LineLogger(ConcurrentQueue<string> lines) : ILogger<JournalTamperAlarm>
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel}: {formatter(state, exception)}");
    }
}
