// `hub`: the Hub command line. Each feature contributes one command group (age, later login,
// case, refer, audit, ...) from its own folder; this file only assembles them.
using System.CommandLine;
using Hub.Cli.Age;

var root = new RootCommand("Hub: end-to-end encrypted referral exchange between hotlines, police units and liaison points.");

// age: file encryption compatible with the age CLI (keygen, encrypt, decrypt).
root.Subcommands.Add(AgeCommand.Create());

return root.Parse(args).Invoke();
