using EdgeSensor.Sdk.KeyStore;
using Spectre.Console;

namespace EdgeSensor.Cli;

/// <summary>What a command needs from its surroundings; tests pass their own console and environment.</summary>
internal sealed class CliContext(IAnsiConsole console, Func<string, string?> environment)
{
    public const string PassphraseVariable = "EDGESENSOR_KEYSTORE_PASSPHRASE";
    public const string KeyStorePathVariable = "EDGESENSOR_KEYSTORE";

    public IAnsiConsole Console { get; } = console;

    public Func<string, string?> Environment { get; } = environment;

    public bool Interactive => Console.Profile.Capabilities.Interactive;

    public string ResolveKeyStorePath(string? option) =>
        option ?? Environment(KeyStorePathVariable) ?? "edgesensor-keys.json";

    /// <summary>
    /// The key store secret: EDGESENSOR_KEYSTORE_KEY (base64 32 bytes), else EDGESENSOR_KEYSTORE_PASSPHRASE,
    /// else a prompt when interactive. Never a command-line argument (it would show in the process list).
    /// </summary>
    public KeyStoreSecret ResolveSecret(bool creating)
    {
        string? keyText = Environment(KeyStoreSecret.EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(keyText))
        {
            byte[] key = new byte[KeyStoreSecret.KeySizeBytes];
            if (!Convert.TryFromBase64String(keyText.Trim(), key, out int written) || written != key.Length)
            {
                throw new CliException($"{KeyStoreSecret.EnvironmentVariable} must be base64 of {KeyStoreSecret.KeySizeBytes} bytes.", ExitCodes.KeyStore);
            }

            return KeyStoreSecret.FromKey(key);
        }

        string? passphrase = Environment(PassphraseVariable);
        if (string.IsNullOrEmpty(passphrase) && Interactive)
        {
            passphrase = Console.Prompt(new TextPrompt<string>("Key store passphrase:").Secret());
            if (creating && passphrase != Console.Prompt(new TextPrompt<string>("Repeat the passphrase:").Secret()))
            {
                throw new CliException("The passphrases differ.", ExitCodes.Usage);
            }
        }

        if (string.IsNullOrEmpty(passphrase))
        {
            throw new CliException($"Unlock the key store with {KeyStoreSecret.EnvironmentVariable} (base64 key) or {PassphraseVariable}.", ExitCodes.KeyStore);
        }

        try
        {
            return KeyStoreSecret.FromPassphrase(passphrase);
        }
        catch (ArgumentException ex)
        {
            throw new CliException(ex.Message, ExitCodes.Usage);
        }
    }

    public FileDeviceKeyStore OpenKeyStore(string? pathOption, bool createIfMissing)
    {
        string path = ResolveKeyStorePath(pathOption);
        bool exists = File.Exists(path);
        if (!exists && !createIfMissing)
        {
            throw new CliException($"No key store at '{path}'. Create one with 'edgesensor provision'.", ExitCodes.KeyStore);
        }

        var secret = ResolveSecret(creating: !exists);
        try
        {
            // OpenOrCreate, not Create: another run may create the store between the check above and here.
            return exists ? FileDeviceKeyStore.Open(path, secret) : FileDeviceKeyStore.OpenOrCreate(path, secret);
        }
        catch (KeyStoreException ex)
        {
            secret.Dispose();
            throw new CliException(ex.Message, ExitCodes.KeyStore);
        }
    }
}
