using System.Globalization;
using EdgeSensor.Core.Reports;
using EdgeSensor.Sdk.Keys;
using EdgeSensor.Sdk.Provisioning;

namespace EdgeSensor.Simulator.Fleet;

/// <summary>
/// <c>run --keystore --site --bundle F...</c>: the disclosure and window of the provisioned devices' configuration
/// bundles (the key store holds identities only). A fleet runs one window length and one disclosure setting, so the
/// bundles must agree; each must be for one of the run's devices.
/// </summary>
public static class ProvisionedSettings
{
    /// <summary>
    /// <paramref name="fleet"/> with the bundles' window and disclosure. Throws <see cref="ProvisionedIdentityException"/>
    /// when a bundle cannot be read, is for another device, or the bundles disagree.
    /// </summary>
    public static FleetOptions Apply(FleetOptions fleet, IReadOnlyList<DeviceRecord> identities, IReadOnlyList<string> bundlePaths)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        ArgumentNullException.ThrowIfNull(identities);
        ArgumentNullException.ThrowIfNull(bundlePaths);
        (string Path, string Settings)? first = null;
        FleetOptions result = fleet;
        foreach (string path in bundlePaths)
        {
            DeviceConfigurationBundle bundle;
            try
            {
                bundle = DeviceConfigurationBundle.Read(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                throw new ProvisionedIdentityException($"--bundle {path}: {ex.Message}");
            }

            if (!identities.Any(d => d.DeviceIdText == bundle.DeviceId))
            {
                throw new ProvisionedIdentityException($"--bundle {path} is for device {bundle.DeviceId}, not one of the {identities.Count} device(s) this run plays");
            }

            FleetOptions withBundle = fleet with
            {
                WindowSeconds = bundle.WindowLengthSeconds,
                Disclosure = bundle.Disclosure.Mode switch
                {
                    "none" => DisclosureMode.None,
                    "suppression" => DisclosureMode.SmallCountSuppression,
                    _ => DisclosureMode.PersonDifferentialPrivacy,
                },
                SuppressionThreshold = bundle.Disclosure.Mode == "suppression" ? (ushort)bundle.Disclosure.SuppressionThreshold : fleet.SuppressionThreshold,
                EpsilonMilli = bundle.Disclosure.Mode == "differential-privacy" ? (ushort)bundle.Disclosure.EpsilonMilli : fleet.EpsilonMilli,
                CrossingsPerPerson = (ushort)bundle.Disclosure.CrossingsPerPerson,
            };
            string settings = string.Create(CultureInfo.InvariantCulture, $"{withBundle.DisclosureText}, C {withBundle.CrossingsPerPerson}, {withBundle.WindowSeconds} s windows");
            if (first is { } earlier && earlier.Settings != settings)
            {
                throw new ProvisionedIdentityException($"the bundles disagree ({earlier.Path}: {earlier.Settings}; {path}: {settings}); a run plays one setting, give the bundles of one setting");
            }

            first ??= (path, settings);
            result = withBundle;
        }

        return result;
    }
}
