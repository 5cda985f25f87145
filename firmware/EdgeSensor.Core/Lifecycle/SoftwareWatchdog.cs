using System;

namespace EdgeSensor.Core.Lifecycle
{
    /// <summary>
    /// A watchdog in software: the ESP32 nanoFramework firmware exposes no hardware watchdog to managed code
    /// (its HAL watchdog hooks are empty and the ESP-IDF task watchdog is disabled, nanoframework/nf-interpreter
    /// src/HAL/nanoHAL_Watchdog.c), so a loop that hangs (a blocked socket, a deadlock) would hang the device for
    /// good. The loop calls <see cref="Kick"/> every pass; a timer on another thread calls <see cref="Check"/>;
    /// once <see cref="PeriodMilliseconds"/> pass without a kick it asks <see cref="IRebooter"/> for a reboot (once).
    /// Thread-safe (a lock, since 64-bit fields are not read atomically on the device).
    /// </summary>
    public sealed class SoftwareWatchdog
    {
        private readonly object _gate = new object();
        private readonly IRebooter _rebooter;
        private long _periodMilliseconds;
        private long _lastKick;
        private bool _fired;

        /// <summary>Arms the watchdog at <paramref name="nowMilliseconds"/> with a period of <paramref name="periodMilliseconds"/>.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="rebooter"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The period is not positive.</exception>
        public SoftwareWatchdog(IRebooter rebooter, long periodMilliseconds, long nowMilliseconds)
        {
            if (rebooter == null)
            {
                throw new ArgumentNullException(nameof(rebooter));
            }

            CheckPeriod(periodMilliseconds);
            _rebooter = rebooter;
            _periodMilliseconds = periodMilliseconds;
            _lastKick = nowMilliseconds;
        }

        /// <summary>The longest time allowed between kicks, in ms.</summary>
        public long PeriodMilliseconds
        {
            get
            {
                lock (_gate)
                {
                    return _periodMilliseconds;
                }
            }
        }

        /// <summary>True once the watchdog requested a reboot.</summary>
        public bool HasFired
        {
            get
            {
                lock (_gate)
                {
                    return _fired;
                }
            }
        }

        /// <summary>Feeds the watchdog: the loop is alive at <paramref name="nowMilliseconds"/>.</summary>
        public void Kick(long nowMilliseconds)
        {
            lock (_gate)
            {
                if (nowMilliseconds > _lastKick)
                {
                    _lastKick = nowMilliseconds;
                }
            }
        }

        /// <summary>
        /// Changes the period (e.g. longer while booting, where one Wi-Fi attempt may block for 30 s) and kicks.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">The period is not positive.</exception>
        public void SetPeriod(long periodMilliseconds, long nowMilliseconds)
        {
            CheckPeriod(periodMilliseconds);
            lock (_gate)
            {
                _periodMilliseconds = periodMilliseconds;
                if (nowMilliseconds > _lastKick)
                {
                    _lastKick = nowMilliseconds;
                }
            }
        }

        /// <summary>
        /// Called periodically from another thread: when the loop has not kicked for a whole period, requests a
        /// reboot (once) and returns true.
        /// </summary>
        public bool Check(long nowMilliseconds)
        {
            lock (_gate)
            {
                if (_fired || nowMilliseconds - _lastKick < _periodMilliseconds)
                {
                    return false;
                }

                _fired = true;
            }

            // Outside the lock: the reboot may not return.
            _rebooter.Reboot(DeviceStatus.WatchdogExpired);
            return true;
        }

        private static void CheckPeriod(long periodMilliseconds)
        {
            if (periodMilliseconds < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(periodMilliseconds));
            }
        }
    }
}
