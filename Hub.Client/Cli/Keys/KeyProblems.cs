using Hub.Client.Crypto;

namespace Hub.Cli.Keys;

/// <summary>Crypto failures as one line a case worker can act on.</summary>
internal static class KeyProblems
{
    public static string Describe(AgeException ex)
    {
        ArgumentNullException.ThrowIfNull(ex);
        return ex.Kind switch
        {
            AgeErrorKind.BadSignature => $"a signature does not verify; nothing of the message is shown ({ex.Message}) — report it to your agency's admin",
            AgeErrorKind.StatementMismatch => $"the message does not match what its sender signed; nothing of it is shown ({ex.Message})",
            AgeErrorKind.SenderNotEnrolled => $"the sending device is not (or no longer) enrolled in its agency; nothing of the message is shown ({ex.Message})",
            AgeErrorKind.PinnedKeyChanged => $"a key differs from the one this profile pinned before ({ex.Message}); compare fingerprints with the agency out of band (hub agency keys AGENCY)",
            AgeErrorKind.GenerationKeyMismatch => $"{ex.Message} Tell an admin of your agency: the key must be wrapped again (hub device enroll --member) from a device that holds it",
            _ => $"{ex.Message} ({ex.Kind})",
        };
    }
}
