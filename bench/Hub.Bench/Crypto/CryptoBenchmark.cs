// CryptoBenchmark: age v1 throughput of Hub.Client against the Go age CLI, and peak memory.
//
//   throughput   encrypt and decrypt the same random file (default 256 MiB), file to file:
//                Hub.Client in-process, the `hub` CLI as a process, and `age` as a process;
//                best of 3 runs each. Target: Hub.Client >= 1.3 x age.
//   memory       peak RSS (VmHWM) of `hub age encrypt` and `hub age decrypt` processes over a
//                1 GiB file. Target: < 150 MiB.
//
// Plain Stopwatch timing (the subjects include process start-up), not BenchmarkDotNet statistics.
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Hub.Client.Crypto;
using Hub.Client.Crypto.Recipients;

namespace Hub.Bench.Crypto;

/// <summary>Measures and prints age throughput and peak memory.</summary>
public static class CryptoBenchmark
{
    private const int Runs = 3;

    public static int Run(string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        var sizeMib = args.Length >= 2 && args[0] == "--size-mib" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 256;
        var dir = Directory.CreateTempSubdirectory("hub-bench-").FullName;
        try
        {
            var age = Tools.Find("age");
            var hubDll = Tools.HubDll();
            using var identity = X25519Identity.Generate();
            var keyFile = Path.Combine(dir, "bench.key");
            File.WriteAllText(keyFile, IdentityFile.Format(identity, DateTimeOffset.UtcNow));
            var recipient = identity.Recipient.ToString();
            var input = Path.Combine(dir, "input.bin");
            WriteRandom(input, (long)sizeMib << 20);
            var bytes = (double)new FileInfo(input).Length;
            output.WriteLine($"Crypto benchmark: {sizeMib} MiB random file, {Environment.ProcessorCount} cores, best of {Runs}");

            var sealedFile = Path.Combine(dir, "sealed.age");
            var opened = Path.Combine(dir, "opened.bin");
            var hubEnc = Best(() => InProcess(input, sealedFile, (from, to) => Envelope.Encrypt(from, to, [identity.Recipient])));
            var hubDec = Best(() => InProcess(sealedFile, opened, (from, to) => Envelope.Decrypt(from, to, [identity])));
            Check(input, opened);
            var cliEnc = Best(() => ProcessRunner.Run("dotnet", hubDll, "age", "encrypt", "-r", recipient, "-o", sealedFile, input).Elapsed);
            var cliDec = Best(() => ProcessRunner.Run("dotnet", hubDll, "age", "decrypt", "-i", keyFile, "-o", opened, sealedFile).Elapsed);
            Check(input, opened);
            var ageEnc = Best(() => ProcessRunner.Run(age, "-r", recipient, "-o", sealedFile, input).Elapsed);
            var ageDec = Best(() => ProcessRunner.Run(age, "-d", "-i", keyFile, "-o", opened, sealedFile).Elapsed);
            Check(input, opened);

            output.WriteLine($"  {"",-26}{"encrypt MB/s",14}{"decrypt MB/s",14}");
            Row(output, "Hub.Client (in-process)", bytes, hubEnc, hubDec);
            Row(output, "hub CLI (process)", bytes, cliEnc, cliDec);
            Row(output, "age CLI (process)", bytes, ageEnc, ageDec);
            output.WriteLine($"  ratio Hub.Client / age     encrypt {ageEnc / hubEnc:F2} x   decrypt {ageDec / hubDec:F2} x   (target >= 1.30)");
            output.WriteLine($"  ratio hub CLI / age        encrypt {ageEnc / cliEnc:F2} x   decrypt {ageDec / cliDec:F2} x");

            File.Delete(opened);
            var big = Path.Combine(dir, "big.bin");
            WriteRandom(big, 1L << 30);
            var encRss = ProcessRunner.Run("dotnet", hubDll, "age", "encrypt", "-r", recipient, "-o", sealedFile, big).PeakRssBytes;
            File.Delete(big);
            var decRss = ProcessRunner.Run("dotnet", hubDll, "age", "decrypt", "-i", keyFile, "-o", opened, sealedFile).PeakRssBytes;
            output.WriteLine($"  peak RSS, 1 GiB file: hub age encrypt {encRss / 1048576.0:F1} MiB, hub age decrypt {decRss / 1048576.0:F1} MiB (target < 150)");
            return 0;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static FileStream Open(string path) => new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);

    private static FileStream Create(string path) => new(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);

    private static TimeSpan InProcess(string from, string to, Action<Stream, Stream> action)
    {
        var clock = Stopwatch.StartNew();
        using (var source = Open(from))
        using (var target = Create(to))
        {
            action(source, target);
        }

        return clock.Elapsed;
    }

    // The first run also warms the JIT and the page cache; the best of the runs is kept.
    private static double Best(Func<TimeSpan> run) =>
        Enumerable.Range(0, Runs).Select(_ => run().TotalSeconds).Min();

    private static void Row(TextWriter output, string name, double bytes, double encrypt, double decrypt) =>
        output.WriteLine($"  {name,-26}{bytes / encrypt / 1e6,14:F0}{bytes / decrypt / 1e6,14:F0}");

    private static void WriteRandom(string path, long length)
    {
        using var file = Create(path);
        var block = new byte[1 << 20];
        for (long written = 0; written < length; written += block.Length)
        {
            RandomNumberGenerator.Fill(block);
            file.Write(block, 0, (int)Math.Min(block.Length, length - written));
        }
    }

    private static void Check(string expected, string actual)
    {
        using var a = Open(expected);
        using var b = Open(actual);
        if (!SHA256.HashData(a).AsSpan().SequenceEqual(SHA256.HashData(b)))
        {
            throw new InvalidOperationException("Round trip mismatch.");
        }
    }
}
