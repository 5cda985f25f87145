using System;
using EdgeSensor.Core.Reports;

namespace EdgeSensor.Core.Privacy
{
    /// <summary>
    /// Applies the device's disclosure control to a closed window in place, and keeps the person-level
    /// privacy budget period. Runs once per window on the device; allocates nothing.
    /// Semantics, parameters and what a consumer can compute from them: docs/privacy.md.
    /// <para>
    /// <see cref="DisclosureMode.PersonDifferentialPrivacy"/>: one person crosses at most C times per budget
    /// period, and each crossing changes one cell (entries or exits of one window) by 1, so the cells of a period
    /// differ by at most C in L1 with or without that person. Independent two-sided geometric noise with
    /// α = exp(-ε / C) on every released cell is then ε-DP per person for the whole period, however many windows
    /// it has. Every other field a person moves (occupancy, peak, PIR, health) is withheld.
    /// </para>
    /// <para>
    /// The budget period is counted on monotonic time: it ends when the uptime accumulated in it reaches
    /// <see cref="BudgetPeriodMilliseconds"/>. Wall-clock steps never start one, and power-off time does not
    /// count, so a period only ever lasts longer in real time. The glue persists <see cref="BudgetPeriod"/>,
    /// <see cref="BudgetPeriodUptimeMilliseconds"/> and the flags at every window close and restores them at
    /// boot (<see cref="TryRestoreBudgetPeriod"/>), or calls <see cref="ExhaustBudgetPeriod"/> when the saved
    /// period is lost.
    /// </para>
    /// </summary>
    public sealed class DisclosureControl
    {
        /// <summary>Uptime a budget period lasts, ms (24 h of the device running).</summary>
        public const uint BudgetPeriodMilliseconds = 86400000;

        /// <summary>Upper clamp of every released counter (the wire field is 16 bits).</summary>
        public const int MaxCount = ushort.MaxValue;

        /// <summary>Fields a person moves that mode 3 never releases: occupancy, peak, PIR activity and health.</summary>
        public const byte PersonPrivacyWithheld = SuppressedFields.OccupancyAtEnd | SuppressedFields.PeakOccupancy | SuppressedFields.PirActivity | SuppressedFields.Health;

        private readonly DisclosureMode _mode;
        private readonly ushort _threshold;
        private readonly ushort _epsilonMilli;
        private readonly ushort _contributionBound;
        private readonly IRandomSource? _random;
        private readonly TwoSidedGeometric? _noise;
        private readonly SmallCountSuppressor? _suppressor;

        private uint _period;
        private uint _periodUptimeMs;
        private bool _exhausted;
        private bool _released;
        private bool _uptimeKnown;
        private long _lastUptimeMs;

        private bool _hasPrevious;
        private uint _expectedStart;

        /// <summary>
        /// Creates the control from validated settings (copied: later changes to
        /// <paramref name="settings"/> have no effect). <paramref name="random"/> is required for
        /// person-level differential privacy and must be a cryptographic generator on a device. A new control
        /// starts a fresh budget period (a factory-fresh device) until a saved one is restored.
        /// </summary>
        /// <exception cref="ArgumentNullException">settings is null, or random is null in mode 3.</exception>
        /// <exception cref="ArgumentException">The settings do not validate.</exception>
        public DisclosureControl(DisclosureSettings settings, IRandomSource? random)
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

            _mode = settings.Mode;
            _threshold = settings.SuppressionThreshold;
            _epsilonMilli = settings.EpsilonMilli;
            _contributionBound = settings.ContributionBound;
            _suppressor = _mode == DisclosureMode.SmallCountSuppression ? new SmallCountSuppressor(_threshold) : null;
            _random = random;
            _noise = null;
            if (_mode == DisclosureMode.PersonDifferentialPrivacy)
            {
                if (random == null)
                {
                    throw new ArgumentNullException(nameof(random));
                }

                // α = exp(-ε / C) with ε = EpsilonMilli / 1000: ε / C = EpsilonMilli / (1000 C).
                _noise = new TwoSidedGeometric(_epsilonMilli, 1000u * _contributionBound);
            }
        }

        /// <summary>The configured mode.</summary>
        public DisclosureMode Mode => _mode;

        /// <summary>The noise sampler of mode 3 (α = exp(-ε / C)); null in the other modes.</summary>
        public TwoSidedGeometric? Noise => _noise;

        /// <summary>Number of the current budget period (0 on a factory-fresh device; persist it).</summary>
        public uint BudgetPeriod => _period;

        /// <summary>Uptime accumulated in the current budget period at the last window close, ms (persist it).</summary>
        public uint BudgetPeriodUptimeMilliseconds => _periodUptimeMs;

        /// <summary>
        /// True while the current period is exhausted: the saved period was lost, so entries and exits are withheld
        /// until a fresh period starts after <see cref="BudgetPeriodMilliseconds"/> of uptime (persist it).
        /// </summary>
        public bool IsBudgetExhausted => _exhausted;

        /// <summary>True once mode 3 released noised counters in the current period (persist it).</summary>
        public bool ReleasedInBudgetPeriod => _released;

        /// <summary>
        /// ε committed in the current budget period, thousandths: the configured ε once anything was released in it,
        /// or when it is exhausted (all of it counts as spent); 0 otherwise and outside mode 3.
        /// </summary>
        public uint BudgetSpentMilli => _mode == DisclosureMode.PersonDifferentialPrivacy && (_released || _exhausted) ? _epsilonMilli : 0u;

