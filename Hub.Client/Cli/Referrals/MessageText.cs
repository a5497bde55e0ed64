using System.Globalization;
using System.Text.Json;
using Hub.Client.Content;

namespace Hub.Cli.Referrals;

/// <summary>An opened message for a person: who signed it, then a summary of its content.</summary>
internal static class MessageText
{
    private const int MaxItemsShown = 5;
    private const int MaxNotes = 160;

    public static void Write(TextWriter o, OpenedMessage m)
    {
        ArgumentNullException.ThrowIfNull(o);
        ArgumentNullException.ThrowIfNull(m);
        if (m.Problem is { } problem)
        {
            o.WriteLine($"    NOT VERIFIED, not shown: {problem}");
            return;
        }

        if (m.Plaintext is null)
        {
            o.WriteLine($"    still sealed: {m.ContentProblem}");
            return;
        }

        o.WriteLine(Invariant($"    signature OK: {m.SenderAgency} device {m.SenderDevice} (fingerprint {m.SenderFingerprint}), signed {m.SignedAt:u}, {string.Join(" ", m.HandlingCodes)}"));
        if (m.Forwarded)
        {
            o.WriteLine("    re-wrapped for your agency after a forward; the forwarding signature verified too");
        }

        if (m.Content is not { } c)
        {
            o.WriteLine($"    content is not hub.referral-content/v1 ({m.Plaintext.Length} bytes): {m.ContentProblem}");
            return;
        }

        if (c.Kind == ReferralContentKind.Referral)
        {
            o.WriteLine(Invariant($"    referral: {c.Items.Count} item(s), source {Wire(c.Source)}, reported {c.ReportedAt:u}"));
        }

        foreach (var item in c.Items.Take(MaxItemsShown))
        {
            o.WriteLine($"      {item.Url}  {Wire(item.Classification)}{(item.Hosting?.Country is { } country ? $", hosted in {country}" : string.Empty)}  sha256 {item.Hashes.Sha256[..16]}…");
        }

        if (c.Items.Count > MaxItemsShown)
        {
            o.WriteLine(Invariant($"      … and {c.Items.Count - MaxItemsShown} more (--json shows all)"));
        }

        if (c.EscalationReason is { } escalation)
        {
            o.WriteLine($"    escalation: {Shorten(escalation)}");
        }

        foreach (var asked in c.RequestedInformation)
        {
            o.WriteLine($"    asks: {Shorten(asked)}");
        }

        if (c.Notes is { } notes)
        {
            o.WriteLine($"    notes: {Shorten(notes)}");
        }

        foreach (var attachment in c.Attachments)
        {
            o.WriteLine(Invariant($"    attachment: {attachment.FileName} ({attachment.MediaType}, {attachment.Size} bytes, sha256 {attachment.Sha256[..16]}…) id {attachment.Id}"));
        }
    }

    // Enum members as the schema spells them (kebab-case wire names).
    private static string Wire<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    private static string Wire<T>(T? value)
        where T : struct, Enum => value is { } v ? Wire(v) : "-";

    private static string Shorten(string text)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= MaxNotes ? line : line[..MaxNotes] + "…";
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
