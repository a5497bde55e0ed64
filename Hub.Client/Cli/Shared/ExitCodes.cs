namespace Hub.Cli.Shared;

/// <summary>Exit codes of `hub` (documented in README and in `hub --help`).</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Usage = 2;
    public const int NotSignedIn = 3;
    public const int HubUnreachable = 4;
    public const int Refused = 5;

    public const string Help = """
        Exit codes: 0 done, 1 failed, 2 wrong usage, 3 not signed in or login expired,
        4 hub unreachable, 5 refused by the hub (the line says why).
        """;
}
