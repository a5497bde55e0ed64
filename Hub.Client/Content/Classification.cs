// Per-item legal assessment. "Baseline" is the internationally agreed standard of material that is
// illegal in every country, so it can be acted on across borders without a national check.
namespace Hub.Client.Content;

/// <summary>The assessment of one item; wire names are kebab-case (<c>nationally-illegal</c>).</summary>
public enum Classification
{
    /// <summary>Meets the international baseline: illegal everywhere (<c>baseline</c>).</summary>
    Baseline = 1,

    /// <summary>Illegal under the referring country's law only (<c>nationally-illegal</c>).</summary>
    NationallyIllegal = 2,

    /// <summary>Assessed and found not illegal (<c>not-illegal</c>).</summary>
    NotIllegal = 3,
}
