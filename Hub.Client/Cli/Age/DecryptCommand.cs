// `hub age decrypt`: decrypts an age file (binary or armored) with identity files.
using System.CommandLine;
using Hub.Client.Crypto;
using Hub.Client.Crypto.Recipients;

namespace Hub.Cli.Age;

internal static class DecryptCommand
{
    public static Command Create()
    {
        var identities = new Option<string[]>("--identity", "-i")
        {
            Description = "Identity file (AGE-SECRET-KEY-1... lines). Repeat for several files.",
            Required = true,
        };
        var output = new Option<string>("--output", "-o") { Description = "Output file. Omit or '-' for stdout." };
        var input = new Argument<string>("INPUT")
        {
            Description = "age file to decrypt. Omit or '-' for stdin.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = new Command("decrypt", """
            Decrypt an age v1 file (binary or ASCII-armored). Plaintext is written only as each chunk authenticates.

            Example:
              hub age decrypt -i agency.key -o referral.pdf referral.age
            """);
        command.Options.Add(identities);
        command.Options.Add(output);
        command.Arguments.Add(input);
        command.SetAction(parse =>
        {
            var outPath = parse.GetValue(output);
            return CliFiles.Run(outPath, () =>
            {
                var keys = (parse.GetValue(identities) ?? [])
                    .SelectMany(path => IdentityFile.Parse(File.ReadAllText(path)))
                    .ToList();
                try
                {
                    using var source = CliFiles.OpenInput(parse.GetValue(input));
                    using var plaintext = Envelope.OpenRead(source, keys);
                    using var target = CliFiles.OpenOutput(outPath);
                    plaintext.CopyTo(target);
                }
                finally
                {
                    keys.ForEach(k => k.Dispose());
                }
            });
        });
        return command;
    }
}
