namespace EdgeSensor.Sdk.Client;

/// <summary>What the client does when its bounded report buffer is full (docs/sdk.md, "Back-pressure").</summary>
public enum BackPressureMode
{
    /// <summary>
    /// Lossless (default): the MQTT receive loop waits for room, so the client stops reading from the
    /// socket and does not acknowledge further QoS 1 messages; the broker holds them in the session
    /// queue (up to its own limit, e.g. Mosquitto's <c>max_queued_messages</c>).
    /// </summary>
    Wait = 0,

    /// <summary>
    /// Keep up at any cost: a report that finds the buffer full is dropped, acknowledged, and counted
    /// (<c>edgesensor.reports.dropped</c>). For live dashboards where stale data is worthless.
    /// </summary>
    DropNewest = 1,
}
