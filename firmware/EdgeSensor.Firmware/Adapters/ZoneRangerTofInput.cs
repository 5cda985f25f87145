#if EDGESENSOR_VL53L1X_DRIVER
using EdgeSensor.Core.Drivers.Vl53l1x;
using EdgeSensor.Core.Lifecycle;

namespace EdgeSensor.Firmware.Adapters
{
    /// <summary>
    /// <see cref="ITofInput"/> over the portable <see cref="Vl53l1xZoneRanger"/>. A ranger that gave up (no boot, wrong
    /// model, no first range) is started again every <see cref="RetryMilliseconds"/>, so a sensor that was replugged
    /// or powered late comes back without a reboot; meanwhile the sampling loop reports the silence in health.
    /// </summary>
    public sealed class ZoneRangerTofInput : ITofInput
    {
        /// <summary>Pause between start-up attempts of a failed sensor.</summary>
        public const int RetryMilliseconds = 30000;

        private readonly Vl53l1xZoneRanger _ranger;
        private long _failedSince = -1;

        /// <summary>Wraps <paramref name="ranger"/>.</summary>
        public ZoneRangerTofInput(Vl53l1xZoneRanger ranger)
        {
            _ranger = ranger;
        }

        /// <summary>The ranger (state and failure, for the boot log).</summary>
        public Vl53l1xZoneRanger Ranger
        {
            get { return _ranger; }
        }

        /// <inheritdoc />
        public bool TryRead(long nowMilliseconds, out int zone, out int distanceMillimeters, out int rangeStatus)
        {
            if (_ranger.State == ZoneRangerState.Failed)
            {
                if (_failedSince < 0)
                {
                    _failedSince = nowMilliseconds;
                }
                else if (nowMilliseconds - _failedSince >= RetryMilliseconds)
                {
                    _failedSince = -1;
                    _ranger.Restart();
                }
            }

            return _ranger.TryRead(nowMilliseconds, out zone, out distanceMillimeters, out rangeStatus);
        }
    }
}
#endif
