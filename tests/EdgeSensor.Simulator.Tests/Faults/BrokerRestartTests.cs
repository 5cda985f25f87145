using EdgeSensor.Simulator.Fleet;
using MQTTnet;

namespace EdgeSensor.Simulator.Tests.Faults;

/// <summary>A broker outage restarts the embedded broker on the port of the one it stopped.</summary>
[TestClass]
public sealed class BrokerRestartTests
{
    [TestMethod]
    [Timeout(30_000, CooperativeCancellation = true)]
    public async Task RestartedBroker_TakesTheSamePort_AndClientsConnectAgain()
    {
        var factory = new MqttClientFactory();
        using var client = factory.CreateMqttClient();
        var first = await EmbeddedBroker.StartAsync();
        int port = first.Port;
        MqttClientOptions options = new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithClientId("probe").Build();
        await client.ConnectAsync(options);
        await first.DisposeAsync();

        await using EmbeddedBroker second = await EmbeddedBroker.StartAsync(port);
        if (client.IsConnected)
        {
            await client.DisconnectAsync();
        }

        MqttClientConnectResult again = await client.ConnectAsync(options);

        Assert.AreEqual(port, second.Port);
        Assert.AreEqual(MqttClientConnectResultCode.Success, again.ResultCode);
        Assert.HasCount(1, await second.Server.GetClientsAsync());
    }
}
