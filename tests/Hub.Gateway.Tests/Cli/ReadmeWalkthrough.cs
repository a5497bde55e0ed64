using System.Text.RegularExpressions;

namespace Hub.Gateway.Tests.Cli;

/// <summary>
/// The README's walkthrough as steps: every <c>```bash hub-walkthrough</c> block of the "Walkthrough" section,
/// in order; each command line is a step, and the <c>#&gt;</c> lines after it are what its output must contain
/// (<c>#&gt; exit N</c>: the exit code it must end with, 0 otherwise). Other comment lines are prose.
/// </summary>
public sealed partial record ReadmeWalkthrough(IReadOnlyList<WalkthroughStep> Steps)
{
    public static ReadmeWalkthrough Load()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
        var start = readme.IndexOf("\n## Walkthrough", StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md has no '## Walkthrough' section.");
        var end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        var section = end < 0 ? readme[start..] : readme[start..end];
        var steps = new List<WalkthroughStep>();
        foreach (Match block in Block().Matches(section))
        {
            foreach (var line in block.Groups["body"].Value.Split('\n').Where(l => l.Trim().Length > 0))
            {
                if (line.StartsWith("#> ", StringComparison.Ordinal))
                {
                    Assert.True(steps.Count > 0, $"'{line}' follows no command in the README walkthrough.");
                    var expected = line[3..].Trim();
                    steps[^1] = expected.StartsWith("exit ", StringComparison.Ordinal)
                        ? steps[^1] with { ExitCode = int.Parse(expected[5..], System.Globalization.CultureInfo.InvariantCulture) }
                        : steps[^1] with { Expected = [.. steps[^1].Expected, expected] };
                }
                else if (!line.StartsWith('#'))
                {
                    steps.Add(new WalkthroughStep(line.Trim(), [], 0));
                }
            }
        }

        return new ReadmeWalkthrough(steps);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Hub.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("No Hub.sln above the test binaries.");
    }

    [GeneratedRegex(@"^```bash hub-walkthrough\n(?<body>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Block();
}

/// <summary>One command of the walkthrough and what it must print and exit with.</summary>
public sealed partial record WalkthroughStep(string Command, IReadOnlyList<string> Expected, int ExitCode)
{
    /// <summary>The variable a line like <c>CASE=$(…)</c> or <c>export X=…</c> sets, or null.</summary>
    public string? Assigns => Assignment().Match(Command) is { Success: true } m ? m.Groups["name"].Value : null;

    [GeneratedRegex(@"^(export\s+)?(?<name>[A-Za-z_][A-Za-z0-9_]*)=")]
    private static partial Regex Assignment();
}
