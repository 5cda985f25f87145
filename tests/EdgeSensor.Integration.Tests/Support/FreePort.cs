using System.Net;
using System.Net.Sockets;

namespace EdgeSensor.Integration.Tests.Support;

/// <summary>
/// Ports for brokers that must be told their port before they start: Mosquitto reads it from its config file
/// and cannot report a port the OS chose. The OS picks a free port here and the socket is closed again, so
/// another process may take it before Mosquitto binds; MosquittoBroker retries on "Address already in use".
/// The in-process broker needs none of this: EmbeddedBroker binds port 0 itself and reads the port back.
/// The one free-port helper of the repository (the end-to-end benchmark compiles this file in).
/// </summary>
internal static class FreePort
{
    /// <summary>A loopback port free right now (the OS picks it); see the class summary for the race.</summary>
    public static int Next()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>Waits until something accepts TCP connections on the loopback port.</summary>
    public static async Task<bool> WaitUntilOpenAsync(int port, TimeSpan timeout, Func<bool>? giveUp = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (giveUp?.Invoke() == true)
            {
                return false;
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return true;
            }
            catch (SocketException)
            {
                await Task.Delay(25);
            }
        }

        return false;
    }
}
