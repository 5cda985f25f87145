namespace EdgeSensor.Core.Lifecycle
{
    /// <summary>Timing of <see cref="ReportPublisher"/>; validate with <see cref="TryValidate"/>.</summary>
    public sealed class PublisherSettings
    {
        /// <summary>How long to wait for a PUBACK before the session is considered dead, ms (1000..600000).</summary>
        public int AcknowledgementTimeoutMilliseconds { get; set; } = 30000;

        /// <summary>First reconnect/retry delay ceiling, ms (100..cap).</summary>
        public int BackoffBaseMilliseconds { get; set; } = 1000;

        /// <summary>Largest reconnect/retry delay ceiling, ms (up to 3600000).</summary>
        public int BackoffCapMilliseconds { get; set; } = 300000;

        /// <summary>
        /// Cap of the per-device publish delay after a window closes, ms (0..60000; 0 publishes at once);
        /// <see cref="PublishDelay"/>. Must stay well under the window length.
        /// </summary>
        public int PublishDelayCapMilliseconds { get; set; } = PublishDelay.DefaultCapMilliseconds;

        /// <summary>Checks every value; false with a message naming the first bad one.</summary>
        public bool TryValidate(int windowLengthSeconds, out string error)
        {
            if (AcknowledgementTimeoutMilliseconds < 1000 || AcknowledgementTimeoutMilliseconds > 600000)
            {
                error = "AcknowledgementTimeoutMilliseconds must be 1000..600000";
                return false;
            }

            if (BackoffCapMilliseconds < 100 || BackoffCapMilliseconds > 3600000)
            {
                error = "BackoffCapMilliseconds must be 100..3600000";
                return false;
            }

            if (BackoffBaseMilliseconds < 100 || BackoffBaseMilliseconds > BackoffCapMilliseconds)
            {
                error = "BackoffBaseMilliseconds must be 100..BackoffCapMilliseconds";
                return false;
            }

            // A delay beyond half the window would let one window's publish run into the next window's close.
            if (PublishDelayCapMilliseconds < 0 || PublishDelayCapMilliseconds > 60000 || (long)PublishDelayCapMilliseconds * 2 > (long)windowLengthSeconds * 1000)
            {
                error = "PublishDelayCapMilliseconds must be 0..60000 and at most half the window";
                return false;
            }

            error = string.Empty;
            return true;
        }
    }
}
