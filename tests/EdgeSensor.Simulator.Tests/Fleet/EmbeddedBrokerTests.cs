using System.Net.Sockets;
using EdgeSensor.Simulator.Fleet;
using MQTTnet;

namespace EdgeSensor.Simulator.Tests.Fleet;

/// <summary>The in-process broker binds port 0 itself and reports the port it got.</summary>
[TestClass]
public sealed class EmbeddedBrokerTests
{
    [TestMethod]
    public async Task BrokersStartedTogether_GetTheirOwnPorts_AndServeMqttThere()
    {
        await using var first = await EmbeddedBroker.StartAsync();
        await using var second = await EmbeddedBroker.StartAsync();

        Assert.AreNotEqual(first.Port, second.Port);
        foreach (EmbeddedBroker broker in new[] { first, second })
        {
            using var client = new MqttClientFactory().CreateMqttClient();
            var options = new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", broker.Port).WithClientId("probe").Build();
            MqttClientConnectResult connected = await client.ConnectAsync(options);
            Assert.AreEqual(MqttClientConnectResultCode.Success, connected.ResultCode);
            Assert.HasCount(1, await broker.Server.GetClientsAsync());
            await client.DisconnectAsync();
        }
    }

    [TestMethod]
    public async Task StoppedBroker_ReleasesItsPort()
    {
        int port;
        await using (var broker = await EmbeddedBroker.StartAsync())
        {
            port = broker.Port;
        }

        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await Assert.ThrowsExactlyAsync<SocketException>(() => socket.ConnectAsync(System.Net.IPAddress.Loopback, port));
    }
}
