using System;
using System.IO;
using EdgeSensor.Core.Lifecycle;

namespace EdgeSensor.Firmware.Storage
{
    /// <summary>
    /// <see cref="IConfigurationFile"/> on a file system, replacing a file the way <see cref="FileNonVolatileStore"/>
    /// replaces a slot: the bytes go to <c>&lt;path&gt;.tmp</c> (created, written, flushed, closed), the old file is
    /// deleted, the temporary file is renamed (nanoFramework's File.Move does not overwrite). A power cut leaves the old
    /// file (a half-written temporary file is ignored and truncated by the next write), or only the complete temporary
    /// file, which <see cref="RecoverInterruptedReplace"/> renames back before the file is read. Only the System.IO
    /// subset that nanoFramework and .NET share is used, so the .NET tests run this very file.
    /// </summary>
    public sealed class AtomicFileReplacer : IConfigurationFile
    {
        private const string TemporaryExtension = ".tmp";

        private readonly string _path;

        /// <summary>Replaces <paramref name="path"/>.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
        public AtomicFileReplacer(string path)
        {
            if (path == null)
            {
                throw new ArgumentNullException(nameof(path));
            }

            _path = path;
        }

        /// <summary>The temporary file of <paramref name="path"/>.</summary>
        public static string TemporaryPath(string path)
        {
            return path + TemporaryExtension;
        }

        /// <summary>
        /// Finishes a replacement cut between delete and rename: when <paramref name="path"/> is missing and its
        /// temporary file exists, the temporary file (complete, since the delete follows the flush) becomes the file.
        /// False only when that rename failed.
        /// </summary>
        public static bool RecoverInterruptedReplace(string path)
        {
            try
            {
                string temporary = TemporaryPath(path);
                if (!File.Exists(path) && File.Exists(temporary))
                {
                    File.Move(temporary, path);
                }

                return true;
            }
            catch (Exception)
            {
                return false;
            }
        }

        /// <inheritdoc />
        public bool TryReplace(byte[] content, int count)
        {
            if (content == null || count < 0 || count > content.Length)
            {
                return false;
            }

            string temporary = TemporaryPath(_path);
            try
            {
                using (FileStream stream = new FileStream(temporary, FileMode.Create, FileAccess.Write))
                {
                    stream.Write(content, 0, count);
                    stream.Flush();
                }

                if (File.Exists(_path))
                {
                    File.Delete(_path);
                }

                File.Move(temporary, _path);
                return true;
            }
            catch (Exception)
            {
                return false;
            }
        }
    }
}
