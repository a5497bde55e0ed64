using Hub.Client.Wire;

namespace Hub.Cli.Network;

/// <summary>Where `hub inbox --watch` shows entries: JSON lines, plain lines, or a table redrawn in place.</summary>
internal interface IInboxView
{
    void Add(InboxItem item);

    /// <summary>Connection news; only the terminal table shows it (redirected output carries entries only).</summary>
    void Status(string text)
    {
    }

    void Finish()
    {
    }
}
