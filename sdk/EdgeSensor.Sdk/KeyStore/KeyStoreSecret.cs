using System.Security.Cryptography;

namespace EdgeSensor.Sdk.KeyStore;

/// <summary>
/// What unlocks a key store file: either a passphrase (stretched with PBKDF2-HMAC-SHA256) or a
/// 32-byte key supplied by the environment (for services, e.g. from a secret manager).
/// The secret is kept only in memory; <see cref="Dispose"/> clears it.
/// </summary>
public sealed class KeyStoreSecret : IDisposable
{
    /// <summary>The environment variable <see cref="FromEnvironment"/> reads: a base64 32-byte key.</summary>
    public const string EnvironmentVariable = "EDGESENSOR_KEYSTORE_KEY";

    /// <summary>Size of a raw key store key in bytes (AES-256).</summary>
    public const int KeySizeBytes = 32;

    /// <summary>PBKDF2-HMAC-SHA256 iterations for new files: the OWASP 2023 recommendation.</summary>
    public const int DefaultIterations = 600_000;

    /// <summary>The fewest PBKDF2 iterations a file may declare; files asking for fewer are refused.</summary>
    public const int MinimumIterations = 100_000;

    /// <summary>
    /// The most PBKDF2 iterations a file may declare (about 17× the default, seconds of work); files asking for
    /// more are refused, so an edited store cannot hang the tool or a consumer's report path.
    /// </summary>
    public const int MaximumIterations = 10_000_000;

    private readonly byte[]? _passphraseUtf8;
    private readonly byte[]? _key;

    private KeyStoreSecret(byte[]? passphraseUtf8, byte[]? key, int iterations)
    {
        _passphraseUtf8 = passphraseUtf8;
        _key = key;
        Iterations = iterations;
    }

    /// <summary>True when the secret is a passphrase (the file's key is derived with PBKDF2).</summary>
    public bool IsPassphrase => _passphraseUtf8 is not null;

    /// <summary>PBKDF2 iterations used when this secret creates a new file.</summary>
    public int Iterations { get; }

    /// <summary>A passphrase secret.</summary>
    /// <param name="passphrase">At least 8 characters.</param>
    /// <param name="iterations">PBKDF2 iterations for new files, at least <see cref="MinimumIterations"/>.</param>
    public static KeyStoreSecret FromPassphrase(string passphrase, int iterations = DefaultIterations)
    {
        ArgumentNullException.ThrowIfNull(passphrase);
        if (passphrase.Length < 8)
        {
            throw new ArgumentException("The passphrase must have at least 8 characters.", nameof(passphrase));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, MinimumIterations);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(iterations, MaximumIterations);
        return new KeyStoreSecret(System.Text.Encoding.UTF8.GetBytes(passphrase), null, iterations);
    }

    /// <summary>A raw 32-byte key secret.</summary>
    public static KeyStoreSecret FromKey(ReadOnlySpan<byte> key)
    {
        if (key.Length != KeySizeBytes)
        {
            throw new ArgumentException($"A key store key has {KeySizeBytes} bytes.", nameof(key));
        }

        return new KeyStoreSecret(null, key.ToArray(), 0);
    }

    /// <summary>Reads a base64 32-byte key from <paramref name="variable"/>.</summary>
    /// <returns>The secret, or <see langword="null"/> when the variable is unset or empty.</returns>
    /// <exception cref="KeyStoreException">The variable is set but is not base64 of 32 bytes.</exception>
    public static KeyStoreSecret? FromEnvironment(string variable = EnvironmentVariable)
    {
        string? text = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        byte[] key = new byte[KeySizeBytes];
        if (!Convert.TryFromBase64String(text.Trim(), key, out int written) || written != KeySizeBytes)
        {
            throw new KeyStoreException($"{variable} must hold base64 of exactly {KeySizeBytes} bytes.");
        }

        return new KeyStoreSecret(null, key, 0);
    }

    /// <summary>Makes a new random 32-byte key, base64-encoded, for <see cref="EnvironmentVariable"/>.</summary>
    public static string GenerateKeyText() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeySizeBytes));

    /// <summary>Derives (or copies) the 32-byte file key.</summary>
    internal byte[] DeriveKey(ReadOnlySpan<byte> salt, int iterations)
    {
        ObjectDisposedException.ThrowIf(_key is null && _passphraseUtf8 is null, this);
        if (_key is not null)
        {
            return (byte[])_key.Clone();
        }

        // RFC 8018 section 5.2 (PBKDF2) with HMAC-SHA256.
        return Rfc2898DeriveBytes.Pbkdf2(_passphraseUtf8!, salt, iterations, HashAlgorithmName.SHA256, KeySizeBytes);
    }

    /// <summary>Clears the secret from memory.</summary>
    public void Dispose()
    {
        if (_passphraseUtf8 is not null)
        {
            CryptographicOperations.ZeroMemory(_passphraseUtf8);
        }

        if (_key is not null)
        {
            CryptographicOperations.ZeroMemory(_key);
        }
    }
}
