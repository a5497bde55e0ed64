// Collects problems instead of stopping at the first, with helpers for the checks every rule repeats.
namespace Hub.Client.Content;

internal sealed class ProblemList
{
    private readonly List<ContentProblem> _problems = [];

    public IReadOnlyList<ContentProblem> Problems => _problems;

    public void Add(string path, string message) => _problems.Add(new ContentProblem(path, message));

    /// <summary>Checks optional text: when present, not blank, not too long, no control characters (line breaks and tabs only where <paramref name="multiline"/>).</summary>
    public void Text(string path, string? value, int maxLength, bool multiline = false)
    {
        if (value is null)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            Add(path, "Must not be empty or blank when present.");
        }
        else if (value.Length > maxLength)
        {
            Add(path, $"Is {value.Length} characters long; at most {maxLength} are allowed.");
        }
        else if (value.Any(c => char.IsControl(c) && !(multiline && c is '\n' or '\r' or '\t')))
        {
            Add(path, multiline ? "Contains control characters other than line breaks and tabs." : "Contains control characters.");
        }
    }

    public void Required(string path, object? value)
    {
        if (value is null)
        {
            Add(path, "Is required.");
        }
    }

    public void Absent(string path, object? value, string why)
    {
        if (value is not null)
        {
            Add(path, $"Must be absent {why}.");
        }
    }

    public void Defined<TEnum>(string path, TEnum value)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            Add(path, $"{value} is not a defined {typeof(TEnum).Name}.");
        }
    }

    public void Sha256(string path, string? value) => Hex(path, value, 64, "SHA-256");

    public void Hex(string path, string? value, int digits, string name)
    {
        if (value is null)
        {
            return;
        }

        if (value.Length != digits || !value.All(char.IsAsciiHexDigitLower))
        {
            Add(path, $"{name} must be {digits} lower-case hex digits.");
        }
    }
}
