// Locates the external subjects of the crypto benchmark: the age CLI on PATH and the built hub.dll.
namespace Hub.Bench.Crypto;

internal static class Tools
{
    public static string Find(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, tool))
            .FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException($"{tool} is not on PATH (apt-get install -y age).");

    public static string HubDll()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Name;
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Hub.sln")))
        {
            directory = directory.Parent;
        }

        var path = Path.Combine(directory?.FullName ?? ".", "artifacts", "bin", "Hub.Cli", configuration, "hub.dll");
        return File.Exists(path) ? path : throw new InvalidOperationException($"hub.dll not found at {path}.");
    }
}
