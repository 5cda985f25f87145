using System;
using EdgeSensor.Core.Privacy;

namespace EdgeSensor.Core.Lifecycle
{
    /// <summary>
    /// The boot as a state machine (ESPHome-style setup: each stage either succeeds, retries, or records why it
    /// failed): configuration → Wi-Fi (retried with exponential backoff) → SNTP (no report is sealed before the
    /// clock is valid) → keys and pipeline → sensors → <see cref="BootStage.Ready"/>. A missing or invalid
    /// configuration, or unusable storage, halts in <see cref="BootStage.Halted"/> with a fatal
    /// <see cref="DeviceStatus"/> that stays on the LED and is logged again periodically; the device refuses to
    /// run rather than count with a wrong configuration. <see cref="Step"/> does at most one stage's work per call,
    /// so the caller's loop keeps kicking the watchdog in between.
    /// </summary>
    public sealed class BootSequence
    {
        private readonly BootSettings _settings;
        private readonly IBootSteps _steps;
        private readonly IWifi _wifi;
        private readonly IWallClock _wallClock;
        private readonly IStatusIndicator _indicator;
        private readonly ExponentialBackoff _wifiBackoff;
        private BootStage _stage = BootStage.LoadConfiguration;
        private DeviceStatus _status = DeviceStatus.LoadingConfiguration;
        private string _detail = string.Empty;
        private long _notBefore;
        private long _lastSyncRequest;
        private long _lastShown;

        /// <summary>
        /// Creates the sequence; nothing runs until <see cref="Step"/>. <paramref name="jitter"/> spreads Wi-Fi
        /// retries (null: no jitter).
        /// </summary>
        /// <exception cref="ArgumentNullException">A required argument is null.</exception>
        public BootSequence(BootSettings settings, IBootSteps steps, IWifi wifi, IWallClock wallClock, IStatusIndicator indicator, IRandomSource? jitter)
        {
            if (settings == null || steps == null || wifi == null || wallClock == null || indicator == null)
            {
                throw new ArgumentNullException(settings == null ? nameof(settings) : steps == null ? nameof(steps) : wifi == null ? nameof(wifi) : wallClock == null ? nameof(wallClock) : nameof(indicator));
            }

            _settings = settings;
            _steps = steps;
            _wifi = wifi;
            _wallClock = wallClock;
            _indicator = indicator;
            _wifiBackoff = new ExponentialBackoff(settings.WifiBackoffBaseMilliseconds, settings.WifiBackoffCapMilliseconds, jitter);
        }

        /// <summary>The current stage.</summary>
        public BootStage Stage
        {
            get { return _stage; }
        }

        /// <summary>The status last shown.</summary>
        public DeviceStatus Status
        {
            get { return _status; }
        }

        /// <summary>The detail of the status last shown (empty when none).</summary>
        public string Detail
        {
            get { return _detail; }
        }

        /// <summary>False when the ToF sensor did not start (set at <see cref="BootStage.StartSensors"/>).</summary>
        public bool SensorsStarted { get; private set; }

        /// <summary>Failed Wi-Fi attempts since the last success.</summary>
        public int WifiFailures
        {
            get { return _wifiBackoff.Failures; }
        }

        /// <summary>True once the boot ended, in <see cref="BootStage.Ready"/> or <see cref="BootStage.Halted"/>.</summary>
        public bool IsFinished
        {
            get { return _stage == BootStage.Ready || _stage == BootStage.Halted; }
        }

        /// <summary>Runs the current stage at <paramref name="nowMilliseconds"/> (monotonic) if it is due.</summary>
        public void Step(long nowMilliseconds)
        {
            switch (_stage)
            {
                case BootStage.LoadConfiguration:
                    if (_lastShown == 0)
                    {
                        Show(DeviceStatus.LoadingConfiguration, string.Empty, nowMilliseconds);
                    }

                    LoadConfiguration(nowMilliseconds);
                    break;
                case BootStage.ConnectWifi:
                    ConnectWifi(nowMilliseconds);
                    break;
                case BootStage.WaitForTime:
                    WaitForTime(nowMilliseconds);
                    break;
                case BootStage.StartNode:
                    StartNode(nowMilliseconds);
                    break;
                case BootStage.StartSensors:
                    StartSensors(nowMilliseconds);
                    break;
                case BootStage.Halted:
                    if (nowMilliseconds - _lastShown >= _settings.HaltedRepeatMilliseconds)
                    {
                        Show(_status, _detail, nowMilliseconds);
                    }

                    break;
            }
        }

