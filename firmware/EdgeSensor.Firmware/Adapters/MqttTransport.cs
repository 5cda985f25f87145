using System;
using System.Security.Cryptography.X509Certificates;
using EdgeSensor.Core.Lifecycle;
using nanoFramework.M2Mqtt;
using nanoFramework.M2Mqtt.Messages;

namespace EdgeSensor.Firmware.Adapters
{
    /// <summary>
    /// <see cref="IMqttTransport"/> over nanoFramework.M2Mqtt 5.1.220 (https://github.com/nanoframework/nanoFramework.m2mqtt,
    /// M2Mqtt/MqttClient.cs). A new client per session: its constructor resolves the broker's name (and throws when
    /// offline), so it is built inside <see cref="TryConnect"/> where every exception becomes a false return.
    /// TLS 1.2 with the configuration's broker CA, the server certificate validated (its dates need the SNTP clock,
    /// which the boot waits for); username and password when configured; MQTT 3.1.1, clean session (the outbox, not
    /// the broker, keeps what is unacknowledged). <c>MqttMsgPublished</c> arrives on the client's receive thread with
    /// the message id and whether the PUBACK came (it fires only for QoS 1 and 2); those outcomes wait in a small
    /// fixed ring for the publisher. Nothing here logs a password or a payload.
    /// </summary>
    public sealed class MqttTransport : IMqttTransport
    {
        // The publisher keeps one report in flight; a few slots absorb late outcomes of earlier attempts.
        private const int OutcomeSlots = 8;
        private const ushort KeepAliveSeconds = 60;

        private readonly string _host;
        private readonly int _port;
        private readonly bool _useTls;
        private readonly string? _caCertificatePem;
        private readonly string? _username;
        private readonly string? _password;
        private readonly string _clientId;
        private readonly object _gate = new object();
        private readonly int[] _outcomeIds = new int[OutcomeSlots];
        private readonly bool[] _outcomeDelivered = new bool[OutcomeSlots];
        private int _outcomeHead;
        private int _outcomeCount;
        private MqttClient? _client;

        /// <summary>Keeps the broker settings; connects only on <see cref="TryConnect"/>.</summary>
        public MqttTransport(string host, int port, bool useTls, string? caCertificatePem, string? username, string? password, string clientId)
        {
            _host = host;
            _port = port;
            _useTls = useTls;
            _caCertificatePem = caCertificatePem;
            _username = username;
            _password = password;
            _clientId = clientId;
        }

        /// <summary>The broker's reason code of the last refused connect (for the log), or -1.</summary>
        public int LastRefusal { get; private set; } = -1;

        /// <inheritdoc />
        public bool IsConnected
        {
            get
            {
                MqttClient? client = _client;
                return client != null && client.IsConnected;
            }
        }

        /// <inheritdoc />
        public bool TryConnect()
        {
            Disconnect();
            try
            {
                X509Certificate? ca = _useTls && _caCertificatePem != null ? new X509Certificate(_caCertificatePem) : null;
                MqttClient client = new MqttClient(_host, _port, _useTls, ca, null, _useTls ? MqttSslProtocols.TLSv1_2 : MqttSslProtocols.None);
                client.ProtocolVersion = MqttProtocolVersion.Version_3_1_1;
                client.MqttMsgPublished += OnPublished;
                MqttReasonCode code = client.Connect(_clientId, _username, _password, true, KeepAliveSeconds);
                if (code != MqttReasonCode.Success)
                {
                    LastRefusal = (int)code;
                    Console.WriteLine("mqtt connect refused by " + _host + ": reason code " + ((int)code).ToString());
                    client.MqttMsgPublished -= OnPublished;
                    Close(client);
                    return false;
                }

                _client = client;
                return true;
            }
            catch (Exception e)
            {
                // Type names only (DNS, socket, TLS): an exception message may quote configuration values.
                Exception? inner = e.InnerException;
                Console.WriteLine("mqtt connect to " + _host + " failed: " + e.GetType().Name + (inner == null ? string.Empty : " / " + inner.GetType().Name));
                return false;
            }
        }

        /// <inheritdoc />
        public void Disconnect()
        {
            MqttClient? client = _client;
            _client = null;
            if (client == null)
            {
                return;
            }

            client.MqttMsgPublished -= OnPublished;
            try
            {
                if (client.IsConnected)
                {
                    client.Disconnect();
                }
            }
            catch (Exception)
            {
                // The link is already gone; closing below releases the socket.
            }

            Close(client);
        }

        /// <inheritdoc />
        public bool TryPublish(string topic, byte[] payload, out int messageId)
        {
            messageId = 0;
            MqttClient? client = _client;
            if (client == null || !client.IsConnected)
            {
                return false;
            }

            try
            {
                messageId = client.Publish(topic, payload, null, null, MqttQoSLevel.AtLeastOnce, false);
                return true;
            }
            catch (Exception)
            {
                return false;
            }
        }

        /// <inheritdoc />
        public bool TryTakeOutcome(out int messageId, out bool delivered)
        {
            lock (_gate)
            {
                if (_outcomeCount == 0)
                {
                    messageId = 0;
                    delivered = false;
                    return false;
                }

                messageId = _outcomeIds[_outcomeHead];
                delivered = _outcomeDelivered[_outcomeHead];
                _outcomeHead = (_outcomeHead + 1) % OutcomeSlots;
                _outcomeCount--;
                return true;
            }
        }

        private void OnPublished(object sender, MqttMsgPublishedEventArgs e)
        {
            lock (_gate)
            {
                if (_outcomeCount == OutcomeSlots)
                {
                    // Full: the oldest outcome is stale by now (the publisher has one report in flight).
                    _outcomeHead = (_outcomeHead + 1) % OutcomeSlots;
                    _outcomeCount--;
                }

                int slot = (_outcomeHead + _outcomeCount) % OutcomeSlots;
                _outcomeIds[slot] = e.MessageId;
                _outcomeDelivered[slot] = e.IsPublished;
                _outcomeCount++;
            }
        }

        private static void Close(MqttClient client)
        {
            try
            {
                client.Close();
            }
            catch (Exception)
            {
                // Best effort: a failed close must not stop the reconnect.
            }
        }
    }
}
