// Shared plumbing of the age commands: "-" / missing paths mean stdin / stdout, partial output
// files are removed on failure, and every failure becomes one line on stderr and exit code 1.
using System.Security.Cryptography;
using Hub.Client.Crypto;

namespace Hub.Cli.Age;

internal static class CliFiles
{
    private const int FileBuffer = 1024 * 1024;

    public static Stream OpenInput(string? path) =>
        path is null or "-"
            ? Console.OpenStandardInput(FileBuffer)
            : new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileBuffer);

    public static Stream OpenOutput(string? path) =>
        path is null or "-"
            ? Console.OpenStandardOutput(FileBuffer)
            : new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, FileBuffer);

    /// <summary>Runs <paramref name="body"/>, mapping expected failures to a one-line error and exit code 1.</summary>
    public static int Run(string? outputPath, Action body)
    {
        try
        {
            body();
            return 0;
        }
        catch (Exception ex) when (ex is AgeException or CryptographicException or IOException
            or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            if (outputPath is not null and not "-")
            {
                TryDelete(outputPath);
            }

            var kind = ex is AgeException age ? $" ({age.Kind})" : string.Empty;
            Console.Error.WriteLine($"hub: error: {ex.Message}{kind}");
            return 1;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: the original error matters more.
        }
    }
}
