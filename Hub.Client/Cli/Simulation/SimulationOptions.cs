namespace Hub.Cli.Simulation;

/// <summary>One run's settings, from the command line.</summary>
internal sealed record SimulationOptions(Uri Hub, IReadOnlyList<string> Agencies, double Rate, TimeSpan Duration, int Seed)
{
    /// <summary>The seeded demo network: hotline and police unit of five countries, and the two liaison points.</summary>
    public static readonly IReadOnlyList<string> DemoAgencies =
    [
        "be-hotline", "be-police", "nl-hotline", "nl-police", "de-hotline", "de-police",
        "fr-hotline", "fr-police", "us-hotline", "us-police", "eu-liaison", "int-liaison",
    ];
}