        /// <summary>
        /// Whether the window last applied did not directly follow the one before it (its start was not the previous
        /// start plus its length): the first window since boot, or after a clock step or skipped windows.
        /// </summary>
        public bool LastWindowFollowedGap { get; private set; }

        /// <summary>
        /// Restores the budget period persisted before a reboot, so a reboot cannot start a new period. False (and
        /// nothing changed) when the values cannot have been saved by this class: treat that as a lost record.
        /// </summary>
        public bool TryRestoreBudgetPeriod(uint period, uint uptimeMilliseconds, bool exhausted, bool released)
        {
            if (uptimeMilliseconds >= BudgetPeriodMilliseconds)
            {
                return false;
            }

            _period = period;
            _periodUptimeMs = uptimeMilliseconds;
            _exhausted = exhausted;
            _released = released && !exhausted;
            return true;
        }

        /// <summary>
        /// Fail closed for a lost budget period (saved state exists but its period record is missing or corrupt):
        /// entries and exits are withheld until <see cref="BudgetPeriodMilliseconds"/> more uptime has passed.
        /// </summary>
        public void ExhaustBudgetPeriod()
        {
            _exhausted = true;
            _released = false;
            _periodUptimeMs = 0;
        }

        /// <summary>
        /// Notes the monotonic time (ms since boot) once, before the first window closes, so the uptime from then on
        /// counts towards the budget period. Later calls change nothing.
        /// </summary>
        public void ObserveUptime(long nowMs)
        {
            if (!_uptimeKnown)
            {
                _uptimeKnown = true;
                _lastUptimeMs = nowMs;
            }
        }

        /// <summary>
        /// <see cref="Apply(WindowReport, long)"/> at the last monotonic time seen: no uptime passes, so the budget
        /// period never ends through this overload.
        /// </summary>
        /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
        public void Apply(WindowReport report)
        {
            Apply(report, _uptimeKnown ? _lastUptimeMs : 0);
        }

        /// <summary>
        /// Applies the disclosure control to <paramref name="report"/> in place: sets the mode and its parameters,
        /// withholds or perturbs fields, reports the period's budget, then counts the uptime up to
        /// <paramref name="nowMs"/> (monotonic, the window's close) into the budget period. The window belongs to
        /// the period current before that count, so every period holds whole windows and at least
        /// <see cref="BudgetPeriodMilliseconds"/> of uptime.
        /// </summary>
        /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
        public void Apply(WindowReport report, long nowMs)
        {
            if (report == null)
            {
                throw new ArgumentNullException(nameof(report));
            }

            uint start = report.WindowStartUnixSeconds;
            LastWindowFollowedGap = !_hasPrevious || start != _expectedStart;
            _hasPrevious = true;
            _expectedStart = start + report.WindowLengthSeconds;

            report.DisclosureMode = _mode;
            report.SuppressionThreshold = 0;
            report.EpsilonMilli = 0;
            report.ContributionBound = 0;
            report.PrivacyBudgetSpentMilli = 0;

            if (_mode == DisclosureMode.SmallCountSuppression)
            {
                // After a gap the previous window's occupancy is not what this window continues from.
                if (LastWindowFollowedGap)
                {
                    _suppressor!.Reset();
                }

                report.SuppressionThreshold = _threshold;
                _suppressor!.Apply(report);
            }
            else if (_mode == DisclosureMode.PersonDifferentialPrivacy)
            {
                ApplyPersonPrivacy(report);
            }

            AccountUptime(nowMs);
        }

        private void ApplyPersonPrivacy(WindowReport report)
        {
            report.ContributionBound = _contributionBound;
            report.OccupancyAtEnd = 0;
            report.PeakOccupancy = 0;
            report.PirActivityPermille = 0;
            report.InvalidSamplePermille = 0;
            report.CalibrationState = CalibrationState.NotCalibrated;
            report.SuppressedMask |= PersonPrivacyWithheld;

            // Either way the whole ε of the period counts as committed.
            report.PrivacyBudgetSpentMilli = _epsilonMilli;
            if (_exhausted)
            {
                report.Entries = 0;
                report.Exits = 0;
                report.SuppressedMask |= SuppressedFields.Entries | SuppressedFields.Exits;
                return;
            }

            _released = true;
            report.EpsilonMilli = _epsilonMilli;
            report.Entries = Noisy(report.Entries);
            report.Exits = Noisy(report.Exits);
        }

        private void AccountUptime(long nowMs)
        {
            if (!_uptimeKnown)
            {
                _uptimeKnown = true;
                _lastUptimeMs = nowMs;
                return;
            }

            long elapsed = nowMs - _lastUptimeMs;
            _lastUptimeMs = nowMs;
            if (elapsed <= 0)
            {
                // A monotonic clock does not go back; if one did, no time is counted (periods only get longer).
                return;
            }

            if (elapsed >= BudgetPeriodMilliseconds - _periodUptimeMs)
            {
                // The period is over: the next window starts a fresh one, with all of its budget.
                _period++;
                _periodUptimeMs = 0;
                _exhausted = false;
                _released = false;
                return;
            }

            _periodUptimeMs += (uint)elapsed;
        }

        private ushort Noisy(ushort value)
        {
            // Only reached in mode 3, where the constructor set both. Clamping is post-processing: it costs no privacy.
            long noisy = value + _noise!.Sample(_random!);
            if (noisy < 0)
            {
                return 0;
            }

            if (noisy > MaxCount)
            {
                return MaxCount;
            }

            return (ushort)noisy;
        }
    }
}
