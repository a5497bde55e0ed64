using System.Text.Json.Serialization;
using Hub.Contracts.Inbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Hub.Testing;

namespace Hub.Bench.Referrals;

/// <summary>
/// The end-to-end baseline: the least a durable relay must do, on the same machine and client setup. Kestrel
/// takes the same POST, commits one row (WAL, synchronous=FULL, one transaction per request, no auth, no
/// grains, no signature check), then pushes an <see cref="InboxPush"/> to one SignalR group.
/// </summary>
public sealed class RelayBaseline : IAsyncDisposable
{
    private const string Agency = "be-police";

    private readonly WebApplication _app;
    private readonly SqliteConnection _db;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private long _seq;

    private RelayBaseline(WebApplication app, SqliteConnection db, Uri baseAddress)
    {
        _app = app;
        _db = db;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<RelayBaseline> StartAsync(string directory)
    {
        var port = FreePorts.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSignalR().AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        var app = builder.Build();

        var db = new SqliteConnection($"Data Source={Path.Combine(directory, "relay.db")}");
        db.Open();
        using (var setup = db.CreateCommand())
        {
            setup.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; CREATE TABLE relay (seq INTEGER PRIMARY KEY, case_id TEXT NOT NULL, body BLOB NOT NULL);";
            setup.ExecuteNonQuery();
        }

        var relay = new RelayBaseline(app, db, new Uri($"http://127.0.0.1:{port}"));
        app.MapHub<RelayHub>("/hubs/live");
        app.MapPost("/api/cases/{caseId:guid}/messages", (Guid caseId, HttpRequest request, IHubContext<RelayHub> hub) => relay.RelayAsync(caseId, request, hub));
        await app.StartAsync();
        return relay;
    }

    private async Task<IResult> RelayAsync(Guid caseId, HttpRequest request, IHubContext<RelayHub> hub)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        long seq;
        await _writeLock.WaitAsync();
        try
        {
            seq = ++_seq;
            using var insert = _db.CreateCommand();
            insert.CommandText = "INSERT INTO relay (seq, case_id, body) VALUES ($seq, $case, $body)";
            insert.Parameters.AddWithValue("$seq", seq);
            insert.Parameters.AddWithValue("$case", caseId.ToString());
            insert.Parameters.AddWithValue("$body", body.ToArray());
            insert.ExecuteNonQuery(); // autocommit: one transaction, one WAL fsync
        }
        finally
        {
            _writeLock.Release();
        }

        await hub.Clients.Group(Agency).SendAsync("InboxChanged", new InboxPush(Agency, seq, caseId, InboxItemKind.MessageReceived));
        return Results.Created($"/api/cases/{caseId}/messages/{seq}", null);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _db.DisposeAsync();
        _writeLock.Dispose();
    }
}
