namespace EdgeSensor.Core.Lifecycle
{
    /// <summary>The configuration file on the device's flash, as far as the boot rewrites it.</summary>
    public interface IConfigurationFile
    {
        /// <summary>
        /// Replaces the file's contents with the first <paramref name="count"/> bytes of <paramref name="content"/>,
        /// atomically: after a power cut at any point the next boot reads the old or the new contents, whole.
        /// False (never an exception) when the file could not be replaced; the old contents then remain.
        /// </summary>
        bool TryReplace(byte[] content, int count);
    }
}
