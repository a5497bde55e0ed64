// Where the referring agency learned of the material; recipients weigh a public report differently
// from a finding of their own or an industry report.
namespace Hub.Client.Content;

/// <summary>The origin of a referral; wire names are kebab-case (<c>public-report</c>).</summary>
public enum ReportSource
{
    /// <summary>A report from the public, assessed by a hotline (<c>public-report</c>).</summary>
    PublicReport = 1,

    /// <summary>Found by the agency's own monitoring (<c>own-monitoring</c>).</summary>
    OwnMonitoring = 2,

    /// <summary>Reported by an industry partner, such as a hosting provider (<c>industry-report</c>).</summary>
    IndustryReport = 3,
}
