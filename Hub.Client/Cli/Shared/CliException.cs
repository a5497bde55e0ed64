namespace Hub.Cli.Shared;

/// <summary>A failure the user can act on: one line saying what to do next, and the exit code to end with.</summary>
internal sealed class CliException(string message, int exitCode) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
