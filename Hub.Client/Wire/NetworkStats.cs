namespace Hub.Client.Wire;

/// <summary><c>GET /api/stats</c>: per-hop duration percentiles, and victims identified per year.</summary>
/// <param name="Hops">Percentiles per hop, overall (scope "all"), per agency and per country.</param>
/// <param name="VictimsIdentified">Victims identified per calendar year with the year-on-year change.</param>
public sealed record NetworkStats(IReadOnlyList<HopStats> Hops, IReadOnlyList<VictimYear> VictimsIdentified);

/// <summary>Durations of one hop in one scope ("all", "agency" or "country"), in seconds.</summary>
/// <param name="Hop">The hop.</param>
/// <param name="Scope">"all", "agency" or "country".</param>
/// <param name="Key">The agency id or country code ("all" for the overall scope).</param>
/// <param name="Count">How many durations were measured.</param>
/// <param name="P50Seconds">Median, at most 10% above the true value.</param>
/// <param name="P90Seconds">90th percentile.</param>
/// <param name="P99Seconds">99th percentile.</param>
public sealed record HopStats(Hop Hop, string Scope, string Key, long Count, double P50Seconds, double P90Seconds, double P99Seconds);

/// <summary>Victims identified in a year and the change against the year before, in percent.</summary>
/// <param name="Year">Calendar year (UTC).</param>
/// <param name="Victims">Victims identified that year.</param>
/// <param name="ChangePercent">Change against the previous year; null without one.</param>
public sealed record VictimYear(int Year, long Victims, double? ChangePercent);
