// `hub audit verify`: checks an evidence bundle offline. Prints `OK <tree size> <root>` and exits 0, or
// `FAIL <what failed>` and exits 1; an unreadable file is a one-line error and exit 1, both key options exit 2
// (wrong usage). Notes (the fingerprint to compare out of band, entries not yet checkpointed) go to stderr so
// stdout stays one line.
using System.CommandLine;
using Hub.Cli.Shared;
using Hub.Client.Audit;

namespace Hub.Cli.Audit;

internal static class VerifyCommand
{
    public static Command Create()
    {
        var bundle = new Argument<string>("BUNDLE") { Description = "Evidence bundle (hub.evidence-bundle/v1 JSON) as exported by the hub." };
        var hubKey = new Option<string>("--hub-key") { Description = "The hub's log key (vkey), obtained out of band: the checkpoint must be signed by it." };
        var fingerprint = new Option<string>("--hub-fingerprint") { Description = "SHA256:… fingerprint of the hub's log key, obtained out of band." };
        var command = new Command("verify", """
            Verify an evidence bundle offline: every entry's canonical encoding, the Merkle root recomputed from the
            entries against the signed checkpoint, the hub's signature, witness cosignatures and consistency proofs.
            Without --hub-key or --hub-fingerprint the bundle's own key is used: compare the printed fingerprint out of band.

            Examples:
              hub audit verify case-5f0c.evidence.json
              hub audit verify --hub-key 'hub.example/hub-dev+1a2b3c4d+AQ…' case-5f0c.evidence.json
              hub audit verify --hub-fingerprint SHA256:9f86d0… case-5f0c.evidence.json
            """);
        command.Arguments.Add(bundle);
        command.Options.Add(hubKey);
        command.Options.Add(fingerprint);
        command.SetAction(parse =>
        {
            var key = parse.GetValue(hubKey);
            var print = parse.GetValue(fingerprint);
            if (key is not null && print is not null)
            {
                Console.Error.WriteLine("hub: error: give --hub-key or --hub-fingerprint, not both");
                return 2; // wrong usage
            }

            byte[] json;
            try
            {
                json = File.ReadAllBytes(parse.GetValue(bundle)!);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
            {
                Console.Error.WriteLine($"hub: error: {ex.Message}");
                return ExitCodes.Failed;
            }

            var result = EvidenceBundleVerifier.Verify(json, key ?? print);
            Console.Out.WriteLine(result.Summary);
            if (!result.IsValid)
            {
                return ExitCodes.Failed;
            }

            if (!result.HubKeyPinned)
            {
                Console.Error.WriteLine($"hub: note: signed by hub key {result.HubKeyFingerprint}; it is the bundle's own key, compare it out of band (or pass --hub-key)");
            }

            if (result.Witnesses.Count > 0)
            {
                Console.Error.WriteLine($"hub: note: cosigned by {string.Join(", ", result.Witnesses)}");
            }

            if (result.NotYetCheckpointed > 0)
            {
                Console.Error.WriteLine($"hub: note: {result.NotYetCheckpointed} entries after the checkpoint are not yet checkpointed (well-formed, in order, unsigned)");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
