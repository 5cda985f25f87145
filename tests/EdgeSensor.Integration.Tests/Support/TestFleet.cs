using EdgeSensor.Sdk.KeyStore;
using EdgeSensor.Sdk.Keys;
using MQTTnet;
using MQTTnet.Protocol;
using EdgeSensor.Sdk.Topics;

namespace EdgeSensor.Integration.Tests.Support;

/// <summary>A key store with provisioned devices in a temp folder, and a publisher acting for them.</summary>
internal sealed class TestFleet : IDisposable
{
    private TestFleet(string directory, FileDeviceKeyStore store, DeviceRecord[] devices)
    {
        Directory = directory;
        Store = store;
        Devices = devices;
    }

    public string Directory { get; }

    public FileDeviceKeyStore Store { get; }

    public DeviceRecord[] Devices { get; }

    public string DatabasePath => Path.Combine(Directory, "reports.db");

    public static TestFleet Create(int devices, string site = "north-gate")
    {
        string directory = Path.Combine(Path.GetTempPath(), "edgesensor-test-" + Guid.NewGuid().ToString("N")[..8]);
        System.IO.Directory.CreateDirectory(directory);
        var store = FileDeviceKeyStore.Create(Path.Combine(directory, "keys.json"), KeyStoreSecret.FromKey(new byte[32]));
        var records = Enumerable.Range(0, devices).Select(_ => store.Provision(site)).ToArray();
        return new TestFleet(directory, store, records);
    }

    public static DateTimeOffset Window(ulong sequence) => DateTimeOffset.FromUnixTimeSeconds(1_700_000_000 - (1_700_000_000 % 60) + ((long)sequence * 60));

    public static byte[] Payload(DeviceRecord device, ulong sequence, uint epoch = 0) =>
        TestSealer.Seal(device.RootKey.Span, device.DeviceId, epoch, sequence, Window(sequence));

    public static async Task<IMqttClient> ConnectPublisherAsync(int port, Action<MqttClientOptionsBuilder>? configure = null)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var builder = new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500)
            .WithClientId("pub-" + Guid.NewGuid().ToString("N")[..8]);
        configure?.Invoke(builder);
        await client.ConnectAsync(builder.Build());
        return client;
    }

    public static Task PublishAsync(IMqttClient client, DeviceRecord device, byte[] payload) =>
        client.PublishAsync(
            new MqttApplicationMessageBuilder().WithTopic(ReportTopics.ForDevice(device.Site, device.DeviceId)).WithPayload(payload)
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());

    public void Dispose()
    {
        Store.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
