// The `hub age` command group: age v1 key generation, encryption and decryption.
using System.CommandLine;

namespace Hub.Cli.Age;

/// <summary>Builds <c>hub age</c> and its subcommands.</summary>
public static class AgeCommand
{
    public static Command Create()
    {
        var age = new Command("age", "Encrypt and decrypt files in the age v1 format (interoperable with the age CLI).");
        age.Subcommands.Add(KeygenCommand.Create());
        age.Subcommands.Add(EncryptCommand.Create());
        age.Subcommands.Add(DecryptCommand.Create());
        return age;
    }
}
