using System.Net;
using System.Net.Sockets;

namespace EdgeSensor.Integration.Tests.Support;

/// <summary>
/// Ports for brokers that must be told their port before they start: Mosquitto reads it from its config file
/// and cannot report a port the OS chose. The OS picks a free port here and the socket is closed again, so
/// another process may take it before Mosquitto binds; <see cref="StartOnFreePortAsync"/> retries only that case.
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

    /// <summary>
    /// Starts a server that must be told its port: <paramref name="start"/> gets a fresh free port and returns the
    /// started server, or null and what the server printed. Only a failure whose output contains
    /// <paramref name="portTaken"/> (the port was taken between <see cref="Next"/> and the bind) is retried, at
    /// most three times in all; any other failure ends at once, naming the server, the port and its output.
    /// </summary>
    public static async Task<T> StartOnFreePortAsync<T>(string server, string portTaken, Func<int, Task<(T? Started, string Output)>> start)
        where T : class
    {
        for (int attempt = 1; ; attempt++)
        {
            int port = Next();
            (T? started, string output) = await start(port);
            if (started is not null)
            {
                return started;
            }

            if (attempt == 3 || !output.Contains(portTaken, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"{server} did not start on port {port}: {output}");
            }
        }
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
