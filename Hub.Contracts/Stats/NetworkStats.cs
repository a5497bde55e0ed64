namespace Hub.Contracts.Stats;

/// <summary>Per-hop duration percentiles (overall, per agency, per country) and victims identified per year.</summary>
[GenerateSerializer, Immutable, Alias("Hub.Contracts.Stats.NetworkStats")]
public sealed record NetworkStats(
    [property: Id(0)] IReadOnlyList<HopStats> Hops,
    [property: Id(1)] IReadOnlyList<VictimYear> VictimsIdentified);

/// <summary>Durations of one hop for one scope: <see cref="Scope"/> is "all", "agency" or "country", <see cref="Key"/> the agency id or country.</summary>
[GenerateSerializer, Immutable, Alias("Hub.Contracts.Stats.HopStats")]
public sealed record HopStats(
    [property: Id(0)] Hop Hop,
    [property: Id(1)] string Scope,
    [property: Id(2)] string Key,
    [property: Id(3)] long Count,
    [property: Id(4)] double P50Seconds,
    [property: Id(5)] double P90Seconds,
    [property: Id(6)] double P99Seconds);

/// <summary>Victims identified in a calendar year (UTC), with the change against the year before in percent (null without a prior year).</summary>
[GenerateSerializer, Immutable, Alias("Hub.Contracts.Stats.VictimYear")]
public sealed record VictimYear(
    [property: Id(0)] int Year,
    [property: Id(1)] long Victims,
    [property: Id(2)] double? ChangePercent);
