using System.Globalization;
using System.Text;
using Npgsql;

namespace Hub.Silo.Clustering.Postgres;

/// <summary>How a <see cref="MembershipEntry"/> maps to a <c>hub_membership</c> row and back.</summary>
internal static class MembershipRows
{
    public const string Columns =
        "m.silo, m.silo_name, m.host_name, m.role_name, m.status, m.proxy_port, m.update_zone, m.fault_zone, m.suspect_times, m.start_time, m.i_am_alive_time, m.etag";

    /// <summary>Binds every column of <paramref name="entry"/> as <c>@silo</c>, <c>@silo_name</c>, ...</summary>
    public static void Bind(NpgsqlCommand command, MembershipEntry entry)
    {
        command.Parameters.AddWithValue("silo", entry.SiloAddress.ToParsableString());
        command.Parameters.AddWithValue("silo_name", entry.SiloName ?? string.Empty);
        command.Parameters.AddWithValue("host_name", entry.HostName ?? string.Empty);
        command.Parameters.AddWithValue("role_name", entry.RoleName ?? string.Empty);
        command.Parameters.AddWithValue("status", (int)entry.Status);
        command.Parameters.AddWithValue("proxy_port", entry.ProxyPort);
        command.Parameters.AddWithValue("update_zone", entry.UpdateZone);
        command.Parameters.AddWithValue("fault_zone", entry.FaultZone);
        command.Parameters.AddWithValue("suspect_times", EncodeSuspects(entry.SuspectTimes));
        command.Parameters.AddWithValue("start_time", ToUtc(entry.StartTime).Ticks);
        command.Parameters.AddWithValue("i_am_alive_time", ToUtc(entry.IAmAliveTime).Ticks);
    }

    /// <summary>Reads the entry and its ETag starting at column <paramref name="first"/> (in <see cref="Columns"/> order).</summary>
    public static Tuple<MembershipEntry, string> Read(NpgsqlDataReader reader, int first)
    {
        var entry = new MembershipEntry
        {
            SiloAddress = SiloAddress.FromParsableString(reader.GetString(first)),
            SiloName = reader.GetString(first + 1),
            HostName = reader.GetString(first + 2),
            RoleName = reader.GetString(first + 3),
            Status = (SiloStatus)reader.GetInt32(first + 4),
            ProxyPort = reader.GetInt32(first + 5),
            UpdateZone = reader.GetInt32(first + 6),
            FaultZone = reader.GetInt32(first + 7),
            SuspectTimes = DecodeSuspects(reader.GetString(first + 8)),
            StartTime = new DateTime(reader.GetInt64(first + 9), DateTimeKind.Utc),
            IAmAliveTime = new DateTime(reader.GetInt64(first + 10), DateTimeKind.Utc),
        };
        return Tuple.Create(entry, reader.GetInt32(first + 11).ToString(CultureInfo.InvariantCulture));
    }

    public static DateTime ToUtc(DateTime time) => time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : time;

    // "silo,ticks|silo,ticks": a silo's parsable form holds neither ',' nor '|'.
    private static string EncodeSuspects(List<Tuple<SiloAddress, DateTime>>? suspects)
    {
        if (suspects is null || suspects.Count == 0)
        {
            return string.Empty;
        }

        var text = new StringBuilder();
        foreach (var (silo, at) in suspects)
        {
            if (text.Length > 0)
            {
                text.Append('|');
            }

            text.Append(silo.ToParsableString()).Append(',').Append(ToUtc(at).Ticks.ToString(CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    private static List<Tuple<SiloAddress, DateTime>> DecodeSuspects(string text)
    {
        var suspects = new List<Tuple<SiloAddress, DateTime>>();
        foreach (var item in text.Split('|', StringSplitOptions.RemoveEmptyEntries))
        {
            var comma = item.LastIndexOf(',');
            suspects.Add(Tuple.Create(
                SiloAddress.FromParsableString(item[..comma]),
                new DateTime(long.Parse(item.AsSpan(comma + 1), NumberStyles.None, CultureInfo.InvariantCulture), DateTimeKind.Utc)));
        }

        return suspects;
    }
}
