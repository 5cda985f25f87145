using System;
using System.IO;
using EdgeSensor.Core.Storage;

namespace EdgeSensor.Firmware.Storage
{
    /// <summary>
    /// <see cref="INonVolatileStore"/> on a file system: one file per slot (<c>slot-&lt;n&gt;.bin</c>) in one directory,
    /// on the device <c>I:\edgesensor</c> on the internal LittleFS drive. Written only against the System.IO subset that
    /// nanoFramework's System.IO.FileSystem and .NET share (File, Directory, FileStream, Path), so the very same file
    /// is compiled into a .NET test that runs the store and power-cut contract tests on a temporary directory.
    /// <para>
    /// A write replaces a slot in three steps: the bytes go to <c>slot-&lt;n&gt;.tmp</c> (created, written, flushed,
    /// closed), the old <c>.bin</c> is deleted, the <c>.tmp</c> is renamed to <c>.bin</c> (nanoFramework's File.Move
    /// does not overwrite). A power cut leaves: the old <c>.bin</c> (cut before the delete; a half-written <c>.tmp</c>
    /// is ignored and truncated by the next write), or only a complete <c>.tmp</c> (cut between delete and rename),
    /// which a read promotes to <c>.bin</c>. So a slot reads as its old or its new bytes, except on its very first
    /// write, where a cut may leave a partial file; the records above (<see cref="DualSlotRecord"/>, the outbox
    /// journal) carry CRCs for that case, and the interface allows it. LittleFS renames are atomic
    /// (https://github.com/littlefs-project/littlefs/blob/master/DESIGN.md, "Metadata pairs").
    /// </para>
    /// Every I/O exception becomes a -1 / false return: the callers treat storage faults as statuses.
    /// </summary>
    public sealed class FileNonVolatileStore : INonVolatileStore
    {
        private const string DataExtension = ".bin";
        private const string TemporaryExtension = ".tmp";

        private readonly string _directory;
        private readonly int _slotCount;
        private readonly int _maxRecordLength;

        /// <summary>
        /// Opens (creating it when missing) a store of <paramref name="slotCount"/> slots of up to
        /// <paramref name="maxRecordLength"/> bytes in <paramref name="directory"/>.
        /// </summary>
        /// <exception cref="ArgumentNullException"><paramref name="directory"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">A count is not positive.</exception>
        /// <exception cref="IOException">The directory cannot be created.</exception>
        public FileNonVolatileStore(string directory, int slotCount, int maxRecordLength)
        {
            if (directory == null)
            {
                throw new ArgumentNullException(nameof(directory));
            }

            if (slotCount <= 0 || maxRecordLength <= 0)
            {
                throw new ArgumentOutOfRangeException(slotCount <= 0 ? nameof(slotCount) : nameof(maxRecordLength));
            }

            _directory = directory;
            _slotCount = slotCount;
            _maxRecordLength = maxRecordLength;
            if (!Directory.Exists(directory))
            {
                Directory.CreateDirectory(directory);
            }
        }

        /// <summary>The path of slot <paramref name="slot"/>'s data file.</summary>
        public string DataPath(int slot)
        {
            CheckSlot(slot);
            return Path.Combine(_directory, "slot-" + slot.ToString() + DataExtension);
        }

        /// <summary>The path of slot <paramref name="slot"/>'s temporary file (exists only during or after a cut write).</summary>
        public string TemporaryPath(int slot)
        {
            CheckSlot(slot);
            return Path.Combine(_directory, "slot-" + slot.ToString() + TemporaryExtension);
        }

        /// <inheritdoc />
        public int Read(int slot, byte[] buffer, int offset, int count)
        {
            CheckSlot(slot);
            if (buffer == null)
            {
                throw new ArgumentNullException(nameof(buffer));
            }

            if (offset < 0 || count < 0 || offset > buffer.Length - count)
            {
                throw new ArgumentOutOfRangeException(nameof(count));
            }

            string data = DataPath(slot);
            try
            {
                if (!File.Exists(data))
                {
                    string temporary = TemporaryPath(slot);
                    if (!File.Exists(temporary))
                    {
                        return 0;
                    }

                    // Cut between delete and rename: the temporary file is the complete new record.
                    File.Move(temporary, data);
                }

                using (FileStream stream = new FileStream(data, FileMode.Open, FileAccess.Read))
                {
                    int total = 0;
                    while (total < count)
                    {
                        int read = stream.Read(buffer, offset + total, count - total);
                        if (read <= 0)
                        {
                            break;
                        }

                        total += read;
                    }

                    return total;
                }
            }
            catch (Exception)
            {
                return -1;
            }
        }

        /// <inheritdoc />
        public bool Write(int slot, byte[] buffer, int offset, int count)
        {
            CheckSlot(slot);
            if (buffer == null)
            {
                throw new ArgumentNullException(nameof(buffer));
            }

            if (offset < 0 || count < 0 || offset > buffer.Length - count)
            {
                throw new ArgumentOutOfRangeException(nameof(count));
            }

            if (count > _maxRecordLength)
            {
                return false;
            }

            string data = DataPath(slot);
            string temporary = TemporaryPath(slot);
            try
            {
                using (FileStream stream = new FileStream(temporary, FileMode.Create, FileAccess.Write))
                {
                    stream.Write(buffer, offset, count);
                    stream.Flush();
                }

                if (File.Exists(data))
                {
                    File.Delete(data);
                }

                File.Move(temporary, data);
                return true;
            }
            catch (Exception)
            {
                return false;
            }
        }

        private void CheckSlot(int slot)
        {
            if (slot < 0 || slot >= _slotCount)
            {
                throw new ArgumentOutOfRangeException(nameof(slot));
            }
        }
    }
}
