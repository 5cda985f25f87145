using System;

namespace EdgeSensor.Core.Crypto
{
    /// <summary>
    /// Argument checks shared by every public crypto entry point, so each public method validates
    /// once and then calls a lean core method (the NSec pattern). All throw sites live here.
    /// </summary>
    internal static class CryptoGuard
    {
        /// <summary>Checks that <c>[offset, offset + count)</c> lies inside a non-null buffer.</summary>
        internal static void Range(byte[]? buffer, int offset, int count, string bufferName)
        {
            if (buffer == null)
            {
                throw new ArgumentNullException(bufferName);
            }

            // Written so that large values cannot overflow into a false pass.
            if (offset < 0 || count < 0 || offset > buffer.Length - count)
            {
                throw new ArgumentOutOfRangeException(bufferName);
            }
        }

        /// <summary>
        /// Like <see cref="Range"/>, but a null buffer is accepted when <paramref name="count"/> is 0
        /// (optional inputs such as associated data, salt, info, personalization).
        /// </summary>
        internal static void OptionalRange(byte[]? buffer, int offset, int count, string bufferName)
        {
            if (buffer == null && count == 0)
            {
                return;
            }

            Range(buffer, offset, count, bufferName);
        }

        /// <summary>Checks a count against an inclusive upper bound.</summary>
        internal static void AtMost(int value, int maximum, string name)
        {
            if (value > maximum)
            {
                throw new ArgumentOutOfRangeException(name);
            }
        }

        /// <summary>Checks a count against an inclusive lower bound.</summary>
        internal static void AtLeast(int value, int minimum, string name)
        {
            if (value < minimum)
            {
                throw new ArgumentOutOfRangeException(name);
            }
        }

        /// <summary>Thrown when an object is used before its key or seed was set.</summary>
        internal static void NotReady(string what)
        {
            throw new InvalidOperationException(what);
        }
    }
}
