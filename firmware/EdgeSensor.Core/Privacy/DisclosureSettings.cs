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
        /// <summary>Smallest allowed suppression threshold: with k = 1 a withheld occupancy would mean exactly 0.</summary>
        public const ushort MinSuppressionThreshold = 2;

        /// <summary>Largest allowed suppression threshold.</summary>
        public const ushort MaxSuppressionThreshold = 100;

        /// <summary>Smallest ε per person per budget period, in thousandths (0.01): below it the noise swamps any count.</summary>
        public const ushort MinEpsilonMilli = 10;

        /// <summary>Largest ε per person per budget period, in thousandths (10.0): above it the noise protects next to nothing.</summary>
        public const ushort MaxEpsilonMilli = 10000;

        /// <summary>Smallest contribution bound C (crossings one person makes per budget period).</summary>
        public const ushort MinContributionBound = 1;

        /// <summary>Largest contribution bound C.</summary>
        public const ushort MaxContributionBound = 100;

        /// <summary>Default contribution bound C: in and out twice a day.</summary>
        public const ushort DefaultContributionBound = 4;

        /// <summary>
        /// Shortest window in <see cref="DisclosureMode.PersonDifferentialPrivacy"/>, seconds: every cell carries
        /// its own noise, so shorter cells add noise to every hourly sum (its deviation grows with √cells).
        /// </summary>
        public const int MinPersonPrivacyWindowSeconds = 900;

        /// <summary>Mode used when nothing else is configured: small-count suppression (privacy by default).</summary>
        public DisclosureMode Mode { get; set; } = DisclosureMode.SmallCountSuppression;

        /// <summary>Small-count suppression threshold k: counts 0..k-1 are withheld. Default 5.</summary>
        public ushort SuppressionThreshold { get; set; } = 5;

        /// <summary>
        /// Person-level differential privacy: ε per person per budget period in thousandths (1000 = ε 1.0).
        /// Entries and exits each get two-sided geometric noise with α = exp(-ε / C). Default 1000.
        /// </summary>
        public ushort EpsilonMilli { get; set; } = 1000;

        /// <summary>
        /// Person-level differential privacy: the contribution bound C, the most crossings one person is assumed
        /// to make per budget period (someone crossing c &gt; C times gets ε·c/C). 1..100, default 4.
        /// </summary>
        public ushort ContributionBound { get; set; } = DefaultContributionBound;

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
                        error = "SuppressionThreshold must be 2..100";
                        return false;
                    }

                    break;
                case DisclosureMode.DifferentialPrivacy:
                    // Per-window ε composed over every window of a day: a person's protection depended on the window
                    // count. Reports of this mode still open in the SDK, but a device no longer produces them.
                    error = "Mode DifferentialPrivacy (per window) is no longer supported on the device: use PersonDifferentialPrivacy (ε per person per budget period)";
                    return false;
                case DisclosureMode.PersonDifferentialPrivacy:
                    if (EpsilonMilli < MinEpsilonMilli || EpsilonMilli > MaxEpsilonMilli)
                    {
                        error = "EpsilonMilli must be 10..10000";
                        return false;
                    }

                    if (ContributionBound < MinContributionBound || ContributionBound > MaxContributionBound)
                    {
                        error = "ContributionBound must be 1..100";
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
