namespace EdgeSensor.Core.Lifecycle
{
    /// <summary>
    /// An MQTT client session as the publisher needs it (nanoFramework.M2Mqtt on the device): connect, publish at
    /// QoS 1 and learn which message ids the broker acknowledged. Implementations catch every network, DNS and
    /// TLS exception and turn it into a false return.
    /// </summary>
    public interface IMqttTransport
    {
        /// <summary>True while the session is open.</summary>
        bool IsConnected { get; }

        /// <summary>Opens a session (TLS and credentials as configured); blocks for at most the client's timeout.</summary>
        bool TryConnect();

        /// <summary>Closes the session, if any; never throws.</summary>
        void Disconnect();

        /// <summary>
        /// Publishes all of <paramref name="payload"/> to <paramref name="topic"/> at QoS 1, not retained, and returns
        /// the packet's message id (1..65535). False when the client refused it (not connected, queue full).
        /// </summary>
        bool TryPublish(string topic, byte[] payload, out int messageId);

        /// <summary>
        /// Takes the next delivery outcome the broker reported: a PUBACK (<paramref name="delivered"/> true) or
        /// the client giving up on the packet (false). False when none is waiting. Thread-safe against the
        /// client's receive thread.
        /// </summary>
        bool TryTakeOutcome(out int messageId, out bool delivered);
    }
}
