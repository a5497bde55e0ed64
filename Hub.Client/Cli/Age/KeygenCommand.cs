// `hub age keygen`: writes a new X25519 identity in age's identity-file format and prints the
// matching age1... recipient on stdout.
using System.CommandLine;
using Hub.Client.Crypto.Recipients;

namespace Hub.Cli.Age;

internal static class KeygenCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--output", "-o")
        {
            Description = "Identity file to create (refuses to overwrite). Omit or '-' for stdout.",
        };
        var command = new Command("keygen", """
            Generate an X25519 identity (AGE-SECRET-KEY-1...) and print its recipient (age1...).

            Example:
              hub age keygen -o agency.key
            """);
        command.Options.Add(output);
        command.SetAction(parse =>
        {
            var path = parse.GetValue(output);
            return CliFiles.Run(null, () => Generate(path));
        });
        return command;
    }

    private static void Generate(string? path)
    {
        using var identity = X25519Identity.Generate();
        var text = IdentityFile.Format(identity, DateTimeOffset.UtcNow);
        if (path is null or "-")
        {
            Console.Out.Write(text);
            Console.Error.WriteLine($"Public key: {identity.Recipient}");
            return;
        }

        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var file = new StreamWriter(path, options))
        {
            file.Write(text);
        }

        Console.Out.WriteLine(identity.Recipient.ToString());
    }
}
