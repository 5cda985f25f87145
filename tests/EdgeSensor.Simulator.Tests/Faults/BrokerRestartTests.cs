using System.Net.Sockets;
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
        var lost = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        client.DisconnectedAsync += _ =>
        {
            lost.TrySetResult();
            return Task.CompletedTask;
        };
        var first = await EmbeddedBroker.StartAsync();
        int port = first.Port;
        MqttClientOptions options = new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithClientId("probe").Build();
        await client.ConnectAsync(options);
        await first.DisposeAsync();
        await lost.Task.WaitAsync(TimeSpan.FromSeconds(10));

        await using EmbeddedBroker second = await EmbeddedBroker.StartAsync(port);
        MqttClientConnectResult again = await ConnectOnceSettledAsync(client, options);

        Assert.AreEqual(port, second.Port);
        Assert.AreEqual(MqttClientConnectResultCode.Success, again.ResultCode);
        Assert.HasCount(1, await second.Server.GetClientsAsync());
    }

    // The client reports the lost connection while it is still tearing it down; a connect in that moment is refused
    // ("connect/disconnect is pending"), as the devices' own reconnect loop also finds: try again shortly.
    private static async Task<MqttClientConnectResult> ConnectOnceSettledAsync(IMqttClient client, MqttClientOptions options)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return await client.ConnectAsync(options);
            }
            catch (InvalidOperationException) when (attempt < 50)
            {
                await Task.Delay(20);
            }
        }
    }

    [TestMethod]
    [Timeout(30_000, CooperativeCancellation = true)]
    public async Task ARestart_NeverSharesAPortAnotherBrokerListensOn()
    {
        // With SO_REUSEPORT two listeners could bind one port and the kernel would hand each new connection to either.
        await using EmbeddedBroker running = await EmbeddedBroker.StartAsync();

        SocketException refused = await Assert.ThrowsExactlyAsync<SocketException>(() => EmbeddedBroker.StartAsync(running.Port));

        Assert.AreEqual(SocketError.AddressAlreadyInUse, refused.SocketErrorCode);
    }
}
