using System.Buffers;
using CsCheck;
using EdgeSensor.Integration.Tests.Support;
using EdgeSensor.Sdk.Client;
using EdgeSensor.Sdk.Keys;
using EdgeSensor.Sdk.Tests.Hostile;
using EdgeSensor.Sdk.Topics;

namespace EdgeSensor.Integration.Tests.Hostile;

/// <summary>
/// The client's receive path (the handler MQTT calls for every message) fed genuine reports interleaved with
/// garbage topics and payloads: it never throws, every genuine report on its own topic is delivered once and in
/// order (0 lost), and nothing else is delivered.
/// </summary>
[TestClass]
public sealed class ClientReceiveHostileTests
{
    [TestMethod]
    public async Task ReceivePath_DeliversEveryGenuineReport_AndSurvivesAnyGarbage()
    {
        // Fixed devices (not provisioned at random), so that a seed names the same bytes on every run.
        using var fleet = TestFleet.Create(0, site: "north-gate");
        DeviceRecord[] devices =
        [
            new(0x0123456789ABCDEF, "north-gate", Enumerable.Range(0, 32).Select(i => (byte)i).ToArray(), DeviceStatus.Active),
            new(0x00000000000000A1, "north-gate", Enumerable.Range(0, 32).Select(i => (byte)(255 - i)).ToArray(), DeviceStatus.Active),
        ];
        foreach (DeviceRecord device in devices)
        {
            fleet.Store.Add(device);
        }

        await using var client = new EdgeSensorClient(new EdgeSensorClientOptions { Host = "127.0.0.1", Port = 1, BufferCapacity = 1024 }, fleet.Store);
        var next = new ulong[devices.Length];
        var lastGenuine = new byte[]?[devices.Length];
        long delivered = 0;
        long garbage = 0;
        var rejections = new List<string>();
        client.ReportRejected += (_, e) => rejections.Add($"{e.ReasonTag} {e.DeviceId:x16}/{e.Sequence}");

        var report = HostileRun.Run("client", 5_000, Messages, messages =>
        {
            var expected = new List<(ulong Device, ulong Sequence)>();
            rejections.Clear();
            foreach (Message m in messages)
            {
                DeviceRecord device = devices[m.Device];
                DeviceRecord other = devices[1 - m.Device];
                string topic = ReportTopics.ForDevice(device.Site, device.DeviceId);
                byte[]? genuine = null;
                if (m.Kind is Kind.Genuine or Kind.GenuineSplit or Kind.OnOtherDevicesTopic or Kind.OnOtherSite or Kind.OnGarbageTopic or Kind.Damaged)
                {
                    genuine = TestFleet.Payload(device, next[m.Device]++);
                }

                (string t, byte[] p) = m.Kind switch
                {
                    Kind.Genuine or Kind.GenuineSplit => (topic, genuine!),
                    Kind.OnOtherDevicesTopic => (ReportTopics.ForDevice(other.Site, other.DeviceId), genuine!),
                    Kind.OnOtherSite => (ReportTopics.ForDevice("south-gate", device.DeviceId), genuine!),
                    Kind.OnGarbageTopic => (m.Topic, genuine!),
                    Kind.Damaged => (topic, Damage(genuine!, m.Bytes)),
                    Kind.Replayed => (topic, lastGenuine[m.Device] ?? m.Bytes),
                    Kind.Oversize => (topic, new byte[300 + (m.Bytes.Length * 211)]),
                    _ => (m.Topic.Length % 2 == 0 ? topic : m.Topic, m.Bytes),
                };

                if (m.Kind is Kind.Genuine or Kind.GenuineSplit)
                {
                    expected.Add((device.DeviceId, next[m.Device] - 1));
                    lastGenuine[m.Device] = genuine;
                }

                ReadOnlySequence<byte> payload = m.Kind == Kind.GenuineSplit || m.Bytes.Length % 3 == 0 ? Segments(p, m.Bytes.Length) : new ReadOnlySequence<byte>(p);
                client.OnMessageAsync(t, payload, CancellationToken.None).AsTask().GetAwaiter().GetResult();
            }

            var received = new List<(ulong Device, ulong Sequence)>();
            while (client.Reports.TryRead(out ReceivedReport? item))
            {
                Assert.AreEqual("north-gate", item.Site);
                received.Add((item.Report.DeviceId, item.Report.Sequence));
            }

            CollectionAssert.AreEqual(expected, received, $"genuine reports lost, duplicated or reordered, or garbage delivered; rejections: {string.Join(", ", rejections)}");
            delivered += received.Count;
            garbage += messages.Length - received.Count;
        }, ms => string.Join(", ", ms.Select(m => m.ToString())));

        Console.WriteLine($"client: {delivered} genuine reports delivered, {garbage} garbage messages rejected");
        Assert.AreEqual(delivered, client.ReceivedCount, "0 lost");
        Assert.AreEqual(garbage, client.RejectedCount, "every garbage message counted as a rejection");
        Assert.AreEqual(0, client.DroppedCount);
        Assert.IsLessThan(TimeSpan.FromSeconds(2), report.WorstTime, "worst time of one case (up to 16 messages)");
        Assert.IsGreaterThan(1000, delivered);
        Assert.IsGreaterThan(1000, garbage);
    }

