using System.Globalization;
using EdgeSensor.Sdk.Provisioning;
using Defaults = EdgeSensor.Sdk.Provisioning.DeviceConfigurationDefaults;

namespace EdgeSensor.Cli.Commands;

/// <summary>Which disclosure settings are weaker than the defaults, so that provisioning asks for --weaken-privacy.</summary>
internal static class DisclosurePolicy
{
    /// <summary>What in <paramref name="disclosure"/> weakens privacy compared with the defaults, as option text; null when nothing does.</summary>
    public static string? Weakening(DeviceConfigurationBundle.DisclosureSettings disclosure)
    {
        var reasons = new List<string>();
        switch (disclosure.Mode)
        {
            case "none":
                reasons.Add("--disclosure none releases every count as counted, down to a single person, with PIR activity and health");
                break;
            case "suppression" when disclosure.SuppressionThreshold < Defaults.SuppressionThreshold:
                reasons.Add($"--threshold {disclosure.SuppressionThreshold} releases counts from {disclosure.SuppressionThreshold} on (the default {Defaults.SuppressionThreshold} withholds 0..{Defaults.SuppressionThreshold - 1})");
                break;
            case "differential-privacy":
                if (disclosure.EpsilonMilli > Defaults.EpsilonMilli)
                {
                    string epsilon = (disclosure.EpsilonMilli / 1000.0).ToString(CultureInfo.InvariantCulture);
                    reasons.Add($"--epsilon {epsilon} is above 1 per person per 24 h");
                }

                if (disclosure.CrossingsPerPerson < Defaults.CrossingsPerPerson)
                {
                    reasons.Add($"--crossings-per-person {disclosure.CrossingsPerPerson} protects fully only people who cross at most {disclosure.CrossingsPerPerson} times per 24 h (someone crossing {Defaults.CrossingsPerPerson} times gets ε × {Defaults.CrossingsPerPerson}/{disclosure.CrossingsPerPerson})");
                }

                break;
        }

        return reasons.Count == 0 ? null : string.Join("; ", reasons);
    }
}
