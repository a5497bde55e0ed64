// The `hub audit` command group: offline verification of evidence bundles (export follows with the CLI login).
using System.CommandLine;

namespace Hub.Cli.Audit;

/// <summary>Builds <c>hub audit</c> and its subcommands.</summary>
public static class AuditCommand
{
    public static Command Create()
    {
        var audit = new Command("audit", "Verify the hub's audit trail offline (evidence bundles, signed checkpoints).");
        audit.Subcommands.Add(VerifyCommand.Create());
        return audit;
    }
}
