namespace Hub.Client.Wire;

/// <summary>A measured step of a case: acknowledge, decide, notice, removal, or a hold's duration.</summary>
public enum Hop
{
    Acknowledge = 1,
    Decide = 2,
    Notice = 3,
    Removal = 4,
    Hold = 5,
}
