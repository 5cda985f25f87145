using System;
using EdgeSensor.Core.Privacy;
using EdgeSensor.Core.Sealing;

namespace EdgeSensor.Core.Lifecycle
{
    /// <summary>
    /// Publishes the outbox, oldest first, one report in flight: peek, publish at QoS 1, and confirm (remove)
    /// the report only when the broker's PUBACK carries the id of that very publish, and only if it is still the
    /// oldest (a full outbox may have dropped it meanwhile; its unsent successor then stays). A negative outcome or a
    /// missing PUBACK leaves the report queued and retries it; a lost session is reopened after an exponential
    /// backoff with full jitter. A freshly sealed report is held for the device's own <see cref="PublishDelay"/>
    /// so a fleet does not publish on the same second. Non-blocking apart from the transport's own calls;
    /// allocates nothing per report. Call <see cref="Step"/> from one thread only; <see cref="OnReportSealed"/> may come from another.
    /// </summary>
    public sealed class ReportPublisher
    {
        private readonly IReportQueue _reports;
        private readonly IMqttTransport _transport;
        private readonly string _topic;
        private readonly int _publishDelay;
        private readonly int _ackTimeout;
        private readonly ExponentialBackoff _backoff;

        // OnReportSealed comes from the sampling thread; a 64-bit field is not read atomically on the device.
        private readonly object _holdGate = new object();
        private byte[] _payload = new byte[ReportSealer.MaxSealedLength];
        private PublisherState _state = PublisherState.Disconnected;
        private long _notBefore;
        private long _holdUntil;
        private long _sentAt;
        private int _inFlightId = -1;

        /// <summary>
        /// Creates the publisher for <paramref name="topic"/> (see <see cref="ReportTopic"/>), holding fresh reports
        /// for <paramref name="publishDelayMilliseconds"/> (<see cref="PublishDelay.ForDevice"/>).
        /// <paramref name="random"/> draws the backoff jitter.
        /// </summary>
        /// <exception cref="ArgumentNullException">An argument is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The delay is negative.</exception>
        public ReportPublisher(IReportQueue reports, IMqttTransport transport, string topic, int publishDelayMilliseconds, PublisherSettings settings, IRandomSource random)
        {
            if (reports == null || transport == null || topic == null || settings == null || random == null)
            {
                throw new ArgumentNullException(reports == null ? nameof(reports) : transport == null ? nameof(transport) : topic == null ? nameof(topic) : settings == null ? nameof(settings) : nameof(random));
            }

            if (publishDelayMilliseconds < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(publishDelayMilliseconds));
            }

            _reports = reports;
            _transport = transport;
            _topic = topic;
            _publishDelay = publishDelayMilliseconds;
            _ackTimeout = settings.AcknowledgementTimeoutMilliseconds;
            _backoff = new ExponentialBackoff(settings.BackoffBaseMilliseconds, settings.BackoffCapMilliseconds, random);
        }

        /// <summary>Where the publisher is.</summary>
        public PublisherState State
        {
            get { return _state; }
        }

        /// <summary>Failed connects or publishes since the last success (0 when healthy).</summary>
        public int ConsecutiveFailures
        {
            get { return _backoff.Failures; }
        }

        /// <summary>Reports the broker acknowledged since boot.</summary>
        public long Published { get; private set; }

        /// <summary>Publishes repeated because of a negative outcome or a missing PUBACK, since boot.</summary>
        public long Retries { get; private set; }

        /// <summary>Sessions opened since boot.</summary>
        public long Connects { get; private set; }

        /// <summary>
        /// Tells the publisher a window was just sealed at <paramref name="nowMilliseconds"/>: publishing waits
        /// until this device's publish delay has passed.
        /// </summary>
        public void OnReportSealed(long nowMilliseconds)
        {
            long until = nowMilliseconds + _publishDelay;
            lock (_holdGate)
            {
                if (until > _holdUntil)
                {
                    _holdUntil = until;
                }
            }
        }

        /// <summary>Advances the publisher at <paramref name="nowMilliseconds"/> (monotonic); call every loop pass.</summary>
        public void Step(long nowMilliseconds)
        {
            if (_state == PublisherState.Disconnected)
            {
                if (nowMilliseconds < _notBefore)
                {
                    return;
                }

                if (!_transport.TryConnect())
                {
                    DropSession(nowMilliseconds);
                    return;
                }

                Connects++;
                _state = PublisherState.Idle;
            }

            if (_state == PublisherState.AwaitingAcknowledgement)
            {
                TakeOutcomes(nowMilliseconds);
            }

            if (_state == PublisherState.Idle)
            {
                TryPublishOldest(nowMilliseconds);
            }
        }

        private void TakeOutcomes(long nowMilliseconds)
        {
            int messageId;
            bool delivered;
            while (_transport.TryTakeOutcome(out messageId, out delivered))
            {
                if (messageId != _inFlightId)
                {
                    // A late outcome of an earlier attempt: the report it carried is still queued and was sent again.
                    continue;
                }

                if (delivered)
                {
                    // A report dropped by a full outbox while in flight is not confirmed: its successor was never sent.
                    _reports.TryConfirm(_payload, _payload.Length);
                    Published++;
                    _backoff.Reset();
                    _state = PublisherState.Idle;
                }
                else
                {
                    Retries++;
                    _state = PublisherState.Idle;
                    _notBefore = nowMilliseconds + _backoff.NextDelayMilliseconds();
                }

                return;
            }

            if (!_transport.IsConnected || nowMilliseconds - _sentAt >= _ackTimeout)
            {
                Retries++;
                DropSession(nowMilliseconds);
            }
        }

        private void TryPublishOldest(long nowMilliseconds)
        {
            if (!_transport.IsConnected)
            {
                DropSession(nowMilliseconds);
                return;
            }

            long holdUntil;
            lock (_holdGate)
            {
                holdUntil = _holdUntil;
            }

            if (nowMilliseconds < holdUntil || nowMilliseconds < _notBefore)
            {
                return;
            }

            int length = _reports.PeekReport(_payload, 0);
            if (length == 0)
            {
                return;
            }

            if (length != _payload.Length)
            {
                // The client publishes whole arrays; every report of a device has the length its mode sets, so this happens once.
                _payload = new byte[length];
                _reports.PeekReport(_payload, 0);
            }

            int messageId;
            if (!_transport.TryPublish(_topic, _payload, out messageId))
            {
                DropSession(nowMilliseconds);
                return;
            }

            _inFlightId = messageId;
            _sentAt = nowMilliseconds;
            _state = PublisherState.AwaitingAcknowledgement;
        }

        private void DropSession(long nowMilliseconds)
        {
            // A fresh session is the simplest sure state after any failure: M2Mqtt's in-flight queue is per session.
            _transport.Disconnect();
            _state = PublisherState.Disconnected;
            _inFlightId = -1;
            _notBefore = nowMilliseconds + _backoff.NextDelayMilliseconds();
        }
    }
}
