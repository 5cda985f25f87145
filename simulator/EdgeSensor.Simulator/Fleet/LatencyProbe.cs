using System.Diagnostics;

namespace EdgeSensor.Simulator.Fleet;

/// <summary>
/// Times each report from the moment its device hands it to MQTT to the moment it is delivered: opened by the SDK
/// consumer (verified, decrypted, decoded, on <c>ReadAllAsync</c>), and received by a bare MQTTnet subscriber on the
/// same broker in the same run. A report is known by its device and its place in that device's order (a device
/// publishes in order on one connection and the broker keeps that order), so no payload is parsed to match it.
/// </summary>
internal sealed class LatencyProbe
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(ulong Device, int Index), Pending> _pending = [];
    private readonly Dictionary<ulong, int> _sdkSeen = [];
    private readonly Dictionary<ulong, int> _bareSeen = [];
    private readonly int _receivers;

    public LatencyProbe(bool withBareSubscriber) => _receivers = withBareSubscriber ? 2 : 1;

    public long SdkCount { get; private set; }

    public long BareCount { get; private set; }

    public double SdkMeanMilliseconds => SdkCount == 0 ? 0 : _sdkTicks * 1000.0 / Stopwatch.Frequency / SdkCount;

    public double BareMeanMilliseconds => BareCount == 0 ? 0 : _bareTicks * 1000.0 / Stopwatch.Frequency / BareCount;

    private long _sdkTicks;
    private long _bareTicks;

    public void Sent(ulong deviceId, int index)
    {
        long now = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            _pending[(deviceId, index)] = new Pending(now, 0);
        }
    }

    public void OpenedBySdk(ulong deviceId) => Received(deviceId, _sdkSeen, sdk: true);

    public void ReceivedBare(ulong deviceId) => Received(deviceId, _bareSeen, sdk: false);

    private void Received(ulong deviceId, Dictionary<ulong, int> seen, bool sdk)
    {
        long now = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            seen.TryGetValue(deviceId, out int index);
            seen[deviceId] = index + 1;
            if (!_pending.TryGetValue((deviceId, index), out Pending p))
            {
                return;
            }

            if (sdk)
            {
                _sdkTicks += now - p.SentAt;
                SdkCount++;
            }
            else
            {
                _bareTicks += now - p.SentAt;
                BareCount++;
            }

            if (p.Seen + 1 >= _receivers)
            {
                _pending.Remove((deviceId, index));
            }
            else
            {
                _pending[(deviceId, index)] = p with { Seen = p.Seen + 1 };
            }
        }
    }

    private readonly record struct Pending(long SentAt, int Seen);
}
