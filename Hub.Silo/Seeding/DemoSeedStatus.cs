namespace Hub.Silo.Seeding;

/// <summary>Whether the development demo network is in place; always complete when seeding is off.</summary>
public sealed class DemoSeedStatus(bool seedingEnabled)
{
    private volatile bool _complete = !seedingEnabled;

    public bool IsComplete => _complete;

    internal void MarkComplete() => _complete = true;
}
