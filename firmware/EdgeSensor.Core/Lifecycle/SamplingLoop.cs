using System;
using EdgeSensor.Core.Device;
using EdgeSensor.Core.Reports;

namespace EdgeSensor.Core.Lifecycle
{
    /// <summary>
    /// One pass of the running device, called every 10–20 ms: drain the ToF ranger and the PIR level into the
    /// <see cref="SensorNode"/>, close and seal windows on the wall clock, and show the runtime status.
    /// <para>
    /// A ToF sensor that stops answering (bus error, unplugged, never started) is fed to the node as invalid
    /// rangings with <see cref="NoResponseRangeStatus"/> once per stall period per zone: the counting engine never
    /// counts an invalid ranging as a person, and the window's health carries the failure (invalid-sample share,
    /// calibration state) instead of an unexplained silence. Status 255 is chosen because it is not a VL53L1X
    /// status, and in particular not 2 (signal fail), which the engine may read as "nothing near".
    /// </para>
    /// Holds <c>gate</c> around every call into the node (the publisher thread shares it). Allocates nothing per pass.
    /// </summary>
    public sealed class SamplingLoop
    {
        /// <summary>Range status fed for a zone whose sensor gave no ranging for a stall period.</summary>
        public const int NoResponseRangeStatus = 255;

        /// <summary>Default stall period: far above two zones × the longest timing budget (2 × 200 ms).</summary>
        public const int DefaultStallMilliseconds = 1000;

        // Rangings taken per pass at most, so a backlog never starves the rest of the pass.
        private const int MaxReadsPerPass = 4;

        private readonly SensorNode _node;
        private readonly object _gate;
        private readonly ITofInput? _tof;
        private readonly IPirInput? _pir;
        private readonly IWallClock _wallClock;
        private readonly ReportPublisher? _publisher;
        private readonly IStatusIndicator _indicator;
        private readonly int _stallMilliseconds;
        private long _lastRanging;
        private long _lastStallFeed;
        private int _pirLevel = -1;
        private bool _stalled;
        private DeviceStatus _status = DeviceStatus.Calibrating;
        private bool _statusShown;

        /// <summary>
        /// Creates the loop at <paramref name="nowMilliseconds"/>. <paramref name="tof"/> or <paramref name="pir"/> is
        /// null when not fitted; <paramref name="publisher"/> is null when publishing runs elsewhere or not at all.
        /// </summary>
        /// <exception cref="ArgumentNullException">node, gate, wallClock or indicator is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The stall period is not positive.</exception>
        public SamplingLoop(SensorNode node, object gate, ITofInput? tof, IPirInput? pir, IWallClock wallClock, ReportPublisher? publisher, IStatusIndicator indicator, int stallMilliseconds, long nowMilliseconds)
        {
            if (node == null || gate == null || wallClock == null || indicator == null)
            {
                throw new ArgumentNullException(node == null ? nameof(node) : gate == null ? nameof(gate) : wallClock == null ? nameof(wallClock) : nameof(indicator));
            }

            if (stallMilliseconds < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(stallMilliseconds));
            }

            _node = node;
            _gate = gate;
            _tof = tof;
            _pir = pir;
            _wallClock = wallClock;
            _publisher = publisher;
            _indicator = indicator;
            _stallMilliseconds = stallMilliseconds;
            _lastRanging = nowMilliseconds;
            _lastStallFeed = nowMilliseconds;
        }

        /// <summary>The runtime status last shown.</summary>
        public DeviceStatus Status
        {
            get { return _status; }
        }

        /// <summary>True while the ToF sensor gives no rangings.</summary>
        public bool TofStalled
        {
            get { return _stalled; }
        }

        /// <summary>Invalid rangings fed because the ToF sensor did not answer, since boot.</summary>
        public long NoResponseSamples { get; private set; }

        /// <summary>Runs one pass at <paramref name="nowMilliseconds"/> (monotonic); true when a window was sealed.</summary>
        public bool RunPass(long nowMilliseconds)
        {
            bool sealedReport;
            CalibrationState calibration;
            lock (_gate)
            {
                ReadTof(nowMilliseconds);
                ReadPir(nowMilliseconds);
                sealedReport = _node.Tick(nowMilliseconds, _wallClock.NowUnixSeconds);
                calibration = _node.Counter.CalibrationState;
            }

            if (sealedReport && _publisher != null)
            {
                _publisher.OnReportSealed(nowMilliseconds);
            }

            UpdateStatus(calibration);
            return sealedReport;
        }

        private void ReadTof(long nowMilliseconds)
        {
            if (_tof == null)
            {
                return;
            }

            int zone;
            int distance;
            int rangeStatus;
            int reads = 0;
            while (reads < MaxReadsPerPass && _tof.TryRead(nowMilliseconds, out zone, out distance, out rangeStatus))
            {
                reads++;
                _node.OnTofSample(nowMilliseconds, zone, distance, rangeStatus);
            }

            if (reads > 0)
            {
                _lastRanging = nowMilliseconds;
                _stalled = false;
                return;
            }

            if (nowMilliseconds - _lastRanging >= _stallMilliseconds && nowMilliseconds - _lastStallFeed >= _stallMilliseconds)
            {
                _stalled = true;
                _lastStallFeed = nowMilliseconds;
                _node.OnTofSample(nowMilliseconds, 0, 0, NoResponseRangeStatus);
                _node.OnTofSample(nowMilliseconds, 1, 0, NoResponseRangeStatus);
                NoResponseSamples += 2;
            }
        }

        private void ReadPir(long nowMilliseconds)
        {
            if (_pir == null)
            {
                return;
            }

            int level = _pir.ReadLevel() != 0 ? 1 : 0;
            if (level != _pirLevel)
            {
                _pirLevel = level;
                _node.OnPirSample(nowMilliseconds, 0, level);
            }
        }

        private void UpdateStatus(CalibrationState calibration)
        {
            DeviceStatus status;
            if (_stalled || calibration == CalibrationState.Degraded)
            {
                status = DeviceStatus.SensorFault;
            }
            else if (calibration == CalibrationState.NotCalibrated)
            {
                status = DeviceStatus.Calibrating;
            }
            else if (_publisher != null && _publisher.State == PublisherState.Disconnected && _publisher.ConsecutiveFailures > 0)
            {
                status = DeviceStatus.BrokerUnreachable;
            }
            else
            {
                status = DeviceStatus.Running;
            }

            if (status != _status || !_statusShown)
            {
                _status = status;
                _statusShown = true;
                _indicator.Show(status, StatusCodes.LogLine(status, status == DeviceStatus.SensorFault && _stalled ? "ToF sensor not answering" : null));
            }
        }
    }
}
