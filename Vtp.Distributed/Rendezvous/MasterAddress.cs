// Where rank 0's rendezvous store listens, and which local address the gloo sockets bind to.
using System.Net;
using System.Net.Sockets;

namespace Vtp.Distributed;

internal static class MasterAddress
{
    /// <summary>The IP address of <paramref name="host"/> (an address or a name; IPv4 preferred).</summary>
    /// <exception cref="DistributedException">The name does not resolve.</exception>
    public static IPAddress Resolve(string host)
    {
        if (IPAddress.TryParse(host, out var parsed)) return parsed;
        IPAddress[] addresses;
        try
        {
            addresses = Dns.GetHostAddresses(host);
        }
        catch (SocketException e)
        {
            throw new DistributedException($"Cannot resolve the master address '{host}': {e.Message}", e);
        }
        return addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork)
            ?? addresses.FirstOrDefault()
            ?? throw new DistributedException($"The master address '{host}' resolves to no IP address.");
    }

    /// <summary>
    /// The address this machine reaches <paramref name="master"/> from: the master itself when it is a loopback address
    /// (a job on one machine), else the address of the interface that routes to it, found by connecting a UDP socket
    /// (which sends nothing) and reading its local end.
    /// </summary>
    public static IPAddress LocalAddressToward(IPAddress master, int port)
    {
        if (IPAddress.IsLoopback(master)) return master;
        using var probe = new Socket(master.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            probe.Connect(master, port);
        }
        catch (SocketException e)
        {
            throw new DistributedException($"No route from this machine to the master address {master}: {e.Message}", e);
        }
        return ((IPEndPoint)probe.LocalEndPoint!).Address;
    }
}
