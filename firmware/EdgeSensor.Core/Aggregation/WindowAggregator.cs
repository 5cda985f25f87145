using System;
using EdgeSensor.Core.Reports;

namespace EdgeSensor.Core.Aggregation
{
    /// <summary>
    /// Accumulates one window of counters and closes it at aligned wall-clock boundaries
    /// (window start % length == 0). Fed by the device loop; allocates nothing after construction.
    /// <para>
    /// Two clocks: wall-clock unix seconds (SNTP, may step) only decide which window a close belongs to;
    /// durations (PIR activity share, observed span) use the caller's monotonic milliseconds
    /// (Environment.TickCount64 on the device), so a clock step never yields a negative duration.
    /// </para>
    /// <para>Clock rules (docs/privacy.md, "Windows and clocks"):</para>
    /// <list type="bullet">
    /// <item>Before the wall clock is valid (below <see cref="AggregatorSettings.MinValidUnixSeconds"/>) no window
    /// opens; counts are kept and go into the first window, which opens at the aligned start containing the
    /// first valid time and is flagged partial (<see cref="LastWindowPartial"/>).</item>
    /// <item>A window closes at the first call at or after its end. Everything counted since the previous close
    /// is in it; the next window is the aligned window containing the close time.</item>
    /// <item>Forward step (or a loop that was late by whole windows): the open window closes with its own start;
    /// the skipped windows are not reported at all (a gap means "no data"). No empty windows are
    /// invented, so a jump of any size emits exactly one report.</item>
    /// <item>Backward step of up to <see cref="MaxBackwardHoldSeconds"/> before the window start: the open window
    /// stays open until the corrected clock reaches its end, so starts strictly increase and no start is
    /// reported twice (across reboots too when the glue persists <see cref="LastReportedStartUnixSeconds"/> and
    /// calls <see cref="RestoreLastReportedStart"/>). A larger step means the old clock was wrong: the open window
    /// is reported at once under its own start and the grid restarts at the corrected time.</item>
    /// </list>
    /// </summary>
    public sealed class WindowAggregator
    {
        /// <summary>A window whose accounting began more than this after its aligned start is flagged partial.</summary>
        public const uint PartialToleranceSeconds = 2;

        /// <summary>
        /// Largest backward clock step (seconds before the open window's start) for which the window is held
        /// open. SNTP corrections of a running device are seconds; a larger step means the old clock was wrong,
        /// and holding would silence the device for as long as the error.
        /// </summary>
        public const uint MaxBackwardHoldSeconds = 3600;

        private readonly uint _lengthSeconds;
        private readonly uint _minValidUnixSeconds;
        private readonly ushort _rebootCount;
        private readonly uint _firmwareVersion;

        private bool _open;
        private uint _windowStart;
        private bool _partial;
        private bool _hasReported;
        private uint _lastReportedStart;

        private bool _timeKnown;
        private long _lastMs;
        private long _spanStartMs;

        private int _entries;
        private int _exits;
        private int _occupancy;
        private int _peak;
        private long _samples;
        private long _invalidSamples;
        private CalibrationState _calibration;

        private bool _pirHigh;
        private long _pirSinceMs;
        private long _pirHighMs;

        /// <summary>Creates an aggregator from validated settings (values are copied).</summary>
        /// <exception cref="ArgumentNullException"><paramref name="settings"/> is null.</exception>
        /// <exception cref="ArgumentException">The settings do not validate.</exception>
        public WindowAggregator(AggregatorSettings settings)
        {
            if (settings == null)
            {
                throw new ArgumentNullException(nameof(settings));
            }

            string error;
            if (!settings.TryValidate(out error))
            {
                throw new ArgumentException(error, nameof(settings));
            }

            _lengthSeconds = (uint)settings.WindowLengthSeconds;
            _minValidUnixSeconds = settings.MinValidUnixSeconds;
            _rebootCount = settings.RebootCount;
            _firmwareVersion = settings.FirmwareVersion;
        }

        /// <summary>Window length in seconds.</summary>
        public uint WindowLengthSeconds => _lengthSeconds;

        /// <summary>True once the wall clock was valid and a window is open.</summary>
        public bool IsWindowOpen => _open;

        /// <summary>Start of the open window (unix seconds); 0 while none is open.</summary>
        public uint CurrentWindowStartUnixSeconds => _open ? _windowStart : 0;

