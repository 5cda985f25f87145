using System.Net;
using System.Net.Sockets;

namespace EdgeSensor.Integration.Tests.Support;

internal static class FreePort
{
    /// <summary>A loopback port free right now (the OS picks it).</summary>
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
