// CryptoBenchmark: age v1 throughput of Hub.Client against the Go age CLI, and peak memory.
//
//   throughput   encrypt and decrypt the same random file (default 256 MiB), file to file:
//                Hub.Client in-process, the `hub` CLI as a process, and `age` as a process;
//                one untimed warm-up run each, then interleaved rounds (default 5) whose order
//                alternates; medians and per-round ratios (ThroughputRounds). Target: Hub.Client >= 1.3 x age.
//   memory       peak RSS (VmHWM) of `hub age encrypt` and `hub age decrypt` processes over a
//                1 GiB file. Target: < 150 MiB.
//
// Plain Stopwatch timing (the process subjects include process start-up), not BenchmarkDotNet statistics.
// Files live under TMPDIR (default /tmp, on disk here); TMPDIR=/dev/shm measures without the disk.
using System.Globalization;
using System.Security.Cryptography;
using Hub.Client.Crypto;
using Hub.Client.Crypto.Recipients;

namespace Hub.Bench.Crypto;

/// <summary>Measures and prints age throughput and peak memory.</summary>
public static class CryptoBenchmark
{
    private const string HubEncrypt = "Hub.Client encrypt";
    private const string HubDecrypt = "Hub.Client decrypt";
    private const string CliEncrypt = "hub CLI encrypt";
    private const string CliDecrypt = "hub CLI decrypt";
    private const string AgeEncrypt = "age encrypt";
    private const string AgeDecrypt = "age decrypt";

    public static int Run(string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        var sizeMib = CommandLine.Option(args, "--size-mib", 256);
        var rounds = CommandLine.Option(args, "--rounds", 5);
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
            var sealedFile = Path.Combine(dir, "sealed.age");
            var ageSealed = Path.Combine(dir, "age-sealed.age");
            var opened = Path.Combine(dir, "opened.bin");
            WriteRandom(input, (long)sizeMib << 20);
            var bytes = (double)new FileInfo(input).Length;
            output.WriteLine($"Crypto benchmark: {sizeMib} MiB random file in {dir}, {Environment.ProcessorCount} cores, {rounds} interleaved rounds; load {LoadAverage.Now}");

            Action hubEncrypt = () => InProcess(input, sealedFile, (from, to) => Envelope.Encrypt(from, to, [identity.Recipient]));
            Action hubDecrypt = () => InProcess(sealedFile, opened, (from, to) => Envelope.Decrypt(from, to, [identity]));
            Action cliEncrypt = () => ProcessRunner.Run("dotnet", hubDll, "age", "encrypt", "-r", recipient, "-o", sealedFile, input);
            Action cliDecrypt = () => ProcessRunner.Run("dotnet", hubDll, "age", "decrypt", "-i", keyFile, "-o", opened, sealedFile);
            Action ageEncrypt = () => ProcessRunner.Run(age, "-r", recipient, "-o", ageSealed, input);
            Action ageDecrypt = () => ProcessRunner.Run(age, "-d", "-i", keyFile, "-o", opened, ageSealed);

            // Warm-up, untimed: JIT, page cache of the input, and a first round trip checked end to end.
            hubEncrypt();
            hubDecrypt();
            Check(input, opened);
            ageEncrypt();
            ageDecrypt();
            Check(input, opened);

            var timings = new ThroughputRounds(bytes);
            for (var round = 0; round < rounds; round++)
            {
                // Encrypt before decrypt (decrypt reads what encrypt wrote); within each, the order alternates by round.
                (string Name, string Output, Action Run)[] encrypts = [(HubEncrypt, sealedFile, hubEncrypt), (CliEncrypt, sealedFile, cliEncrypt), (AgeEncrypt, ageSealed, ageEncrypt)];
                (string Name, string Output, Action Run)[] decrypts = [(HubDecrypt, opened, hubDecrypt), (CliDecrypt, opened, cliDecrypt), (AgeDecrypt, opened, ageDecrypt)];
                foreach (var (name, target, run) in round % 2 == 0 ? encrypts : encrypts.Reverse())
                {
                    timings.Time(name, target, run);
                }

                foreach (var (name, target, run) in round % 2 == 0 ? decrypts : decrypts.Reverse())
                {
                    timings.Time(name, target, run);
                }
            }

            Check(input, opened);
            output.WriteLine($"  {"median MB/s",-26}{"encrypt",10}{"decrypt",10}");
            Row(output, "Hub.Client (in-process)", timings, HubEncrypt, HubDecrypt);
            Row(output, "hub CLI (process)", timings, CliEncrypt, CliDecrypt);
            Row(output, "age CLI (process)", timings, AgeEncrypt, AgeDecrypt);
            Ratio(output, "Hub.Client / age", timings, HubEncrypt, AgeEncrypt, HubDecrypt, AgeDecrypt);
            Ratio(output, "hub CLI / age", timings, CliEncrypt, AgeEncrypt, CliDecrypt, AgeDecrypt);
            output.WriteLine($"  target: Hub.Client / age >= 1.30 both ways; load average now {LoadAverage.Now}");

            File.Delete(opened);
            File.Delete(ageSealed);
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

    private static void Row(TextWriter output, string name, ThroughputRounds timings, string encrypt, string decrypt) =>
        output.WriteLine($"  {name,-26}{timings.MedianMegabytesPerSecond(encrypt),10:F0}{timings.MedianMegabytesPerSecond(decrypt),10:F0}");

    private static void Ratio(TextWriter output, string name, ThroughputRounds timings, string encrypt, string ageEncrypt, string decrypt, string ageDecrypt)
    {
        static string Rounds(IEnumerable<double> ratios) => string.Join(" ", ratios.Select(r => r.ToString("F2", CultureInfo.InvariantCulture)));
        output.WriteLine($"  ratio {name,-20} encrypt {timings.MedianRatio(encrypt, ageEncrypt):F2} x (rounds {Rounds(timings.RoundRatios(encrypt, ageEncrypt))})");
        output.WriteLine($"  {"",26} decrypt {timings.MedianRatio(decrypt, ageDecrypt):F2} x (rounds {Rounds(timings.RoundRatios(decrypt, ageDecrypt))})");
    }

    private static FileStream Open(string path) => new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);

    private static FileStream Create(string path) => new(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);

    private static void InProcess(string from, string to, Action<Stream, Stream> action)
    {
        using var source = Open(from);
        using var target = Create(to);
        action(source, target);
    }

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