        /// <summary>
        /// Whether the window last closed did not cover its whole length from its aligned start: the first
        /// window after boot, or the first after a forward clock step or a late loop. Device-side only
        /// (the wire report does not carry it; a reboot shows as a higher <see cref="WindowReport.RebootCount"/>).
        /// </summary>
        public bool LastWindowPartial { get; private set; }

        /// <summary>Monotonic milliseconds the window last closed actually accumulated (its true coverage).</summary>
        public long LastWindowObservedMilliseconds { get; private set; }

        /// <summary>Start of the last window reported (0 before the first); persist it to survive reboots.</summary>
        public uint LastReportedStartUnixSeconds => _lastReportedStart;

        /// <summary>
        /// Restores the start of the last window reported before a reboot (persisted from
        /// <see cref="LastReportedStartUnixSeconds"/>). The first window then opens after it, so a reboot
        /// inside a window cannot report that window's start twice (two noisy releases of one period would
        /// let a consumer average the noise away). Call before the first <see cref="TryCloseWindow(uint, long, WindowReport)"/>.
        /// </summary>
        /// <exception cref="InvalidOperationException">A window is already open.</exception>
        public void RestoreLastReportedStart(uint startUnixSeconds)
        {
            if (_open)
            {
                throw new InvalidOperationException("Restore the last reported start before the first window opens.");
            }

            if (!_hasReported || startUnixSeconds > _lastReportedStart)
            {
                _hasReported = true;
                _lastReportedStart = startUnixSeconds;
            }
        }

        /// <summary>Counts one entry crossing.</summary>
        public void RecordEntry()
        {
            if (_entries < int.MaxValue)
            {
                _entries++;
            }
        }

        /// <summary>Counts one exit crossing.</summary>
        public void RecordExit()
        {
            if (_exits < int.MaxValue)
            {
                _exits++;
            }
        }

        /// <summary>Records the current occupancy (negative values are taken as 0); updates the peak.</summary>
        public void RecordOccupancy(int occupancy)
        {
            if (occupancy < 0)
            {
                occupancy = 0;
            }

            _occupancy = occupancy;
            if (occupancy > _peak)
            {
                _peak = occupancy;
            }
        }

        /// <summary>Adds a batch of ToF samples, <paramref name="invalid"/> of them with an invalid range status.</summary>
        /// <exception cref="ArgumentOutOfRangeException">A count is negative or invalid exceeds total.</exception>
        public void RecordSamples(int total, int invalid)
        {
            if (total < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(total));
            }

            if (invalid < 0 || invalid > total)
            {
                throw new ArgumentOutOfRangeException(nameof(invalid));
            }

            _samples += total;
            _invalidSamples += invalid;
        }

        /// <summary>Adds one ToF sample.</summary>
        public void RecordSample(bool valid)
        {
            _samples++;
            if (!valid)
            {
                _invalidSamples++;
            }
        }

        /// <summary>
        /// Records the PIR output level at monotonic time <paramref name="nowMs"/>. Call on every change
        /// (calling with an unchanged level is harmless). The window's activity is the share of its
        /// monotonic span during which the level was high.
        /// </summary>
        public void RecordPirState(bool active, long nowMs)
        {
            long now = Observe(nowMs);
            if (_pirHigh)
            {
                _pirHighMs += now - _pirSinceMs;
            }

            _pirSinceMs = now;
            _pirHigh = active;
        }

        /// <summary>Sets the calibration state reported at the window end.</summary>
        public void SetCalibrationState(CalibrationState state)
        {
            _calibration = state;
        }

        /// <summary>
        /// <see cref="TryCloseWindow(uint, long, WindowReport)"/> with the latest monotonic time passed to this
        /// aggregator so far. Prefer the overload with the current monotonic time: it makes the PIR share exact.
        /// </summary>
        public bool TryCloseWindow(uint nowUnixSeconds, WindowReport output)
        {
            return TryCloseWindow(nowUnixSeconds, _timeKnown ? _lastMs : 0, output);
        }

