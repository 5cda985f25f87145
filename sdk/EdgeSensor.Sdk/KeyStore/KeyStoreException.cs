namespace EdgeSensor.Sdk.KeyStore;

/// <summary>A key store file could not be read or written: wrong secret, tampering, bad format or unsafe permissions.</summary>
public sealed class KeyStoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    public KeyStoreException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public KeyStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
