using System.Net;
using System.Net.Sockets;
using MQTTnet.Server;

namespace EdgeSensor.Simulator.Fleet;

/// <summary>MQTTnet's broker inside the simulator process, on a free loopback port (no TLS: it never leaves the machine).</summary>
internal sealed class EmbeddedBroker : IAsyncDisposable
{
    private readonly MqttServer _server;

    private EmbeddedBroker(MqttServer server, int port)
    {
        _server = server;
        Port = port;
    }

    public int Port { get; }

    public static async Task<EmbeddedBroker> StartAsync(CancellationToken cancellationToken)
    {
        // The OS picks a free port; another process could take it before the broker binds, so try a few.
        for (int attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int port = FreeLoopbackPort();
            var options = new MqttServerOptionsBuilder()
                .WithDefaultEndpoint()
                .WithDefaultEndpointBoundIPAddress(IPAddress.Loopback)
                .WithDefaultEndpointPort(port)
                .Build();
            var server = new MqttServerFactory().CreateMqttServer(options);
            try
            {
                await server.StartAsync().ConfigureAwait(false);
                return new EmbeddedBroker(server, port);
            }
            catch (SocketException) when (attempt < 5)
            {
                server.Dispose();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _server.StopAsync().ConfigureAwait(false);
        _server.Dispose();
    }

    private static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
