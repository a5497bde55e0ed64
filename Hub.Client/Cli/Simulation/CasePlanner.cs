// The workload as a pure function of (seed, case number): the same seed gives the same sequence of
// reports, contents and decisions whatever the timing, so a run can be repeated and two runs compared
// (the summary's plan digest). Case and command ids are fresh each run: the hub refuses a reused case id.
using System.Security.Cryptography;
using System.Text;
using Bogus;
using Hub.Client.Content;
using Hub.Client.Wire;

namespace Hub.Cli.Simulation;

/// <summary>Draws the <see cref="CasePlan"/> of each simulated report from the run's seed.</summary>
internal sealed class CasePlanner
{
    private static readonly string[] TlpLabels = ["TLP:CLEAR", "TLP:GREEN", "TLP:AMBER", "TLP:AMBER+STRICT", "TLP:RED"];
    private static readonly float[] TlpWeights = [0.05f, 0.2f, 0.5f, 0.15f, 0.1f];
    private static readonly string[] SienaCodes = ["H0", "H1", "H2", "H3"];
    private static readonly float[] SienaWeights = [0.05f, 0.4f, 0.45f, 0.1f];

    private readonly int _seed;
    private readonly IReadOnlyList<AgencyProfile> _hotlines;
    private readonly IncrementalHash _digest = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    /// <param name="seed">The run's seed.</param>
    /// <param name="hotlines">The simulated hotlines (the agencies that receive public reports), in a fixed order.</param>
    public CasePlanner(int seed, IReadOnlyList<AgencyProfile> hotlines)
    {
        if (hotlines.Count == 0)
        {
            throw new ArgumentException("The simulation needs at least one hotline: hotlines open the cases.", nameof(hotlines));
        }

        _seed = seed;
        _hotlines = hotlines;
    }

    /// <summary>The plan of report number <paramref name="index"/> (0-based).</summary>
    public CasePlan Plan(int index)
    {
        var random = new Randomizer(unchecked((_seed * 1_000_003) + index));
        var sender = random.ListItem([.. _hotlines]);
        var priority = random.WeightedRandom([Priority.Urgent, Priority.High, Priority.Normal], [0.1f, 0.3f, 0.6f]);
        var contentSeed = random.Int();
        var content = SyntheticContent.CreateReferral(contentSeed, random.Int(1, 3), (CasePriority)(int)priority);
        if (random.Bool(0.35f))
        {
            // Much reported content is hosted in the reporting hotline's own country: that case goes to its police unit.
            content = content with { Items = [content.Items[0] with { Hosting = content.Items[0].Hosting! with { Country = sender.Country } }, .. content.Items.Skip(1)] };
        }

        var siena = random.WeightedRandom(SienaCodes, SienaWeights);
        var handling = new CaseHandling(siena, random.WeightedRandom(TlpLabels, TlpWeights), siena == "H3" ? $"Not for release before {random.Int(2, 30)} days" : null);
        var category = random.WeightedRandom(
            [CaseCategory.AbuseMaterial, CaseCategory.Grooming, CaseCategory.Sextortion, CaseCategory.LiveStreaming, CaseCategory.Other],
            [0.7f, 0.1f, 0.1f, 0.05f, 0.05f]);
        return new CasePlan(
            index, sender.Id, priority, category, content.Items[0].Hosting!.Country!, handling, contentSeed, random.Int(),
            ReferralContentCodec.Encode(content, new ContentContext((CasePriority)(int)priority)));
    }

    /// <summary>Adds a plan to the run's digest (call in case order).</summary>
    public void Record(CasePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        lock (_digest)
        {
            _digest.AppendData(Encoding.UTF8.GetBytes($"{plan.Index}|{plan.Sender}|{plan.Priority}|{plan.Category}|{plan.HostingCountry}|{plan.Handling}|{plan.DecisionSeed}|"));
            _digest.AppendData(SHA256.HashData(plan.Content));
        }
    }

    /// <summary>SHA-256 over every recorded plan: equal for two runs of the same seed, agencies and case count.</summary>
    public string Digest()
    {
        lock (_digest)
        {
            return Convert.ToHexStringLower(_digest.GetCurrentHash());
        }
    }
}