        private void LoadConfiguration(long nowMilliseconds)
        {
            string detail;
            DeviceStatus status = _steps.LoadConfiguration(out detail);
            if (status != DeviceStatus.Running)
            {
                Halt(status, detail, nowMilliseconds);
                return;
            }

            Enter(BootStage.ConnectWifi, DeviceStatus.ConnectingWifi, string.Empty, nowMilliseconds);
        }

        private void ConnectWifi(long nowMilliseconds)
        {
            if (nowMilliseconds < _notBefore)
            {
                return;
            }

            if (!_wifi.TryConnect(_settings.WifiAttemptTimeoutMilliseconds))
            {
                int delay = _wifiBackoff.NextDelayMilliseconds();
                _notBefore = nowMilliseconds + delay;
                Show(DeviceStatus.ConnectingWifi, "attempt " + _wifiBackoff.Failures.ToString() + " failed, next in " + delay.ToString() + " ms", nowMilliseconds);
                return;
            }

            _wifiBackoff.Reset();
            _wallClock.RequestSync();
            _lastSyncRequest = nowMilliseconds;
            Enter(BootStage.WaitForTime, DeviceStatus.WaitingForTime, string.Empty, nowMilliseconds);
        }

        private void WaitForTime(long nowMilliseconds)
        {
            if (_wallClock.NowUnixSeconds >= _settings.MinValidUnixSeconds)
            {
                Enter(BootStage.StartNode, DeviceStatus.StartingSensors, string.Empty, nowMilliseconds);
                return;
            }

            if (!_wifi.IsConnected)
            {
                // SNTP needs the network: rejoin first.
                Enter(BootStage.ConnectWifi, DeviceStatus.ConnectingWifi, "link lost while waiting for time", nowMilliseconds);
                return;
            }

            if (nowMilliseconds - _lastSyncRequest >= _settings.TimeSyncRetryMilliseconds)
            {
                _wallClock.RequestSync();
                _lastSyncRequest = nowMilliseconds;
                Show(DeviceStatus.WaitingForTime, "no SNTP answer yet, asked again", nowMilliseconds);
            }
        }

        private void StartNode(long nowMilliseconds)
        {
            if (!_wifi.IsConnected)
            {
                // The node's noise generator is seeded here, and the ESP32 RNG is a true RNG only with the radio on.
                Enter(BootStage.ConnectWifi, DeviceStatus.ConnectingWifi, "link lost before the pipeline started", nowMilliseconds);
                return;
            }

            string detail;
            DeviceStatus status = _steps.StartNode(_wallClock.NowUnixSeconds, out detail);
            if (status != DeviceStatus.Running)
            {
                Halt(status, detail, nowMilliseconds);
                return;
            }

            _stage = BootStage.StartSensors;
        }

        private void StartSensors(long nowMilliseconds)
        {
            string detail;
            SensorsStarted = _steps.TryStartSensors(out detail);
            _stage = BootStage.Ready;
            if (SensorsStarted)
            {
                Show(DeviceStatus.Calibrating, string.Empty, nowMilliseconds);
            }
            else
            {
                Show(DeviceStatus.SensorFault, detail, nowMilliseconds);
            }
        }

        private void Enter(BootStage stage, DeviceStatus status, string detail, long nowMilliseconds)
        {
            _stage = stage;
            _notBefore = 0;
            Show(status, detail, nowMilliseconds);
        }

        private void Halt(DeviceStatus status, string detail, long nowMilliseconds)
        {
            if (!StatusCodes.IsFatal(status))
            {
                // A step that failed without a fatal code is a broken implementation: still refuse to run.
                detail = "unexpected status " + ((int)status).ToString() + (detail == null ? string.Empty : ": " + detail);
                status = DeviceStatus.StorageFailure;
            }

            _stage = BootStage.Halted;
            Show(status, detail, nowMilliseconds);
        }

        private void Show(DeviceStatus status, string? detail, long nowMilliseconds)
        {
            _status = status;
            _detail = detail == null ? string.Empty : detail;
            _lastShown = nowMilliseconds == 0 ? 1 : nowMilliseconds;
            _indicator.Show(status, StatusCodes.LogLine(status, _detail));
        }
    }
}
