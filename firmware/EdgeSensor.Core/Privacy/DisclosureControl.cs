using System;
using EdgeSensor.Core.Reports;

namespace EdgeSensor.Core.Privacy
{
    /// <summary>
    /// Applies the device's disclosure control to a closed window in place, and keeps the daily
    /// differential-privacy budget. Runs once per window on the device; allocates nothing.
    /// Semantics, parameters and what a consumer can compute from them: docs/privacy.md.
    /// </summary>
    public sealed class DisclosureControl
    {
        /// <summary>Seconds in a UTC day (unix time has no leap seconds); the budget resets at multiples of it.</summary>
        public const uint SecondsPerDay = 86400;

        /// <summary>Counters that receive noise; the window's ε is split evenly over them.</summary>
        public const int NoisedCounterCount = 4;

        /// <summary>Upper clamp of every released counter (the wire field is 16 bits).</summary>
        public const int MaxCount = ushort.MaxValue;

        private readonly DisclosureMode _mode;
        private readonly ushort _threshold;
        private readonly ushort _epsilonMilli;
        private readonly uint _dailyBudgetMilli;
        private readonly bool _releasePirActivity;
        private readonly IRandomSource? _random;
        private readonly TwoSidedGeometric? _noise;
        private readonly SmallCountSuppressor? _suppressor;

        private bool _budgetDayKnown;
        private uint _budgetDay;
        private uint _budgetSpentMilli;

        /// <summary>
        /// Creates the control from validated settings (copied: later changes to
        /// <paramref name="settings"/> have no effect). <paramref name="random"/> is required for
        /// differential privacy and must be a cryptographic generator on a device.
        /// </summary>
        /// <exception cref="ArgumentNullException">settings is null, or random is null in DP mode.</exception>
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
            _dailyBudgetMilli = settings.DailyBudgetMilli;
            _releasePirActivity = settings.ReleasePirActivity;
            _suppressor = _mode == DisclosureMode.SmallCountSuppression ? new SmallCountSuppressor(_threshold) : null;

            if (_mode == DisclosureMode.DifferentialPrivacy)
            {
                if (random == null)
                {
                    throw new ArgumentNullException(nameof(random));
                }

                _random = random;

                // Each counter gets ε / 4: ε_counter = EpsilonMilli / (1000 * 4).
                _noise = new TwoSidedGeometric(_epsilonMilli, 1000u * NoisedCounterCount);
            }
            else
            {
                _random = random;
                _noise = null;
            }
        }

        /// <summary>The configured mode.</summary>
        public DisclosureMode Mode => _mode;

        /// <summary>UTC day (unix seconds / 86400) the budget figures belong to; 0 before the first window.</summary>
        public uint BudgetDay => _budgetDay;

        /// <summary>ε spent on <see cref="BudgetDay"/>, in thousandths.</summary>
        public uint BudgetSpentMilli => _budgetSpentMilli;

        /// <summary>
        /// Restores the budget state persisted before a reboot, so a reboot cannot reset the day's spending.
        /// The device glue should persist <see cref="BudgetDay"/>/<see cref="BudgetSpentMilli"/> after every
        /// window (or reserve ahead, like sequence numbers) and call this at boot.
        /// </summary>
        public void RestoreBudget(uint day, uint spentMilli)
        {
            _budgetDayKnown = true;
            _budgetDay = day;
            _budgetSpentMilli = spentMilli;
        }

        /// <summary>
        /// Applies the disclosure control to <paramref name="report"/> in place: sets the mode and its
        /// parameters, withholds or perturbs the counters and reports the day's budget spending.
        /// </summary>
        /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
        public void Apply(WindowReport report)
        {
            if (report == null)
            {
                throw new ArgumentNullException(nameof(report));
            }

            RollBudgetDay(report.WindowStartUnixSeconds / SecondsPerDay);

            report.DisclosureMode = _mode;
            report.SuppressionThreshold = 0;
            report.EpsilonMilli = 0;

            if (_mode == DisclosureMode.SmallCountSuppression)
            {
                report.SuppressionThreshold = _threshold;
                _suppressor!.Apply(report);
            }
            else if (_mode == DisclosureMode.DifferentialPrivacy)
            {
                ApplyNoise(report);
            }

            report.PrivacyBudgetSpentMilli = _budgetSpentMilli;
        }

        private void RollBudgetDay(uint day)
        {
            if (!_budgetDayKnown || day > _budgetDay)
            {
                _budgetDayKnown = true;
                _budgetDay = day;
                _budgetSpentMilli = 0;
            }
            else if (day < _budgetDay)
            {
                // The clock went back across midnight: the spending already recorded still counts (fail
                // closed), but it now belongs to the corrected day, so the next midnight resets it rather
                // than the budget staying exhausted until the wrong clock's date comes round.
                _budgetDay = day;
            }
        }

        private void ApplyNoise(WindowReport report)
        {
            if (!_releasePirActivity)
            {
                report.PirActivityPermille = 0;
                report.SuppressedMask |= SuppressedFields.PirActivity;
            }

            // Fail closed: a window that would overspend the day's budget releases no counters at all.
            if ((ulong)_budgetSpentMilli + _epsilonMilli > _dailyBudgetMilli)
            {
                report.Entries = 0;
                report.Exits = 0;
                report.OccupancyAtEnd = 0;
                report.PeakOccupancy = 0;
                report.SuppressedMask |= SuppressedFields.AllCounters;
                return;
            }

            _budgetSpentMilli += _epsilonMilli;
            report.EpsilonMilli = _epsilonMilli;

            report.Entries = Noisy(report.Entries);
            report.Exits = Noisy(report.Exits);
            ushort occupancy = Noisy(report.OccupancyAtEnd);
            ushort peak = Noisy(report.PeakOccupancy);

            // Post-processing (costs no privacy): the peak of a window is never below its end value.
            report.OccupancyAtEnd = occupancy;
            report.PeakOccupancy = peak < occupancy ? occupancy : peak;
        }

        private ushort Noisy(ushort value)
        {
            // Only reached in DP mode, where the constructor set both.
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
