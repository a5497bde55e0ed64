// One signed-in user on one enrolled device, acting for their agency: the glue between the hub's API
// (which only ever sees ciphertext and signed statements) and the client-side crypto in Keys/ and
// Referrals/. Every key the workspace uses comes from VerifiedKeyDirectory (the hub's listings,
// checked against signed enrolments) and, when pins are given, is compared with what was seen before.
using System.Collections.Concurrent;
using Hub.Client.Crypto;
using Hub.Client.Crypto.Recipients;
using Hub.Client.Keys;
using Hub.Client.Referrals;
using Hub.Client.Wire;
using NSec.Cryptography;

namespace Hub.Client.Api;

/// <summary>A user's device and their agency's generation keys, working a hub through <see cref="HubApiClient"/>.</summary>
/// <param name="api">The signed-in user's API client.</param>
/// <param name="agencyId">The agency the user acts for.</param>
/// <param name="device">This device's keys (owned by the caller).</param>
/// <param name="pins">Trust-on-first-use pins to check every device and generation key against, or null.</param>
/// <param name="time">Clock for statement times; the system clock by default.</param>
public sealed partial class AgencyWorkspace(HubApiClient api, string agencyId, DeviceKey device, KeyPins? pins = null, TimeProvider? time = null) : IDisposable
{
    private readonly ConcurrentDictionary<uint, AgencyGenerationSecret> _secrets = new();
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>The API client.</summary>
    public HubApiClient Api { get; } = api ?? throw new ArgumentNullException(nameof(api));

    /// <summary>The agency the user acts for.</summary>
    public string AgencyId { get; } = agencyId ?? throw new ArgumentNullException(nameof(agencyId));

    /// <summary>This device.</summary>
    public DeviceKey Device { get; } = device ?? throw new ArgumentNullException(nameof(device));

    /// <summary>
    /// Enrols <paramref name="member"/> (default: this device) into the agency, signed by this device. An
    /// agency's first device signs its own enrolment; later ones need this device to be enrolled (admins).
    /// </summary>
    public Task<AgencyKeys> EnrolDeviceAsync(DevicePublicKeys? member = null, Guid? commandId = null, CancellationToken ct = default)
    {
        member ??= Device.PublicKeys;
        var signed = new EnrolmentStatement(AgencyId, member, Device.DeviceId, _time.GetUtcNow()).Sign(Device);
        return Api.EnrolDeviceAsync(AgencyId, new EnrolDevice(
            commandId ?? Guid.NewGuid(), member.DeviceId, member.EncryptionKey.ToString(), member.SigningKey.Export(KeyBlobFormat.RawPublicKey),
            Device.DeviceId, signed.Statement, signed.Signature), ct);
    }

    /// <summary>
    /// Creates the agency's next key generation and publishes it wrapped to every active device (admins).
    /// Refuses if the hub lists an active device whose enrolment does not verify: the key is never wrapped to it.
    /// </summary>
    /// <returns>The new generation number; this workspace holds its secret.</returns>
    public async Task<uint> PublishNextGenerationAsync(Guid? commandId = null, CancellationToken ct = default)
    {
        var keys = await Api.GetKeysAsync(AgencyId, ct);
        var directory = new VerifiedKeyDirectory([keys]);
        var active = directory.DevicesOf(AgencyId).Where(d => d.RevokedAt is null).Select(d => d.Keys).ToList();
        var listed = keys.Devices.Where(d => d.RevokedAt is null).Select(d => d.DeviceId).Order(StringComparer.Ordinal);
        if (active.Count == 0 || !listed.SequenceEqual(active.Select(d => d.DeviceId).Order(StringComparer.Ordinal)))
        {
            throw new AgeException(AgeErrorKind.SenderNotEnrolled, "The hub lists active devices whose enrolment does not verify; no key is wrapped to them.");
        }

        var next = (uint)(keys.Generations.Count == 0 ? 1 : keys.Generations.Max(g => g.Generation) + 1);
        var secret = AgencyGenerationSecret.Create(AgencyId, next);
        try
        {
            // One age file per device, so each device's copy holds only its own stanza.
            var wrapped = active.ToDictionary(d => d.DeviceId, d => secret.WrapTo([d]).Envelope, StringComparer.Ordinal);
            await Api.PublishGenerationAsync(AgencyId, new PublishGeneration(commandId ?? Guid.NewGuid(), (int)next, secret.Public.PublicKey.ToString(), wrapped), ct);
            Pin(secret.Public);
            Keep(secret);
            return next;
        }
        catch
        {
            secret.Dispose();
            throw;
        }
    }

    /// <summary>Fetches and unwraps the agency's current generation key for this device.</summary>
    public async Task<AgencyGenerationKey> UnlockCurrentGenerationAsync(CancellationToken ct = default)
    {
        var keys = await Api.GetKeysAsync(AgencyId, ct);
        var current = keys.Generations.Count == 0
            ? throw new InvalidOperationException($"{AgencyId} has not published a key generation yet.")
            : keys.Generations.MaxBy(g => g.Generation)!;
        return (await UnlockAsync((uint)current.Generation, keys, ct)).Public;
    }

