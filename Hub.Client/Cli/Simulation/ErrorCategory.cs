namespace Hub.Cli.Simulation;

/// <summary>One error category of a run: how often, and its first example.</summary>
internal sealed record ErrorCategory(string Category, long Count, string Example);