        /// <summary>
        /// Call often (every loop pass). When the open window's end has passed, fills
        /// <paramref name="output"/> (cleared first; disclosure fields left for the disclosure control),
        /// opens the next window and returns true. Otherwise returns false and changes nothing visible.
        /// </summary>
        /// <exception cref="ArgumentNullException"><paramref name="output"/> is null.</exception>
        public bool TryCloseWindow(uint nowUnixSeconds, long nowMs, WindowReport output)
        {
            if (output == null)
            {
                throw new ArgumentNullException(nameof(output));
            }

            long now = Observe(nowMs);

            if (nowUnixSeconds < _minValidUnixSeconds)
            {
                // Clock not set (or stepped back below any plausible time): keep accumulating.
                return false;
            }

            if (!_open)
            {
                _open = true;
                _windowStart = Align(nowUnixSeconds);
                if (_hasReported && _windowStart <= _lastReportedStart)
                {
                    // Reported before the reboot: continue after it; this window holds until its end,
                    // within the same bound as a backward step. A persisted start further ahead came from
                    // a wrong clock and is ignored, or the device would stay silent until that time.
                    uint successor = _lastReportedStart + _lengthSeconds;
                    if (successor - nowUnixSeconds <= MaxBackwardHoldSeconds)
                    {
                        _windowStart = successor;
                    }
                }

                _partial = true;
                return false;
            }

            uint end = _windowStart + _lengthSeconds;
            if (nowUnixSeconds < end)
            {
                if (_windowStart <= nowUnixSeconds || _windowStart - nowUnixSeconds <= MaxBackwardHoldSeconds)
                {
                    // Not yet over, or a small backward step: hold the window open.
                    return false;
                }

                // The clock stepped back by more than the hold bound: the timeline this window was opened
                // in was wrong. Report it under its own start and restart the grid at the corrected time.
                Fill(output, now);
                _hasReported = true;
                _lastReportedStart = _windowStart;
                _windowStart = Align(nowUnixSeconds);
                _partial = true;
                return true;
            }

            Fill(output, now);
            _hasReported = true;
            _lastReportedStart = _windowStart;

            // Next window: the aligned one containing now. Past windows skipped by a forward step are not
            // reported; a backward step cannot bring a start back because starts only grow from here.
            uint next = Align(nowUnixSeconds);
            _windowStart = next;
            _partial = nowUnixSeconds - next > PartialToleranceSeconds;
            return true;
        }

        private void Fill(WindowReport output, long now)
        {
            if (_pirHigh)
            {
                _pirHighMs += now - _pirSinceMs;
            }

            long span = now - _spanStartMs;

            output.Clear();
            output.WindowStartUnixSeconds = _windowStart;
            output.WindowLengthSeconds = (ushort)_lengthSeconds;
            output.Entries = Saturate(_entries);
            output.Exits = Saturate(_exits);
            output.OccupancyAtEnd = Saturate(_occupancy);
            output.PeakOccupancy = Saturate(_peak);
            output.PirActivityPermille = Permille(_pirHighMs, span);
            output.InvalidSamplePermille = Permille(_invalidSamples, _samples);
            output.CalibrationState = _calibration;
            output.RebootCount = _rebootCount;
            output.FirmwareVersion = _firmwareVersion;

            LastWindowPartial = _partial;
            LastWindowObservedMilliseconds = span;

            // Occupancy is a state, not a count: it carries into the next window and seeds its peak.
            _entries = 0;
            _exits = 0;
            _peak = _occupancy;
            _samples = 0;
            _invalidSamples = 0;
            _pirHighMs = 0;
            _pirSinceMs = now;
            _spanStartMs = now;
        }

        // Returns a monotonic "now" that never goes below an earlier one, so no duration is negative.
        private long Observe(long nowMs)
        {
            if (!_timeKnown)
            {
                _timeKnown = true;
                _lastMs = nowMs;
                _spanStartMs = nowMs;
                _pirSinceMs = nowMs;
            }
            else if (nowMs > _lastMs)
            {
                _lastMs = nowMs;
            }

            return _lastMs;
        }

        private uint Align(uint unixSeconds)
        {
            return unixSeconds - (unixSeconds % _lengthSeconds);
        }

        private static ushort Saturate(int value)
        {
            return value > ushort.MaxValue ? ushort.MaxValue : (ushort)value;
        }

        private static ushort Permille(long part, long whole)
        {
            if (whole <= 0 || part <= 0)
            {
                return 0;
            }

            if (part >= whole)
            {
                return 1000;
            }

            // part < whole; both well below 2^53 in practice, so part * 1000 cannot overflow.
            return (ushort)(part * 1000 / whole);
        }
    }
}
