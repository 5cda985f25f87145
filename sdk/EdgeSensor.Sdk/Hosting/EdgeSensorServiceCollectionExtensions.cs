using System.Diagnostics.Metrics;
using EdgeSensor.Sdk.Client;
using EdgeSensor.Sdk.Diagnostics;
using EdgeSensor.Sdk.KeyStore;
using EdgeSensor.Sdk.Keys;
using EdgeSensor.Sdk.Sinks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EdgeSensor.Sdk.Hosting;

/// <summary>Registers the EdgeSensor consumer in a Microsoft.Extensions.Hosting application.</summary>
public static class EdgeSensorServiceCollectionExtensions
{
    /// <summary>
    /// Registers the key store, <see cref="EdgeSensorMetrics"/>, <see cref="EdgeSensorClient"/> and a hosted
    /// consumer that connects at start-up and writes reports to every registered <see cref="IReportSink"/>
    /// (a SQLite sink when <see cref="EdgeSensorOptions.DatabasePath"/> is set). With no sink, read the
    /// reports yourself from <see cref="EdgeSensorClient.ReadAllAsync"/>. Options are validated at start-up.
    /// </summary>
    public static EdgeSensorBuilder AddEdgeSensor(this IServiceCollection services, Action<EdgeSensorOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<EdgeSensorOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EdgeSensorOptions>, EdgeSensorOptionsValidator>());
        services.TryAddSingleton(sp => new EdgeSensorMetrics(sp.GetService<IMeterFactory>()));
        services.TryAddSingleton<FileDeviceKeyStore>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<EdgeSensorOptions>>().Value;
            KeyStoreSecret secret = options.KeyStorePassphraseVariable is { } passphraseVariable
                ? KeyStoreSecret.FromPassphrase(Environment.GetEnvironmentVariable(passphraseVariable) ?? string.Empty)
                : KeyStoreSecret.FromEnvironment(options.KeyStoreKeyVariable)
                    ?? throw new KeyStoreException($"{options.KeyStoreKeyVariable} is not set.");
            var store = FileDeviceKeyStore.Open(options.KeyStorePath, secret);
            store.AutoReloadInterval = options.KeyStoreReloadInterval;
            return store;
        });
        services.TryAddSingleton<IDeviceKeyStore>(sp => sp.GetRequiredService<FileDeviceKeyStore>());
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<EdgeSensorOptions>>().Value;
            return new EdgeSensorClient(
                options.Client,
                sp.GetRequiredService<IDeviceKeyStore>(),
                sp.GetService<ILogger<EdgeSensorClient>>(),
                sp.GetRequiredService<EdgeSensorMetrics>());
        });
        services.AddSingleton<IReportSink>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<EdgeSensorOptions>>().Value;
            return options.DatabasePath is null ? NoSink.Instance : SqliteReportSink.Open(options.DatabasePath);
        });
        services.AddHostedService<EdgeSensorConsumerService>();
        return new EdgeSensorBuilder(services);
    }

    /// <summary>Stands in for the SQLite sink when no database is configured; the consumer skips it.</summary>
    internal sealed class NoSink : IReportSink
    {
        public static readonly NoSink Instance = new();

        public string Name => "none";

        public ValueTask<int> WriteAsync(IReadOnlyList<ReceivedReport> batch, CancellationToken cancellationToken) => ValueTask.FromResult(batch.Count);
    }
}
