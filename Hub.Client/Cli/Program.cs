// `hub`: the Hub command line. Each feature contributes its commands from its own folder; this file
// only assembles them.
using System.CommandLine;
using Hub.Cli.Age;
using Hub.Cli.Attachments;
using Hub.Cli.Audit;
using Hub.Cli.Cases;
using Hub.Cli.Keys;
using Hub.Cli.Network;
using Hub.Cli.Referrals;
using Hub.Cli.Session;
using Hub.Cli.Simulation;
using Hub.Cli.Shared;

var root = new RootCommand($"""
    Hub: end-to-end encrypted referral exchange between hotlines, police units and liaison points.

    Example:
      hub login --user analyst@be-hotline.test
      hub route --hosting-country NL --priority Urgent
      hub refer 3f1c2a9e-5d1b-4a9c-9d0e-2b7c1f0a4e11 --to nl-hotline --to eu-liaison --file referral.json

    {ExitCodes.Help}
    """);
root.Options.Add(CliContext.Profile);
root.Options.Add(CliContext.JsonOutput);
root.Options.Add(CliContext.Verbose);
root.Options.Add(CliContext.PassphraseFile);

// Session: login, logout, whoami (profiles in the user's config directory).
foreach (var command in SessionCommands.Create())
{
    root.Subcommands.Add(command);
}

// The network as your agency sees it: agencies, route, inbox, stats.
foreach (var command in NetworkCommands.Create())
{
    root.Subcommands.Add(command);
}

// Case work that needs no decryption: open, show, decide, hold, takedown.
foreach (var command in CaseCommands.Create())
{
    root.Subcommands.Add(command);
}

// Keys: this device (init, show, enroll, revoke) and the agency's key directory.
root.Subcommands.Add(DeviceCommands.Create());
root.Subcommands.Add(AgencyKeysCommand.Create());

// Sealed messages: refer, reply, forward, consent (encrypted and signed on this device).
foreach (var command in ReferralCommands.Create())
{
    root.Subcommands.Add(command);
}

// Attachments of sealed messages: download, verify, decrypt.
root.Subcommands.Add(AttachmentCommands.Create());

// age: file encryption compatible with the age CLI (keygen, encrypt, decrypt).
root.Subcommands.Add(AgeCommand.Create());

// audit: offline verification of evidence bundles.
root.Subcommands.Add(AuditCommand.Create());

// simulate: a synthetic multi-country workload through the public API (development hubs).
root.Subcommands.Add(SimulateCommand.Create());

return await root.Parse(args).InvokeAsync();
