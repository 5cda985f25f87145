using Microsoft.Extensions.Options;

namespace EdgeSensor.Sdk.Hosting;

/// <summary>Checks <see cref="EdgeSensorOptions"/> when the host starts (fail fast, not at the first report).</summary>
internal sealed class EdgeSensorOptionsValidator : IValidateOptions<EdgeSensorOptions>
{
    public ValidateOptionsResult Validate(string? name, EdgeSensorOptions options)
    {
        var errors = new List<string>(options.Client.Validate());
        if (string.IsNullOrWhiteSpace(options.KeyStorePath))
        {
            errors.Add("KeyStorePath is required.");
        }
        else if (!File.Exists(options.KeyStorePath))
        {
            errors.Add($"The key store '{options.KeyStorePath}' does not exist (create it with 'edgesensor provision').");
        }

        string variable = options.KeyStorePassphraseVariable ?? options.KeyStoreKeyVariable;
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(variable)))
        {
            errors.Add($"The environment variable {variable} that unlocks the key store is not set.");
        }

        if (options.MaxBatchSize is < 1 or > 100_000)
        {
            errors.Add("MaxBatchSize must be 1..100000.");
        }

        if (options.KeyStoreReloadInterval < TimeSpan.Zero)
        {
            errors.Add("KeyStoreReloadInterval must not be negative.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
