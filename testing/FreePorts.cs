using System.Net;
using System.Net.Sockets;

namespace Hub.Testing;

/// <summary>Ports nobody listens on right now, for the silo and Orleans gateway each test host binds.</summary>
public static class FreePorts
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
