using System;
using EdgeSensor.Core.Reports;

namespace EdgeSensor.Core.Privacy
{
    /// <summary>
    /// Per-device disclosure control configuration (provisioned with the device configuration).
    /// Every parameter that shapes the released numbers is copied into each report so a consumer can
    /// compute error bars (docs/privacy.md). Validate with <see cref="TryValidate"/> before use.
    /// </summary>
    public sealed class DisclosureSettings
    {
        /// <summary>Smallest allowed suppression threshold (k = 1 suppresses nothing).</summary>
        public const ushort MinSuppressionThreshold = 1;

        /// <summary>Largest allowed suppression threshold.</summary>
        public const ushort MaxSuppressionThreshold = 100;

        /// <summary>Smallest ε per window, in thousandths (0.01): below it the noise swamps any count.</summary>
        public const ushort MinEpsilonMilli = 10;

        /// <summary>Largest ε per window, in thousandths (10.0): above it the noise protects next to nothing.</summary>
        public const ushort MaxEpsilonMilli = 10000;

        /// <summary>Largest daily budget, in thousandths of ε.</summary>
        public const uint MaxDailyBudgetMilli = 100000000;

        /// <summary>Mode used when nothing else is configured: small-count suppression (privacy by default).</summary>
        public DisclosureMode Mode { get; set; } = DisclosureMode.SmallCountSuppression;

        /// <summary>Small-count suppression threshold k: counts 1..k-1 are withheld. Default 5.</summary>
        public ushort SuppressionThreshold { get; set; } = 5;

        /// <summary>Differential privacy ε per window in thousandths (1000 = ε 1.0), split evenly over the
        /// four released counters. Default 1000.</summary>
        public ushort EpsilonMilli { get; set; } = 1000;

        /// <summary>ε that may be spent per UTC day, in thousandths. When the next window would exceed it,
        /// that window's counters are withheld instead (fail closed). Default 1 440 000, which lets
        /// 60-second windows at ε 1.0 run all day; lower it to trade availability for privacy.</summary>
        public uint DailyBudgetMilli { get; set; } = 1440000;

        /// <summary>
        /// Whether PIR activity is released in differential-privacy mode. It carries no DP noise (one
        /// person can move it from 0 to 1000 permille), so by default it is withheld in that mode and
        /// flagged with <see cref="SuppressedFields.PirActivity"/>.
        /// </summary>
        public bool ReleasePirActivity { get; set; }

        /// <summary>Checks the settings for the configured mode; on failure <paramref name="error"/> says why.</summary>
        public bool TryValidate(out string error)
        {
            switch (Mode)
            {
                case DisclosureMode.None:
                    break;
                case DisclosureMode.SmallCountSuppression:
                    if (SuppressionThreshold < MinSuppressionThreshold || SuppressionThreshold > MaxSuppressionThreshold)
                    {
                        error = "SuppressionThreshold must be 1..100";
                        return false;
                    }

                    break;
                case DisclosureMode.DifferentialPrivacy:
                    if (EpsilonMilli < MinEpsilonMilli || EpsilonMilli > MaxEpsilonMilli)
                    {
                        error = "EpsilonMilli must be 10..10000";
                        return false;
                    }

                    if (DailyBudgetMilli < EpsilonMilli || DailyBudgetMilli > MaxDailyBudgetMilli)
                    {
                        error = "DailyBudgetMilli must be at least EpsilonMilli and at most 100000000";
                        return false;
                    }

                    break;
                default:
                    error = "Mode is not a known DisclosureMode";
                    return false;
            }

            error = string.Empty;
            return true;
        }
    }
}
