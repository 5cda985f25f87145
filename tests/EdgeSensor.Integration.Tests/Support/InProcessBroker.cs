using System.Net;
using MQTTnet.Server;

namespace EdgeSensor.Integration.Tests.Support;

/// <summary>MQTTnet's own broker in the test process on a free loopback port.</summary>
internal sealed class InProcessBroker : IAsyncDisposable
{
    private readonly MqttServer _server;

    private InProcessBroker(MqttServer server, int port)
    {
        _server = server;
        Port = port;
    }

    public int Port { get; }

    public MqttServer Server => _server;

    public static async Task<InProcessBroker> StartAsync()
    {
        int port = FreePort.Next();
        var options = new MqttServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(IPAddress.Loopback)
            .WithDefaultEndpointPort(port)
            .WithPersistentSessions()
            .Build();
        var server = new MqttServerFactory().CreateMqttServer(options);
        await server.StartAsync();
        return new InProcessBroker(server, port);
    }

    public async ValueTask DisposeAsync()
    {
        await _server.StopAsync();
        _server.Dispose();
    }
}
