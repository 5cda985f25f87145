using System.CommandLine;

namespace EdgeSensor.Cli.Commands;

/// <summary>The --keystore option every key-store command shares.</summary>
internal static class KeyStoreOption
{
    public static Option<string?> Create() => new("--keystore", "-k")
    {
        Description = "Key store file (default: $EDGESENSOR_KEYSTORE or ./edgesensor-keys.json). Unlocked by $EDGESENSOR_KEYSTORE_KEY or $EDGESENSOR_KEYSTORE_PASSPHRASE.",
    };
}
