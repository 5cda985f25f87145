using System;

namespace EdgeSensor.Core.Drivers.Vl53l1x
{
    /// <summary>
    /// Ranges two regions of interest alternately with one VL53L1X, as ST's people-counting example does (UM2600):
    /// after each result the other zone's ROI centre is programmed and only then the interrupt cleared, so the next
    /// range (which takes its ROI when it starts) is of the other zone. Non-blocking: each <see cref="TryRead"/> does
    /// at most a poll, or a result read plus two writes, and returns a reading when one was ready. Start-up (boot
    /// wait, identification, default configuration, the first calibration range, then the settings) runs inside the
    /// same calls. Allocates nothing after construction.
    /// A failed bus transaction while ranging is reported as <see cref="Vl53l1xRangeStatus.BusError"/> with distance
    /// 0 — never as a distance — at most once per timing budget; a device that stops producing results is restarted.
    /// </summary>
    public sealed class Vl53l1xZoneRanger
    {
        private readonly Vl53l1xSensor _sensor;
        private readonly ZoneRangerSettings _settings;
        private readonly int _stallMilliseconds;
        private ZoneRangerState _state;
        private ZoneRangerFailure _failure;
        private bool _stateStarted;
        private long _stateSince;
        private long _lastProgress;
        private long _lastErrorReport;
        private bool _clearPending;
        private int _zone;

        /// <summary>A ranger over <paramref name="sensor"/>; <paramref name="settings"/> are validated here and must not
        /// change afterwards.</summary>
        public Vl53l1xZoneRanger(Vl53l1xSensor sensor, ZoneRangerSettings settings)
        {
            if (sensor == null)
            {
                throw new ArgumentNullException(nameof(sensor));
            }

            if (settings == null)
            {
                throw new ArgumentNullException(nameof(settings));
            }

            settings.Validate();
            _sensor = sensor;
            _settings = settings;
            int period = settings.EffectiveInterMeasurementMilliseconds;
            _stallMilliseconds = 4 * period > 1000 ? 4 * period : 1000;
            _state = ZoneRangerState.Booting;
        }

        /// <summary>Where the sequence is.</summary>
        public ZoneRangerState State => _state;

        /// <summary>Why it failed, when <see cref="State"/> is <see cref="ZoneRangerState.Failed"/>.</summary>
        public ZoneRangerFailure Failure => _failure;

        /// <summary>Times ranging stalled and the device was set up again.</summary>
        public int Restarts { get; private set; }

        /// <summary>Bus transactions that failed (all states).</summary>
        public long BusErrors { get; private set; }

        /// <summary>The zone the range under way measures (0 or 1).</summary>
        public int CurrentZone => _zone;

        /// <summary>Starts the whole sequence again (after a failure, or after power-cycling the sensor).</summary>
        public void Restart()
        {
            _state = ZoneRangerState.Booting;
            _failure = ZoneRangerFailure.None;
            _stateStarted = false;
            _clearPending = false;
        }

        /// <summary>
        /// Advances the sequence at <paramref name="nowMilliseconds"/> (a monotonic clock) and returns true with one
        /// reading when a range completed: the <paramref name="zone"/> it measured (0 or 1), the distance (mm) and the
        /// range status (<see cref="Vl53l1xRangeStatus"/> as int; only 0 is a valid distance). Returns false when there
        /// is nothing new. Call it more often than the timing budget.
        /// </summary>
        public bool TryRead(long nowMilliseconds, out int zone, out int distanceMillimeters, out int rangeStatus)
        {
            zone = _zone;
            distanceMillimeters = 0;
            rangeStatus = (int)Vl53l1xRangeStatus.BusError;
            if (!_stateStarted)
            {
                _stateStarted = true;
                _stateSince = nowMilliseconds;
            }

            if (_state == ZoneRangerState.Booting)
            {
                StepBoot(nowMilliseconds);
                return false;
            }

            if (_state == ZoneRangerState.Calibrating)
            {
                StepCalibration(nowMilliseconds);
                return false;
            }

            if (_state == ZoneRangerState.Ranging)
            {
                return StepRanging(nowMilliseconds, out zone, out distanceMillimeters, out rangeStatus);
            }

            return false;
        }

