using System.Globalization;
using Hub.Cli.Referrals;
using Hub.Client.Wire;

namespace Hub.Cli.Cases;

/// <summary>A case as text for a person: header, participants, messages (opened where this device can), takedown, outcomes, timeline.</summary>
internal static class CaseText
{
    public static void Write(CaseView view) => Write(view, null);

    public static void Write(CaseView view, IReadOnlyList<OpenedMessage>? opened)
    {
        ArgumentNullException.ThrowIfNull(view);
        var o = Console.Out;
        var h = view.Handling;
        o.WriteLine($"Case {view.CaseId}  ({view.Priority}, {view.Category}, hosted in {view.HostingCountry}, {h.Siena}{(h.SienaRestriction is null ? string.Empty : ":" + h.SienaRestriction)} {h.Tlp})");
        o.WriteLine(Invariant($"  reported {view.ReportedAt:u}, opened {view.OpenedAt:u} by {view.Originator}"));
        o.WriteLine("Participants:");
        foreach (var p in view.Participants)
        {
            o.WriteLine(Invariant($"  {p.AgencyId,-16} {p.Role,-10} {p.Status?.ToString() ?? "-",-21} {(p.AcknowledgedAt is { } ack ? $"acknowledged {ack:u}" : string.Empty)}"));
        }

        foreach (var pending in view.PendingForwards)
        {
            o.WriteLine(Invariant($"  {pending.ToAgency,-16} waiting for {view.Originator}'s consent (forward asked by {pending.RequestedBy} {pending.At:u})"));
        }

        o.WriteLine("Messages:");
        foreach (var m in view.Messages)
        {
            o.WriteLine(Invariant($"  {m.At:u}  {m.Kind,-18} from {m.FromAgency,-16} {m.PayloadBytes,8} bytes  {(m.Readable ? "readable" : "no key header for your agency yet")}  message {m.MessageId}"));
            if (opened?.FirstOrDefault(x => x.MessageId == m.MessageId) is { } message)
            {
                MessageText.Write(o, message);
            }
        }

        var t = view.Takedown;
        o.WriteLine(Invariant($"Takedown: {t.Status}{(t.HeldUntil is { } until ? $", held until {until:u} by {Holder(t.HeldBy)}" : string.Empty)}{(t.Reason is { } reason ? $" ({reason})" : string.Empty)}"));
        if (t.ReportToRemoval is { } elapsed)
        {
            o.WriteLine(elapsed.TotalHours < 2 ? Invariant($"  report to removal: {elapsed.TotalMinutes:0} min") : Invariant($"  report to removal: {elapsed.TotalHours:0.#} h"));
        }

        foreach (var outcome in view.Outcomes)
        {
            o.WriteLine(Invariant($"Outcome: {outcome.Outcome} by {outcome.ByAgency} at {outcome.At:u}{(outcome.Victims > 0 ? $" ({outcome.Victims} victims)" : string.Empty)}"));
        }

        o.WriteLine("Timeline:");
        foreach (var (at, what) in CaseTimeline.Of(view))
        {
            o.WriteLine(Invariant($"  {at:u}  {what}"));
        }
    }

    /// <summary>Hotlines see a holder as kind and country (<c>PoliceUnit/NL</c>): "police (NL)".</summary>
    public static string Holder(string? heldBy) => heldBy?.Split('/') switch
    {
        [var kind, var country] => $"{kind switch { "PoliceUnit" => "police", "LiaisonPoint" => "liaison", _ => kind.ToLowerInvariant() }} ({country})",
        _ => heldBy ?? "?",
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
