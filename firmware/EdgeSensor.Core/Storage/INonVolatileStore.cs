namespace EdgeSensor.Core.Storage
{
    /// <summary>
    /// A few small records that survive reboots, addressed by slot number (on the device: one LittleFS file
    /// per slot). A write is NOT atomic: power loss may leave a slot with the old bytes, the new bytes, a mix
    /// of both, or garbage. Callers needing atomic updates use <see cref="DualSlotRecord"/>.
    /// </summary>
    public interface INonVolatileStore
    {
        /// <summary>
        /// Copies up to <paramref name="count"/> bytes of slot <paramref name="slot"/> into
        /// <paramref name="buffer"/> and returns how many it copied (0 for an empty slot), or -1 on an I/O error.
        /// </summary>
        int Read(int slot, byte[] buffer, int offset, int count);

        /// <summary>
        /// Replaces the contents of slot <paramref name="slot"/> with <paramref name="count"/> bytes.
        /// Returns false on an I/O error (the slot's contents are then undefined).
        /// </summary>
        bool Write(int slot, byte[] buffer, int offset, int count);
    }
}
