using System.CommandLine;
using System.Text;
using Hub.Cli.Shared;

namespace Hub.Cli.Keys;

/// <summary>
/// Where a device key's passphrase comes from: <c>--passphrase-file</c> (first line), else <c>$HUB_PASSPHRASE</c>
/// (scripts, tests, demos), else a prompt on the terminal without echo. Never from a plain option, which would
/// land in shell history and process listings.
/// </summary>
internal static class Passphrase
{
    public const int MinLength = 12;

    public static string Read(ParseResult parse, string profileName, bool isNew)
    {
        ArgumentNullException.ThrowIfNull(parse);
        if (parse.GetValue(CliContext.PassphraseFile) is { } file)
        {
            try
            {
                return Checked(File.ReadLines(file.FullName).FirstOrDefault() ?? string.Empty, isNew);
            }
            catch (IOException ex)
            {
                throw new CliException($"cannot read the passphrase file ({ex.Message})", ExitCodes.BadInput);
            }
        }

        if (Environment.GetEnvironmentVariable("HUB_PASSPHRASE") is { Length: > 0 } fromEnvironment)
        {
            return Checked(fromEnvironment, isNew);
        }

        if (Console.IsInputRedirected)
        {
            throw new CliException("no terminal to ask for the device key's passphrase; set HUB_PASSPHRASE or pass --passphrase-file FILE", ExitCodes.KeyUnavailable);
        }

        var passphrase = Prompt(isNew ? $"New passphrase for the device key of '{profileName}' (at least {MinLength} characters): " : $"Passphrase for the device key of '{profileName}': ");
        if (isNew && Prompt("Repeat it: ") != passphrase)
        {
            throw new CliException("the passphrases differ; run the command again", ExitCodes.BadInput);
        }

        return Checked(passphrase, isNew);
    }

    private static string Checked(string passphrase, bool isNew) =>
        isNew && passphrase.Length < MinLength
            ? throw new CliException($"the passphrase is too short; use at least {MinLength} characters (a few words are easy to type and hard to guess)", ExitCodes.BadInput)
            : passphrase;

    private static string Prompt(string prompt)
    {
        Console.Error.Write(prompt);
        var text = new StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace)
            {
                text.Length = Math.Max(0, text.Length - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                text.Append(key.KeyChar);
            }
        }

        Console.Error.WriteLine();
        return text.ToString();
    }
}
