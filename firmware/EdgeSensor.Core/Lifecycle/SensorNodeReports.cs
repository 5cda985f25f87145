using System;
using EdgeSensor.Core.Device;
using EdgeSensor.Core.Sealing;

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
        private readonly byte[] _oldest = new byte[ReportSealer.MaxSealedLength];

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
        public bool TryConfirm(byte[] published, int length)
        {
            if (published == null)
            {
                throw new ArgumentNullException(nameof(published));
            }

            lock (_gate)
            {
                if (length > published.Length || _node.PeekReport(_oldest, 0) != length)
                {
                    return false;
                }

                for (int i = 0; i < length; i++)
                {
                    if (_oldest[i] != published[i])
                    {
                        return false;
                    }
                }

                return _node.ConfirmPublished();
            }
        }
    }
}
