using System;
using EdgeSensor.Core.Device;

namespace EdgeSensor.Core.Lifecycle
{
    /// <summary>
    /// <see cref="IReportQueue"/> over a <see cref="SensorNode"/> shared with another thread: every call holds
    /// <paramref name="gate"/>, the lock the sampling loop holds around its own calls into the node (the node
    /// itself is not thread-safe). The publisher never holds it while it waits on the network.
    /// </summary>
    public sealed class SensorNodeReports : IReportQueue
    {
        private readonly SensorNode _node;
        private readonly object _gate;

        /// <summary>Wraps <paramref name="node"/>; <paramref name="gate"/> is the lock shared with the sampling loop.</summary>
        /// <exception cref="ArgumentNullException">An argument is null.</exception>
        public SensorNodeReports(SensorNode node, object gate)
        {
            if (node == null)
            {
                throw new ArgumentNullException(nameof(node));
            }

            if (gate == null)
            {
                throw new ArgumentNullException(nameof(gate));
            }

            _node = node;
            _gate = gate;
        }

        /// <inheritdoc />
        public int PeekReport(byte[] buffer, int offset)
        {
            lock (_gate)
            {
                return _node.PeekReport(buffer, offset);
            }
        }

        /// <inheritdoc />
        public bool ConfirmPublished()
        {
            lock (_gate)
            {
                return _node.ConfirmPublished();
            }
        }
    }
}
