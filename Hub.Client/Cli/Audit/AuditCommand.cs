// The `hub audit` command group: export a case's evidence bundle, verify one offline.
using System.CommandLine;

namespace Hub.Cli.Audit;

/// <summary>Builds <c>hub audit</c> and its subcommands.</summary>
public static class AuditCommand
{
    public static Command Create()
    {
        var audit = new Command("audit", "Export a case's evidence bundle and verify it offline (signed checkpoints, Merkle proofs).");
        audit.Subcommands.Add(ExportCommand.Create());
        audit.Subcommands.Add(VerifyCommand.Create());
        return audit;
    }
}
