using System.Globalization;
using Hub.Client.Wire;

namespace Hub.Cli.Cases;

/// <summary>A case as text for a person: header, participants, messages, takedown, outcomes.</summary>
internal static class CaseText
{
    public static void Write(CaseView view)
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

        o.WriteLine("Messages:");
        foreach (var m in view.Messages)
        {
            o.WriteLine(Invariant($"  {m.At:u}  {m.Kind,-18} from {m.FromAgency,-16} {m.PayloadBytes,8} bytes  {(m.Readable ? "readable" : "no key header for your agency yet")}"));
        }

        var t = view.Takedown;
        o.WriteLine(Invariant($"Takedown: {t.Status}{(t.HeldUntil is { } until ? $", held until {until:u} by {t.HeldBy}" : string.Empty)}{(t.Reason is { } reason ? $" ({reason})" : string.Empty)}"));
        if (t.ReportToRemoval is { } elapsed)
        {
            o.WriteLine(Invariant($"  report to removal: {elapsed.TotalHours:0.#} h"));
        }

        foreach (var outcome in view.Outcomes)
        {
            o.WriteLine(Invariant($"Outcome: {outcome.Outcome} by {outcome.ByAgency} at {outcome.At:u}{(outcome.Victims > 0 ? $" ({outcome.Victims} victims)" : string.Empty)}"));
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
