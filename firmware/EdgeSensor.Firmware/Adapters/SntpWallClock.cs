using System;
using EdgeSensor.Core.Lifecycle;
using nanoFramework.Networking;

namespace EdgeSensor.Firmware.Adapters
{
    /// <summary>
    /// <see cref="IWallClock"/> over the ESP32's RTC as SNTP sets it (nanoFramework.Networking.Sntp,
    /// https://github.com/nanoframework/nanoFramework.Networking.Sntp). The firmware starts SNTP by itself when the
    /// station gets an address; <see cref="RequestSync"/> makes sure it runs and asks for an update now.
    /// </summary>
    public sealed class SntpWallClock : IWallClock
    {
        /// <inheritdoc />
        public void RequestSync()
        {
            try
            {
                if (!Sntp.IsStarted)
                {
                    Sntp.Start();
                }

                Sntp.UpdateNow();
            }
            catch (Exception)
            {
                // No network yet, or SNTP not built into this firmware: the boot asks again later.
            }
        }

        /// <inheritdoc />
        public uint NowUnixSeconds
        {
            get
            {
                long seconds = DateTime.UtcNow.ToUnixTimeSeconds();
                return seconds <= 0 ? 0 : seconds >= uint.MaxValue ? uint.MaxValue : (uint)seconds;
            }
        }
    }
}