        private void StepBoot(long now)
        {
            bool booted;
            int modelId;
            if (!Count(_sensor.TryIsBooted(out booted)) || !booted || !Count(_sensor.TryReadModelId(out modelId)))
            {
                // Not there yet, or the bus keeps failing: both end in the same timeout.
                if (now - _stateSince > _settings.BootTimeoutMilliseconds)
                {
                    Fail(ZoneRangerFailure.BootTimeout);
                }

                return;
            }

            if (modelId != Vl53l1xSensor.ExpectedModelId)
            {
                Fail(ZoneRangerFailure.WrongModel);
                return;
            }

            // A failure half-way is retried whole on the next call: every write here is idempotent.
            if (Count(_sensor.TryWriteDefaultConfiguration()) && Count(_sensor.TryStartRanging()))
            {
                Enter(ZoneRangerState.Calibrating, now);
            }
            else if (now - _stateSince > _settings.BootTimeoutMilliseconds)
            {
                Fail(ZoneRangerFailure.BootTimeout);
            }
        }

        private void StepCalibration(long now)
        {
            bool ready;
            if (!Count(_sensor.TryIsDataReady(out ready)) || !ready)
            {
                if (now - _stateSince > _settings.BootTimeoutMilliseconds)
                {
                    Fail(ZoneRangerFailure.CalibrationTimeout);
                }

                return;
            }

            // VL53L1X_SensorInit's tail, then the settings (distance mode before budget: the budget is encoded per mode).
            bool ok = Count(_sensor.TryClearInterrupt())
                && Count(_sensor.TryStopRanging())
                && Count(_sensor.TryFinishTemperatureCalibration())
                && Count(_sensor.TrySetDistanceMode(_settings.DistanceMode))
                && Count(_sensor.TrySetTimingBudget(_settings.TimingBudgetMilliseconds))
                && Count(_sensor.TrySetInterMeasurement(_settings.EffectiveInterMeasurementMilliseconds))
                && Count(_sensor.TrySetRoiSize(_settings.RoiWidth, _settings.RoiHeight))
                && Count(_sensor.TrySetRoiCenter(_settings.Zone0RoiCenter))
                && Count(_sensor.TryStartRanging());
            if (ok)
            {
                _zone = 0;
                _clearPending = false;
                _lastProgress = now;
                _lastErrorReport = now;
                Enter(ZoneRangerState.Ranging, now);
            }
            else
            {
                Enter(ZoneRangerState.Booting, now);
            }
        }

        private bool StepRanging(long now, out int zone, out int distanceMillimeters, out int rangeStatus)
        {
            zone = _zone;
            distanceMillimeters = 0;
            rangeStatus = (int)Vl53l1xRangeStatus.BusError;
            if (_clearPending)
            {
                // The last result is still latched: re-reading it would repeat it under the wrong zone.
                if (!Count(_sensor.TryClearInterrupt()))
                {
                    return ReportBusError(now);
                }

                _clearPending = false;
            }

            bool ready;
            if (!Count(_sensor.TryIsDataReady(out ready)))
            {
                return ReportBusError(now);
            }

            if (!ready)
            {
                if (now - _lastProgress > _stallMilliseconds)
                {
                    Restarts++;
                    Enter(ZoneRangerState.Booting, now);
                }

                return false;
            }

            _lastProgress = now;
            int measured = _zone;
            int distance;
            Vl53l1xRangeStatus status;
            if (!Count(_sensor.TryReadResult(out distance, out status)))
            {
                _lastErrorReport = now;
            }

            int next = 1 - measured;
            if (Count(_sensor.TrySetRoiCenter(next == 0 ? _settings.Zone0RoiCenter : _settings.Zone1RoiCenter)))
            {
                _zone = next;
            }

            if (!Count(_sensor.TryClearInterrupt()))
            {
                // A reading goes out now; the retried clear's own failures wait a budget before being reported.
                _clearPending = true;
                _lastErrorReport = now;
            }

            zone = measured;
            distanceMillimeters = status == Vl53l1xRangeStatus.BusError ? 0 : distance;
            rangeStatus = (int)status;
            return true;
        }

        // A dead bus is polled often; report it once per budget so the invalid share stays per measurement, not per poll.
        private bool ReportBusError(long now)
        {
            if (now - _lastErrorReport < _settings.TimingBudgetMilliseconds)
            {
                return false;
            }

            _lastErrorReport = now;
            return true;
        }

        private bool Count(bool ok)
        {
            if (!ok)
            {
                BusErrors++;
            }

            return ok;
        }

        private void Enter(ZoneRangerState state, long now)
        {
            _state = state;
            _stateSince = now;
        }

        private void Fail(ZoneRangerFailure failure)
        {
            _state = ZoneRangerState.Failed;
            _failure = failure;
        }
    }
}
