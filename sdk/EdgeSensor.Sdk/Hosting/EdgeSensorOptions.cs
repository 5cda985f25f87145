using EdgeSensor.Sdk.Client;
using EdgeSensor.Sdk.KeyStore;

namespace EdgeSensor.Sdk.Hosting;

/// <summary>Settings of the hosted consumer registered by <c>services.AddEdgeSensor(...)</c>; validated at start-up.</summary>
public sealed class EdgeSensorOptions
{
    /// <summary>Broker connection, subscriptions and buffering.</summary>
    public EdgeSensorClientOptions Client { get; set; } = new();

    /// <summary>The key store file shared with the <c>edgesensor</c> tool.</summary>
    public string KeyStorePath { get; set; } = string.Empty;

    /// <summary>
    /// Environment variable holding the key store's base64 32-byte key (default <c>EDGESENSOR_KEYSTORE_KEY</c>).
    /// Used unless <see cref="KeyStorePassphraseVariable"/> is set.
    /// </summary>
    public string KeyStoreKeyVariable { get; set; } = KeyStoreSecret.EnvironmentVariable;

    /// <summary>Environment variable holding the key store passphrase instead of a key; <see langword="null"/> to use the key.</summary>
    public string? KeyStorePassphraseVariable { get; set; }

    /// <summary>How often the consumer notices devices provisioned, revoked or rotated by the tool.</summary>
    public TimeSpan KeyStoreReloadInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>SQLite database for the built-in sink; <see langword="null"/> for no SQLite sink.</summary>
    public string? DatabasePath { get; set; }

    /// <summary>Largest batch written to sinks at once.</summary>
    public int MaxBatchSize { get; set; } = 512;
}
