// One thing wrong with a content document. Paths use the same JSONPath shape as
// System.Text.Json's JsonException.Path ("$.items[2].hashes.sha256"), so parse and rule
// failures read alike.
namespace Hub.Client.Content;

/// <summary>A validation or parse problem at a JSON path.</summary>
/// <param name="Path">Where, as <c>$.member[index].member</c>.</param>
/// <param name="Message">What is wrong, in a sentence.</param>
public sealed record ContentProblem(string Path, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Path}: {Message}";
}
