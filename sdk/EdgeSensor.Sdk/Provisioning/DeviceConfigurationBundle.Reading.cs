using System.Text.Json;

namespace EdgeSensor.Sdk.Provisioning;

/// <summary>Reading bundles: version 2 as written, version 1 mapped to version 2 (docs/provisioning.md, "Version 1").</summary>
public sealed partial class DeviceConfigurationBundle
{
    private const string NotABundle = "Not a valid EdgeSensor device configuration bundle";

    /// <summary>Reads a bundle file (see <see cref="Parse"/>).</summary>
    /// <exception cref="InvalidDataException">The file is not a valid bundle; the message says why.</exception>
    public static DeviceConfigurationBundle Read(string path) => Parse(File.ReadAllBytes(path));

    /// <summary>
    /// Parses and validates a bundle. Version 2 is read strictly (unknown, duplicate or missing fields are
    /// errors). Version 1 is mapped: the settings it lacks take <see cref="DeviceConfigurationDefaults"/> and
    /// <see cref="Wifi"/> is null, so the result cannot be written (nor used by a device) until Wi-Fi is set;
    /// <see cref="SourceVersion"/> is 1.
    /// </summary>
    /// <exception cref="InvalidDataException">Not a valid bundle; the message says why.</exception>
    public static DeviceConfigurationBundle Parse(byte[] utf8Json)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        if (utf8Json.Length > DeviceConfigurationLimits.MaxDocumentBytes)
        {
            throw new InvalidDataException($"{NotABundle}: larger than {DeviceConfigurationLimits.MaxDocumentBytes} bytes.");
        }

        try
        {
            int version = ReadHeader(utf8Json);
            DeviceConfigurationBundle bundle = version == 1
                ? FromVersion1(JsonSerializer.Deserialize(utf8Json, BundleJson.Default.DeviceConfigurationBundleV1)!)
                : JsonSerializer.Deserialize(utf8Json, BundleJson.Default.DeviceConfigurationBundle)!;
            if (!bundle.TryValidate(requireWifi: version == CurrentVersion, out string? error))
            {
                throw new InvalidDataException($"{NotABundle}: {error}.");
            }

            return bundle;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // System.Text.Json reports a string that is not valid UTF-8 as InvalidOperationException when it is read.
            throw new InvalidDataException($"{NotABundle}: {ex.Message}", ex);
        }
    }

    /// <summary>The version, after checking the format; other versions are refused.</summary>
    private static int ReadHeader(byte[] utf8Json)
    {
        var options = new JsonDocumentOptions { MaxDepth = 8, AllowDuplicateProperties = false };
        using var document = JsonDocument.Parse(utf8Json, options);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("format", out var format)
            || format.ValueKind != JsonValueKind.String
            || format.GetString() != FormatName)
        {
            throw new InvalidDataException($"{NotABundle}: format must be \"{FormatName}\".");
        }

        if (!root.TryGetProperty("version", out var versionElement) || !versionElement.TryGetInt32(out int version) || version is not (1 or CurrentVersion))
        {
            throw new InvalidDataException($"{NotABundle}: version must be 1 or 2 (this SDK writes 2).");
        }

        if (version == CurrentVersion)
        {
            RejectRemovedFields(root);
        }

        return version;
    }

    /// <summary>Disclosure fields of earlier bundles whose meaning is gone: refused with what replaced them (as the firmware does).</summary>
    private static void RejectRemovedFields(JsonElement root)
    {
        if (!root.TryGetProperty("disclosure", out var disclosure) || disclosure.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (disclosure.TryGetProperty("dailyBudgetMilli", out _))
        {
            throw new InvalidDataException($"{NotABundle}: {RemovedDailyBudget}.");
        }

        if (disclosure.TryGetProperty("releasePirActivity", out _))
        {
            throw new InvalidDataException($"{NotABundle}: {RemovedReleasePir}.");
        }
    }

    /// <summary>Why a version 1 bundle in differential-privacy mode is refused rather than mapped.</summary>
    public const string Version1DifferentialPrivacy = "disclosure.mode differential-privacy of version 1 spent ε per window under a daily budget; ε is now per person per 24 h budget period, so the value cannot be carried over: re-provision with --disclosure differential-privacy --epsilon E";

    /// <summary>The firmware reader's message for a bundle with <c>disclosure.dailyBudgetMilli</c>.</summary>
    public const string RemovedDailyBudget = "disclosure.dailyBudgetMilli was removed: disclosure.epsilonMilli is now ε per person per 24 h budget period, with disclosure.crossingsPerPerson as the contribution bound";

    /// <summary>The firmware reader's message for a bundle with <c>disclosure.releasePirActivity</c>.</summary>
    public const string RemovedReleasePir = "disclosure.releasePirActivity was removed: differential-privacy mode always withholds PIR activity (it carries no noise); use mode suppression or none to release it";

    private static DeviceConfigurationBundle FromVersion1(DeviceConfigurationBundleV1 v1) => v1.Disclosure.Mode == "differential-privacy"
        ? throw new InvalidDataException($"{NotABundle}: {Version1DifferentialPrivacy}.")
        : new()
    {
        DeviceId = v1.DeviceId,
        Site = v1.Site,
        RootKey = v1.RootKey,
        Topic = v1.Topic,
        Broker = new BrokerSettings
        {
            Host = v1.Broker.Host,
            Port = v1.Broker.Port,
            Tls = v1.Broker.Tls,
            CaCertificatePem = v1.Broker.CaCertificatePem,
            Username = v1.Broker.Username,
        },
        Wifi = null,
        WindowLengthSeconds = v1.WindowLengthSeconds,
        Disclosure = new DisclosureSettings
        {
            Mode = v1.Disclosure.Mode,
            SuppressionThreshold = v1.Disclosure.SuppressionThreshold,
            EpsilonMilli = v1.Disclosure.EpsilonMilli,
            CrossingsPerPerson = DeviceConfigurationDefaults.CrossingsPerPerson,
        },
        SourceVersion = 1,
    };
}
