using System;
using EdgeSensor.Core.Lifecycle;

namespace EdgeSensor.Firmware.Adapters
{
    /// <summary>
    /// <see cref="IMonotonicClock"/> from <c>Environment.TickCount64</c>: milliseconds since boot from the CLR's uptime
    /// counter (declared by nanoFramework.Runtime.Native, https://github.com/nanoframework/nanoFramework.Runtime.Native,
    /// System/Environment.cs). Unlike <c>DateTime.UtcNow</c> (and the Stopwatch package built on it) it does not jump
    /// when SNTP sets the clock.
    /// </summary>
    public sealed class TickCountClock : IMonotonicClock
    {
        /// <inheritdoc />
        public long NowMilliseconds
        {
            get { return Environment.TickCount64; }
        }
    }
}
