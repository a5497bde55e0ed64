// `hub age encrypt`: encrypts a file or stdin to one or more age1... recipients.
using System.CommandLine;
using Hub.Client.Crypto;
using Hub.Client.Crypto.Recipients;

namespace Hub.Cli.Age;

internal static class EncryptCommand
{
    public static Command Create()
    {
        var recipients = new Option<string[]>("--recipient", "-r")
        {
            Description = "Recipient (age1...). Repeat for several recipients.",
            Required = true,
        };
        var armor = new Option<bool>("--armor", "-a") { Description = "Write PEM-style ASCII armor." };
        var output = new Option<string>("--output", "-o") { Description = "Output file. Omit or '-' for stdout." };
        var input = new Argument<string>("INPUT")
        {
            Description = "File to encrypt. Omit or '-' for stdin.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = new Command("encrypt", """
            Encrypt INPUT to the given recipients in the age v1 format.

            Example:
              hub age encrypt -r age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p -o referral.age referral.pdf
            """);
        command.Options.Add(recipients);
        command.Options.Add(armor);
        command.Options.Add(output);
        command.Arguments.Add(input);
        command.SetAction(parse =>
        {
            var outPath = parse.GetValue(output);
            return CliFiles.Run(outPath, () =>
            {
                var parsed = (parse.GetValue(recipients) ?? []).Select(r => (IRecipient)X25519Recipient.Parse(r)).ToList();
                using var source = CliFiles.OpenInput(parse.GetValue(input));
                using var target = CliFiles.OpenOutput(outPath);
                Envelope.Encrypt(source, target, parsed, parse.GetValue(armor));
            });
        });
        return command;
    }
}
