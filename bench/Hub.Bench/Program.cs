// Hub benchmarks. The first argument picks the benchmark; each lives in its own folder.
using Hub.Bench.Audit;
using Hub.Bench.Crypto;

return args.FirstOrDefault() switch
{
    // age envelopes: Hub.Client vs the age CLI, MB/s and peak RSS.
    "crypto" => CryptoBenchmark.Run(args[1..], Console.Out),

    // Offline audit of a stream's Merkle log (Hub.Transparency).
    "audit" => Audit(),

    _ => Usage(),
};

static int Audit()
{
    AuditBenchmark.Run(Console.Out);
    return 0;
}

static int Usage()
{
    Console.Error.WriteLine("usage: Hub.Bench <crypto [--size-mib N] | audit>");
    return 2;
}
