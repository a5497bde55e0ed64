using Hub.Client.Content;
using Hub.Gateway.Tests.Sdk;
using Hub.Testing;

namespace Hub.Gateway.Tests.Attachments;

/// <summary>
/// A 40 MiB attachment (over the 16 MiB inline limit) uploaded through the SDK while the hub process is killed and
/// restarted; the upload resumes at the durable offset, and the recipient downloads, verifies and decrypts it.
/// </summary>
public sealed class ResumedUploadTests : IAsyncLifetime
{
    private const int Size = 40 * 1024 * 1024;

    private readonly string _data = Directory.CreateTempSubdirectory("hub-att-").FullName;
    private GatewayProcess _gateway = null!;

    public async Task InitializeAsync() => _gateway = await GatewayProcess.StartAsync(_data);

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task AFortyMebibyteAttachmentSurvivesAKilledHubAndOpensForTheRecipient()
    {
        var world = SdkWorld.Over(_gateway);
        var (sender, recipient, caseId) = await TestAgencies.HotlineCaseAsync(world, "big");
        using var senderDesk = sender;
        using var recipientDesk = recipient;
        var plain = AttachmentUploadTests.RandomBytes(40, Size);
        var progress = new ProgressLog(threshold: 16L * 1024 * 1024);

        var upload = sender.Workspace.UploadAttachmentAsync(caseId, new MemoryStream(plain), "capture.bin", "application/octet-stream", [recipient.AgencyId], progress);
        await progress.Reached.WaitAsync(TimeSpan.FromMinutes(5));
        await _gateway.KillAsync();
        var port = _gateway.BaseAddress.Port;
        await _gateway.DisposeAsync();
        _gateway = await GatewayProcess.StartAsync(_data, port);
        var reference = await upload.WaitAsync(TimeSpan.FromMinutes(5));

        var content = SyntheticContent.CreateReferral(40, priority: CasePriority.High) with { Attachments = [reference] };
        var (messageId, _) = await sender.Workspace.ReferAsync(caseId, ReferralContentCodec.Encode(content, new ContentContext(CasePriority.High)), [recipient.AgencyId]);
        var opened = new MemoryStream();
        var opening = await recipient.Workspace.OpenAttachmentAsync(caseId, messageId, reference.Id, opened);

        Assert.Equal(plain, opened.ToArray());
        Assert.Equal(reference, opening);
        Assert.True(reference.SealedSize > Size);
        Assert.Equal(reference.SealedSize, progress.Values[^1]);
        // The hub never forgets a durable offset across the crash: what it reports only grows.
        Assert.Equal(progress.Values.Order(), progress.Values);
        Assert.Contains(progress.Values, v => v >= 16L * 1024 * 1024 && v < reference.SealedSize);
    }

    /// <summary>Records progress reports synchronously, and signals once a threshold is passed.</summary>
    private sealed class ProgressLog(long threshold) : IProgress<long>
    {
        private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly List<long> _values = [];

        public Task Reached => _reached.Task;

        public IReadOnlyList<long> Values
        {
            get
            {
                lock (_values)
                {
                    return [.. _values];
                }
            }
        }

        public void Report(long value)
        {
            lock (_values)
            {
                _values.Add(value);
            }

            if (value >= threshold)
            {
                _reached.TrySetResult();
            }
        }
    }
}
