using System.Globalization;
using EdgeSensor.Sdk.KeyStore;
using EdgeSensor.Sdk.Keys;
using EdgeSensor.Sdk.Topics;

namespace EdgeSensor.Simulator.Fleet;

/// <summary>
/// <c>run --keystore keys.json --site lab</c>: the virtual devices take the ids and root keys of a site's active
/// devices from the key store <c>edgesensor provision</c> wrote, so that <c>edgesensor tail/store/export</c> and SDK apps
/// holding that key store open their reports. The key store is found and unlocked as the CLI does it: the path from
/// the option, else <see cref="PathVariable"/>, else <c>./edgesensor-keys.json</c>; the secret from
/// <see cref="KeyStoreSecret.EnvironmentVariable"/> (base64 key) or <see cref="PassphraseVariable"/>, never an argument.
/// </summary>
public static class ProvisionedIdentities
{
    public const string PathVariable = "EDGESENSOR_KEYSTORE";
    public const string PassphraseVariable = "EDGESENSOR_KEYSTORE_PASSPHRASE";
    public const string DefaultPath = "edgesensor-keys.json";

    /// <summary>
    /// The site's active devices, at most <paramref name="wanted"/> when given (all of them otherwise, up to 500).
    /// Throws <see cref="ProvisionedIdentityException"/> with the reason in words.
    /// </summary>
    public static IReadOnlyList<DeviceRecord> Load(string? pathOption, string site, int? wanted, Func<string, string?> environment, out string path)
    {
        ArgumentNullException.ThrowIfNull(environment);
        path = pathOption ?? environment(PathVariable) ?? DefaultPath;
        if (!ReportTopics.IsValidSite(site))
        {
            throw new ProvisionedIdentityException("--site: a site is 1..64 characters of a-z, 0-9, '-' and '_'");
        }

        if (!File.Exists(path))
        {
            throw new ProvisionedIdentityException($"no key store at '{path}': create one with 'edgesensor provision --site {site} ...'");
        }

        IReadOnlyList<DeviceRecord> all;
        try
        {
            using var store = FileDeviceKeyStore.Open(path, Secret(environment));
            // Copies: disposing the store zeroes the root keys it holds, and the run needs them after that.
            all = [.. store.Devices.Select(d => d with { RootKey = d.RootKey.ToArray() })];
        }
        catch (KeyStoreException ex)
        {
            // The key store says what is wrong (wrong secret, permissions, damage) without secrets in the message.
            throw new ProvisionedIdentityException($"key store '{path}': {ex.Message}");
        }

        DeviceRecord[] ofSite = [.. all.Where(d => d.Site == site && d.Status == DeviceStatus.Active).Take(FleetOptions.MaxDevices)];
        if (ofSite.Length == 0)
        {
            string[] sites = [.. all.Where(d => d.Status == DeviceStatus.Active).Select(d => d.Site).Distinct().Order(StringComparer.Ordinal)];
            string known = sites.Length == 0 ? "it holds no active device" : $"its sites with active devices: {string.Join(", ", sites)}";
            throw new ProvisionedIdentityException($"key store '{path}' has no active device of site '{site}' ({known})");
        }

        return wanted is int n && n < ofSite.Length ? ofSite[..n] : ofSite;
    }

    /// <summary>The note printed when fewer devices are provisioned than <c>--devices</c> asked for; null when enough are.</summary>
    public static string? Shortfall(string site, int available, int? wanted) =>
        wanted is int n && n > available
            ? string.Create(CultureInfo.InvariantCulture, $"site '{site}' has {available} active provisioned device{(available == 1 ? "" : "s")}: running {available}, not {n}")
            : null;

    private static KeyStoreSecret Secret(Func<string, string?> environment)
    {
        string? keyText = environment(KeyStoreSecret.EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(keyText))
        {
            byte[] key = new byte[KeyStoreSecret.KeySizeBytes];
            if (!Convert.TryFromBase64String(keyText.Trim(), key, out int written) || written != key.Length)
            {
                throw new ProvisionedIdentityException($"{KeyStoreSecret.EnvironmentVariable} must be base64 of {KeyStoreSecret.KeySizeBytes} bytes");
            }

            return KeyStoreSecret.FromKey(key);
        }

        string? passphrase = environment(PassphraseVariable);
        if (string.IsNullOrEmpty(passphrase))
        {
            throw new ProvisionedIdentityException($"unlock the key store with {KeyStoreSecret.EnvironmentVariable} (base64 key) or {PassphraseVariable}");
        }

        try
        {
            return KeyStoreSecret.FromPassphrase(passphrase);
        }
        catch (ArgumentException ex)
        {
            throw new ProvisionedIdentityException(ex.Message);
        }
    }
}

/// <summary>The provisioned identities cannot be used; the message says why, in words.</summary>
public sealed class ProvisionedIdentityException(string message) : Exception(message);
