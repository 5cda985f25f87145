using System;

namespace EdgeSensor.Core.Counting
{
    /// <summary>
    /// Running occupancy = entries - exits, never negative (an exit at 0 is counted as an exit but leaves
    /// occupancy at 0: someone who entered before boot, or a missed entry). Drift correction: missed exits
    /// accumulate, so occupancy is reset to 0 once the ToF zones and the PIR agree the space is empty for
    /// <c>EmptyResetMilliseconds</c>. Without any PIR sample the reset never fires: a quiet doorway alone does
    /// not prove an empty room.
    /// </summary>
    public sealed class OccupancyTracker
    {
        private readonly int _emptyResetMilliseconds;

        /// <summary>The "empty since" value <see cref="Update"/> takes while someone is seen (any negative value means so).</summary>
        public const long NotEmpty = -1;

        /// <summary>Creates the tracker; <paramref name="emptyResetMilliseconds"/> 0 disables the drift reset.</summary>
        public OccupancyTracker(int emptyResetMilliseconds)
        {
            if (emptyResetMilliseconds < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(emptyResetMilliseconds));
            }

            _emptyResetMilliseconds = emptyResetMilliseconds;
        }

        /// <summary>Current occupancy (0 or more).</summary>
        public int Occupancy { get; private set; }

        /// <summary>How often the drift correction reset a non-zero occupancy.</summary>
        public int DriftResets { get; private set; }

        /// <summary>Applies one entry.</summary>
        public void Enter()
        {
            Occupancy++;
        }

        /// <summary>Applies one exit; occupancy does not go below 0.</summary>
        public void Exit()
        {
            if (Occupancy > 0)
            {
                Occupancy--;
            }
        }

        /// <summary>Sets occupancy to 0 (e.g. a scheduled reset at closing time).</summary>
        public void Reset()
        {
            Occupancy = 0;
        }

        /// <summary>
        /// Feeds the current emptiness evidence: <paramref name="emptySinceMs"/> is the time since which both ToF and
        /// PIR have seen nobody, or <see cref="NotEmpty"/> (any negative value) while either sees someone (or no PIR exists).
        /// </summary>
        public void Update(long nowMs, long emptySinceMs)
        {
            if (emptySinceMs >= 0 && _emptyResetMilliseconds > 0 && Occupancy > 0 && nowMs - emptySinceMs >= _emptyResetMilliseconds)
            {
                Occupancy = 0;
                DriftResets++;
            }
        }
    }
}