    private enum Kind
    {
        Genuine,
        GenuineSplit,
        OnOtherDevicesTopic,
        OnOtherSite,
        OnGarbageTopic,
        Damaged,
        Replayed,
        Oversize,
        Garbage,
    }

    private sealed record Message(Kind Kind, int Device, string Topic, byte[] Bytes)
    {
        public override string ToString() => $"{Kind}(device {Device}, topic '{Topic}', {Convert.ToHexString(Bytes)})";
    }

    /// <summary>Topics a broker could hand over (anything but a report topic of a known device and site).</summary>
    private static readonly Gen<string> GarbageTopic = Gen.OneOf(
        Gen.String[0, 80],
        Gen.Const(string.Empty),
        Gen.Const("edgesensor/north-gate/+/report"),
        Gen.Const("edgesensor/north-gate/#"),
        Gen.Const("edgesensor//0000000000000000/report"),
        Gen.Const("edgesensor/north-gate/00000000000000zz/report"),
        Gen.Const("edgesensor/NORTH-GATE/0000000000000001/report"),
        Gen.Const("edgesensor/north-gate/0000000000000001/report/extra"),
        Gen.Const("edgesensor/north-gate/0x00000000000001/report"),
        Gen.Const("edgesensor/north-gate/ 000000000000001/report"),
        Gen.Const("$share/g/edgesensor/north-gate/0000000000000001/report"),
        Gen.Const(new string('/', 5000)),
        Gen.Const("edgesensor/" + new string('a', 65) + "/0000000000000001/report"),
        Gen.Const("edgesensor/north-gate\0/0000000000000001/report"));

    private static readonly Gen<Message> OneMessage =
        Gen.Select(
            Gen.Frequency(
                (6, Gen.Const(Kind.Genuine)), (2, Gen.Const(Kind.GenuineSplit)), (1, Gen.Const(Kind.OnOtherDevicesTopic)),
                (1, Gen.Const(Kind.OnOtherSite)), (1, Gen.Const(Kind.OnGarbageTopic)), (3, Gen.Const(Kind.Damaged)),
                (1, Gen.Const(Kind.Replayed)), (1, Gen.Const(Kind.Oversize)), (3, Gen.Const(Kind.Garbage))),
            Gen.Int[0, 1],
            GarbageTopic,
            Gen.Byte.Array[0, 300],
            (kind, device, topic, bytes) => new Message(kind, device, topic, bytes));

    private static readonly Gen<Message[]> Messages = OneMessage.Array[1, 16];

    /// <summary>A genuine payload with a few bytes changed (never all the same as before) or cut short.</summary>
    private static byte[] Damage(byte[] genuine, byte[] noise)
    {
        byte[] copy = (byte[])genuine.Clone();
        if (noise.Length == 0)
        {
            return copy[..^1];
        }

        for (int i = 0; i + 1 < noise.Length && i < 8; i += 2)
        {
            copy[noise[i] % copy.Length] ^= (byte)(noise[i + 1] | 1);
        }

        if (copy.AsSpan().SequenceEqual(genuine))
        {
            copy[noise[0] % copy.Length] ^= 0x80; // no flip, or two that cancelled out
        }

        return noise[0] % 5 == 0 ? copy[..(noise[0] % copy.Length)] : copy;
    }

    /// <summary>The payload in several segments, as MQTT hands over a message that arrived in pieces.</summary>
    private static ReadOnlySequence<byte> Segments(byte[] bytes, int seed)
    {
        if (bytes.Length < 2)
        {
            return new ReadOnlySequence<byte>(bytes);
        }

        int cut = 1 + (seed % (bytes.Length - 1));
        var first = new Segment(bytes.AsMemory(0, cut));
        Segment last = first.Append(bytes.AsMemory(cut));
        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory) => Memory = memory;

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory) { RunningIndex = RunningIndex + Memory.Length };
            Next = next;
            return next;
        }
    }
}
