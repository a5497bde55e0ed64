// Agency and device identifiers as they appear in signed statements: 1..64 ASCII letters, digits,
// '.', '_', '-' or ':'. A narrow alphabet keeps identifiers unambiguous (no case folding, no Unicode
// look-alikes, no separators of the canonical encoding).
namespace Hub.Client.Crypto.Format;

/// <summary>Validates agency and device identifiers.</summary>
internal static class Identifier
{
    public static bool IsValid(string? value) =>
        value is { Length: > 0 and <= Labels.MaxIdentifierLength }
        && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or ':');

    /// <summary>Misuse check for caller-supplied identifiers.</summary>
    public static string Require(string? value, string paramName) =>
        IsValid(value)
            ? value!
            : throw new ArgumentException($"An identifier is 1..{Labels.MaxIdentifierLength} ASCII letters, digits, '.', '_', '-' or ':'.", paramName);

    /// <summary>Fail-closed check for identifiers read from a record.</summary>
    public static string Check(string value) =>
        IsValid(value) ? value : throw CanonicalReader.Malformed("Invalid identifier in a record.");
}
