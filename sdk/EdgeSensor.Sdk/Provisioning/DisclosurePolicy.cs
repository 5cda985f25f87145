using System.Globalization;
using Defaults = EdgeSensor.Sdk.Provisioning.DeviceConfigurationDefaults;

namespace EdgeSensor.Sdk.Provisioning;

/// <summary>
/// Which disclosure settings are weaker than the defaults, so that a tool asks for --weaken-privacy before it gives a
/// device (real or simulated) less protection. One rule for the <c>edgesensor</c> CLI and the simulator; each tool
/// names the settings in its own option syntax through <see cref="DisclosureOptionText"/>.
/// </summary>
public static class DisclosurePolicy
{
    /// <summary>
    /// What in <paramref name="disclosure"/> weakens privacy compared with the defaults, worded with
    /// <paramref name="text"/>'s option names; null when nothing does.
    /// </summary>
    public static string? Weakening(DeviceConfigurationBundle.DisclosureSettings disclosure, DisclosureOptionText text)
    {
        ArgumentNullException.ThrowIfNull(disclosure);
        ArgumentNullException.ThrowIfNull(text);
        var reasons = new List<string>();
        switch (disclosure.Mode)
        {
            case "none":
                reasons.Add($"{text.None} releases every count as counted, down to a single person, with PIR activity and health");
                break;
            case "suppression" when disclosure.SuppressionThreshold < Defaults.SuppressionThreshold:
                reasons.Add($"{text.Threshold(disclosure.SuppressionThreshold)} releases counts from {disclosure.SuppressionThreshold} on (the default {Defaults.SuppressionThreshold} withholds 0..{Defaults.SuppressionThreshold - 1})");
                break;
            case "differential-privacy":
                if (disclosure.EpsilonMilli > Defaults.EpsilonMilli)
                {
                    string epsilon = (disclosure.EpsilonMilli / 1000.0).ToString(CultureInfo.InvariantCulture);
                    reasons.Add($"{text.Epsilon(epsilon)} is above 1 per person per 24 h");
                }

                if (disclosure.CrossingsPerPerson < Defaults.CrossingsPerPerson)
                {
                    reasons.Add($"{text.CrossingsPerPerson(disclosure.CrossingsPerPerson)} protects fully only people who cross at most {disclosure.CrossingsPerPerson} times per 24 h (someone crossing {Defaults.CrossingsPerPerson} times gets ε × {Defaults.CrossingsPerPerson}/{disclosure.CrossingsPerPerson})");
                }

                break;
        }

        return reasons.Count == 0 ? null : string.Join("; ", reasons);
    }
}

/// <summary>How a tool spells each disclosure setting on its command line, for <see cref="DisclosurePolicy"/>'s messages.</summary>
public sealed class DisclosureOptionText
{
    /// <summary>The <c>edgesensor provision</c> / <c>devices rotate</c> spelling.</summary>
    public static DisclosureOptionText Cli { get; } = new()
    {
        None = "--disclosure none",
        Threshold = k => $"--threshold {k.ToString(CultureInfo.InvariantCulture)}",
        Epsilon = e => $"--epsilon {e}",
        CrossingsPerPerson = c => $"--crossings-per-person {c.ToString(CultureInfo.InvariantCulture)}",
    };

    /// <summary>No disclosure control (e.g. <c>--disclosure none</c>).</summary>
    public required string None { get; init; }

    /// <summary>Suppression with threshold k.</summary>
    public required Func<int, string> Threshold { get; init; }

    /// <summary>Gets ε already formatted (invariant culture).</summary>
    public required Func<string, string> Epsilon { get; init; }

    /// <summary>Differential privacy's contribution bound (crossings per person).</summary>
    public required Func<int, string> CrossingsPerPerson { get; init; }
}
