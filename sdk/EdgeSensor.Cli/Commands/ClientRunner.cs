using EdgeSensor.Sdk.Client;

namespace EdgeSensor.Cli.Commands;

/// <summary>Starts a client with the tool's error mapping.</summary>
internal static class ClientRunner
{
    public static async Task StartAsync(EdgeSensorClient client, EdgeSensorClientOptions options, CancellationToken cancellationToken)
    {
        try
        {
            await client.StartAsync(cancellationToken);
        }
        catch (MqttRefusedException ex)
        {
            throw new CliException(ex.Message, ExitCodes.Broker);
        }
        catch (OperationCanceledException)
        {
            throw new CliException($"Could not connect to {options.Host}:{options.EffectivePort} before stopping.", ExitCodes.Broker);
        }
    }
}
