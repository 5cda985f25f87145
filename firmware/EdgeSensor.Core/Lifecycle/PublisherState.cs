namespace EdgeSensor.Core.Lifecycle
{
    /// <summary>Where <see cref="ReportPublisher"/> is.</summary>
    public enum PublisherState
    {
        /// <summary>No session; the next connect attempt waits for the backoff delay.</summary>
        Disconnected = 0,

        /// <summary>Connected, nothing in flight.</summary>
        Idle = 1,

        /// <summary>One report published, waiting for its PUBACK.</summary>
        AwaitingAcknowledgement = 2,
    }
}