    /// <summary>
    /// Fetches this agency's envelope of a message and opens it: the sender's (and any forwarder's) device
    /// must verify in the key directory, every signed digest must match, and only then is plaintext released.
    /// </summary>
    /// <exception cref="AgeException">The envelope or a statement does not verify.</exception>
    public async Task<OpenedReferral> OpenAsync(Guid caseId, Guid messageId, CancellationToken ct = default)
    {
        var envelope = await Api.GetEnvelopeAsync(caseId, messageId, ct);
        var original = new SignedStatement(envelope.Statement, envelope.Signature);
        var agencies = new[] { envelope.SenderAgency, envelope.Rewrap?.ByAgency, AgencyId }.OfType<string>().Distinct(StringComparer.Ordinal);
        var directory = await LoadDirectoryAsync(agencies, ct);
        if (envelope.Rewrap is { } rewrap)
        {
            var forwarding = new SignedStatement(rewrap.Statement, rewrap.Signature);
            var added = ForwardingStatement.Parse(rewrap.Statement);
            var keys = await KeysForAsync(added.AddedAgencyId == AgencyId ? [added.AddedGeneration] : [], ct);
            return await Forwarding.OpenAsync(new ForwardedReferral(original, forwarding, envelope.Header, envelope.Payload), caseId, messageId, directory, keys, ct);
        }

        var statement = ReferralStatement.Parse(envelope.Statement);
        var mine = await KeysForAsync([.. statement.Recipients.Where(r => r.AgencyId == AgencyId).Select(r => r.Generation)], ct);
        return await Referral.OpenAsync(new SealedReferral(envelope.Header, envelope.Payload, original), caseId, messageId, directory, mine, ct);
    }

    /// <summary>The verified key directory of <paramref name="agencies"/> (pinned, if this workspace has pins).</summary>
    public async Task<IKeyDirectory> LoadDirectoryAsync(IEnumerable<string> agencies, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(agencies);
        var listings = new List<AgencyKeys>();
        foreach (var agency in agencies)
        {
            listings.Add(await Api.GetKeysAsync(agency, ct));
        }

        var verified = new VerifiedKeyDirectory(listings);
        return pins is null ? verified : new PinningKeyDirectory(verified, pins);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var secret in _secrets.Values)
        {
            secret.Dispose();
        }

        _secrets.Clear();
    }

    private async Task<AgencyGenerationKey> CurrentGenerationOfAsync(string agency, CancellationToken ct)
    {
        var keys = await Api.GetKeysAsync(agency, ct);
        if (keys.Generations.Count == 0)
        {
            throw new InvalidOperationException($"{agency} has not published a key generation yet.");
        }

        var current = keys.Generations.MaxBy(g => g.Generation)!;
        var key = new AgencyGenerationKey(agency, (uint)current.Generation, X25519Recipient.Parse(current.PublicKey));
        Pin(key);
        return key;
    }

    private async Task<IReadOnlyList<AgencyGenerationSecret>> KeysForAsync(IReadOnlyList<uint> generations, CancellationToken ct)
    {
        AgencyKeys? keys = null;
        foreach (var generation in generations.Where(g => !_secrets.ContainsKey(g)))
        {
            keys ??= await Api.GetKeysAsync(AgencyId, ct);
            await UnlockAsync(generation, keys, ct);
        }

        // With nothing addressed to this agency, hand over what it holds and let the checks refuse clearly.
        var held = _secrets.Values.ToList();
        return held.Count > 0 ? held : [await UnlockAsync((uint)(await Api.GetKeysAsync(AgencyId, ct)).Generations.Max(g => g.Generation), null, ct)];
    }

    private async Task<AgencyGenerationSecret> UnlockAsync(uint generation, AgencyKeys? keys, CancellationToken ct)
    {
        if (_secrets.TryGetValue(generation, out var held))
        {
            return held;
        }

        keys ??= await Api.GetKeysAsync(AgencyId, ct);
        var entry = keys.Generations.FirstOrDefault(g => g.Generation == generation)
            ?? throw new InvalidOperationException($"{AgencyId} has no generation {generation}.");
        var wrapped = await Api.GetWrappedGenerationAsync(AgencyId, (int)generation, Device.DeviceId, ct);
        AgencyGenerationSecret secret;
        try
        {
            // Also for older generations re-wrapped to this device later by an admin: the hub cannot check what another
            // device wrapped, so the unwrapped key must be the generation's published key before it opens anything.
            secret = AgencyGenerationSecret.Unwrap(new WrappedGenerationKey(AgencyId, generation, X25519Recipient.Parse(entry.PublicKey), wrapped.Envelope), Device);
        }
        catch (AgeException e) when (e.Kind == AgeErrorKind.StatementMismatch)
        {
            throw new AgeException(
                AgeErrorKind.GenerationKeyMismatch,
                $"The key of {AgencyId} generation {generation} wrapped to device {Device.DeviceId} is not that generation's published key (forged or damaged); nothing sealed to it is opened with it.",
                e);
        }

        Pin(secret.Public);
        return Keep(secret);
    }

    private AgencyGenerationSecret Keep(AgencyGenerationSecret secret)
    {
        if (_secrets.TryAdd(secret.Public.Generation, secret))
        {
            return secret;
        }

        secret.Dispose();
        return _secrets[secret.Public.Generation];
    }

    private void Pin(AgencyGenerationKey key)
    {
        if (pins?.Check(KeyPins.GenerationSubject(key.AgencyId, key.Generation), key.Fingerprint) == PinCheck.Changed)
        {
            throw new AgeException(AgeErrorKind.PinnedKeyChanged, $"The key of {key.AgencyId} generation {key.Generation} differs from the pinned fingerprint.");
        }
    }
}
