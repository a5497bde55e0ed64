// Hub benchmarks. The first argument picks the benchmark; each lives in its own folder.
using Hub.Bench.Audit;
using Hub.Bench.Crypto;
using Hub.Bench.Forwarding;
using Hub.Bench.Journal;
using Hub.Bench.Referrals;

return args.FirstOrDefault() switch
{
    // age envelopes: Hub.Client vs the age CLI, MB/s and peak RSS.
    "crypto" => CryptoBenchmark.Run(args[1..], Console.Out),

    // Offline audit of a stream's Merkle log (Hub.Transparency).
    "audit" => Audit(),

    // Durable referrals/s and push latency: grain layer and end to end, each against a same-run baseline.
    "referrals" => await ReferralBenchmark.RunAsync(args[1..], Console.Out),

    // Durable appends/s: the PostgreSQL journal against the SQLite journal in the same run (needs HUB_TEST_POSTGRES).
    "journal" => await JournalBenchmark.RunAsync(args[1..], Console.Out),

    // Forwarding a referral with an attachment: the forwarder's whole-file check against one download; opening as the added agency.
    "forward-attachment" => await ForwardAttachmentBenchmark.RunAsync(args[1..], Console.Out),

    _ => Usage(),
};

static int Audit()
{
    AuditBenchmark.Run(Console.Out);
    return 0;
}

static int Usage()
{
    Console.Error.WriteLine("usage: Hub.Bench <crypto [--size-mib N] | audit | referrals [--clients N] [--seconds S] [--grain-only | --e2e-only | --cluster] | journal [--writers N] [--seconds S] | forward-attachment [--size-mib N] [--rounds R]>");
    return 2;
}
