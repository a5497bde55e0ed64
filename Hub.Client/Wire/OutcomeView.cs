namespace Hub.Client.Wire;

/// <summary>A recorded outcome.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="ByAgency">Who recorded it.</param>
/// <param name="At">When.</param>
/// <param name="Victims">Victims identified.</param>
public sealed record OutcomeView(
    CaseOutcome Outcome,
    string ByAgency,
    DateTimeOffset At,
    int Victims);
