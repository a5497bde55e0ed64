namespace Hub.Contracts.Stats;

/// <summary>One measurement taken from a case event: a hop's duration, or identified victims (then <see cref="Seconds"/> is 0).</summary>
[GenerateSerializer, Immutable, Alias("Hub.Contracts.Stats.CaseMeasure")]
public sealed record CaseMeasure(
    [property: Id(0)] Hop? Hop,
    [property: Id(1)] string AgencyId,
    [property: Id(2)] string Country,
    [property: Id(3)] double Seconds,
    [property: Id(4)] DateTimeOffset At,
    [property: Id(5)] int Victims = 0);
