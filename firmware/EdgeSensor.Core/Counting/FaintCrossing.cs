namespace EdgeSensor.Core.Counting
{
    /// <summary>
    /// A second chance for a crossing no target explained (docs/counting.md, "Faint crossings"). A zone that reports a
    /// blend of all it sees reads a small child under a high mount only a sigma or two of its floor noise nearer than the
    /// floor, too little for a target or a weak dip; but the child's body still passes one zone and then the other, each in
    /// about the time a body takes to pass a zone, and the two dips come in walking order: the first ends before the second
    /// ends, and the second begins before the first has been over for longer than a walking lag. Each zone's evidence is the
    /// sum of its last <see cref="WindowSamples"/> readings' depths below the floor, each clipped at
    /// <see cref="ClipSigmas"/> sigma of the zone's floor noise (a stray reading, however far off, moves it little).
    /// Nothing is allocated per sample.
    /// </summary>
    public sealed class FaintCrossing
    {
        // A window of 8 readings of one zone (560 ms at 33 ms budgets): a child passes a zone in 0.4-1 s.
        private const int WindowSamples = 8;

        // Each reading is counted at most this many sigma from the floor, either way.
        private const int ClipSigmas = 3;

        // A strong dip: its window sums to DipSigmas sigma or more (a mean of 1.25 sigma over the 8 readings). On a bare floor
        // the clipped sum of normal noise has a spread of 2.79 sigma, so a window reaches it with a chance of 1.7e-4 (3.6
        // sigma of the sum): about 7 dips an hour per zone (51 000 windows, runs of a few). Two zones' noise dips then come within
        // 1.5 s of each other about 7 x 7 x 1.5 s / 3600 s x 2 orders = 0.04 times an hour; asking them to overlap in walking
        // order, with the conditions below, keeps about a fifth of those: simulated with the noise's true sigma and
        // floor (0.5 % outliers five times wider), 1 count in 120 h of empty floor, about one in 5 days. The engine's own
        // floor sits a few mm nearer than the true floor and its sigma a little high, which makes dips rarer still: on 30 h
        // of empty floor replayed through PeopleCounter (0.6-1.8 x the simulator's noise at 2.8 m) 14 dips and no pair.
        private const int DipSigmas = 10;

        // Or the two zones' dips together: each window at least WeakDipSigmas, the two peaks summing to PairSigmas. The
        // zones are mirror halves of one view, so a child crossing the line blends into both alike, but each window's own
        // noise spreads its sum by 2.79 sigma: a child whose true dip is about 9 sigma in each zone reads 7 in one and 11 in
        // the other as often as not, and asking 10 of both lost it (of 90 raster children missed at 2.8-3.0 m on seeds 1..5,
        // 101..105 and 301..310, 57 showed windows of 6 sigma or more in both zones in walking order, 21 or more together).
        // The two windows' noise is independent, so their sum spreads by 3.95 sigma and 18 is 4.6 of that (2e-6 a pair of
        // windows); with the order, overlap and quiet conditions below, empty floor through the engine (150 h at each of
        // 2.2-3.2 m, both coverage models) counted 8 times in 1500 h against 7 with both windows at 10.
        private const int WeakDipSigmas = 6;
        private const int PairSigmas = 18;

        // A dip is over when its window sums to less than this (half a dip's sum at DipSigmas).
        private const int ReleaseSigmas = 5;

        // The zone read on its floor (window under the release) this long before the dip began: a body's fading tail or a
        // sway of someone standing is no new passage.
        private const int QuietBeforeMilliseconds = 500;

        // A dip of the other zone this long before this one's began: someone came from that side and may be going back.
        private const int OtherDipBeforeMilliseconds = 2000;

        // A dip held longer than a body takes to pass a zone at walking speed is someone or something standing there.
        private const int MaxDipMilliseconds = 2000;

        // The first dip began at most this long before the second (a slow child's whole passage of the first zone). The
        // second begins before the first is over (Pair).
        private const int MaxLeadMilliseconds = 1500;

        // After the second dip the first zone must stay on its floor this long: someone who went back dips it again.
        internal const int HoldMilliseconds = 800;

        // The pairing stage must have decided nothing (a count, a turn-back, a door, a low object, a mismatch) from this long
        // before the first dip began: those were the targets' own verdicts over this passage. An earlier verdict was on a
        // body ahead: in a queue 2 s apart the pairing stage decides the person ahead 0.5-0.8 s before the next one's
        // first dip begins, and a margin of 1 s lost the child behind (over 80 seeds of eleven scenarios at raster
        // 2.5-3.0 m, 57 children more and no other count changed when it became 300 ms).
        private const int VerdictMarginMilliseconds = 300;

        // A zone that read a body clearly - a target nearer than this many enter deltas, or a still level - over the passage
        // saw no faint one: the two zones are halves of one view and see a body walking over the line alike, so a body that
        // reads clearly in one (an adult, a wheelchair, a door leaf, someone standing) reads clearly in the other too, and a
        // faint dip there is its edge or noise (as for FaintPartner).
        private const int ClearEnterDeltas = 2;

        // The decision waits for the pairing stage to have nothing pending at most this long after the second dip.
        private const int MaxWaitMilliseconds = 1600;

        // The floor noise is measured from 16 boot readings to only about +-25 % and then tracked over ~128 readings of the
        // empty zone (ZoneChannel): until a zone has read that many since its calibration, a sigma may be a quarter too small.
        private const int SettleReadings = 128;

        // A pair of weaker dips counts only once each zone has read this many (36 s): the running noise estimate follows the
        // floor over about 256 readings (half of them farther than the floor), so at 128 it may still be 10-15 % low, and
        // a sum in sigmas that much too high counted a pair of noise dips 10 s after boot (seed 105, 2.8 m).
        private const int WeakSettleReadings = 512;

        private readonly int[] _settled = new int[2];
        private readonly int[] _noise = new int[2];
        private readonly int[] _depth = new int[2 * WindowSamples];
        private readonly long[] _ms = new long[2 * WindowSamples];
        private readonly int[] _count = new int[2];
        private readonly int[] _next = new int[2];
        private readonly int[] _sum = new int[2];
        private readonly bool[] _inDip = new bool[2];
        private readonly long[] _quietSince = new long[] { long.MinValue / 2, long.MinValue / 2 };
        private readonly bool[] _dipQuietBefore = new bool[2];
        private readonly bool[] _dipOtherFirst = new bool[2];
        private readonly long[] _loudStart = new long[2];
        private readonly bool[] _wasLoud = new bool[2];
        private readonly long[] _loudEnd = new long[] { long.MinValue / 2, long.MinValue / 2 };
        private readonly long[] _dipStart = new long[2];
        private readonly long[] _dipEnd = new long[2];
        private readonly bool[] _hasDip = new bool[2];
        private readonly int[] _peak = new int[2];
        private readonly bool[] _dipUsed = new bool[2];
        private long _clearMs = long.MinValue / 2;
        private bool _pending;
        private bool _redip;
        private int _pendingFirst;
        private long _pendingStart;
        private long _pendingEnd;

        /// <summary>The zone the last faint crossing came out of (its first dip).</summary>
        public int FromZone { get; private set; }

        /// <summary>
        /// True once <paramref name="zone"/> has read long enough for its running noise estimate to have settled
        /// (WeakSettleReadings): weak dips judged against it before then may be the floor's noise.
        /// </summary>
        public bool IsSettled(int zone)
        {
            return _settled[zone] >= WeakSettleReadings;
        }

        /// <summary>True while <paramref name="zone"/>'s window holds a faint dip (from <see cref="WeakDipSigmas"/> until it falls under <see cref="ReleaseSigmas"/>).</summary>
        public bool InDip(int zone)
        {
            return _inDip[zone];
        }

        /// <summary>
        /// True while <paramref name="zone"/>'s dip holds within one reading's clip (<see cref="ClipSigmas"/>) of its peak: the
        /// readings coming in are as deep as those they replace, so the body is still there (a body that left is replaced
        /// by the floor, a clip's worth or more a reading).
        /// </summary>
        public bool IsSteadyDip(int zone)
        {
            return _inDip[zone] && _sum[zone] + (ClipSigmas * _noise[zone]) >= _peak[zone];
        }

        /// <summary>
        /// True while <paramref name="zone"/>'s window reads its floor: no dip and its sum under the release (what the hold
        /// after a faint crossing asks of the first zone). True too before the zone's noise is known.
        /// </summary>
        public bool IsOnFloor(int zone)
        {
            return _noise[zone] <= 0 || (!_inDip[zone] && _sum[zone] < ReleaseSigmas * _noise[zone]);
        }

        /// <summary>When <paramref name="zone"/>'s current or last dip began (its window's first reading).</summary>
        public long DipStartMs(int zone)
        {
            return _dipStart[zone];
        }

        /// <summary>True when <paramref name="zone"/>'s current or last dip peaked at <see cref="DipSigmas"/> or more: a body, not the noise.</summary>
        public bool IsStrongDip(int zone)
        {
            return _peak[zone] >= DipSigmas * _noise[zone];
        }

        /// <summary>
        /// Takes one reading of <paramref name="zone"/>; <paramref name="lastVerdictMs"/> is when the pairing stage last
        /// decided a pair, <paramref name="pairingBusy"/> whether it has targets open or pending. Returns true when a faint
        /// crossing is complete (<see cref="FromZone"/>).
        /// </summary>
        public bool Observe(int zone, long timeMs, int distanceMillimeters, bool valid, ZoneChannel channel, long lastVerdictMs, bool pairingBusy)
        {
            Record(zone, timeMs, distanceMillimeters, valid, channel);
            if (!_pending)
            {
                return false;
            }

            int first = _pendingFirst;
            if (_redip)
            {
                // The first zone dipped again within the hold: the body came back (a turn-back), or the next walker of a
                // queue is there. The next walker goes on over the line: the other zone dips anew while the first is still
                // busy, and the crossing is decided now (the walker's own targets may keep the pairing stage busy). One who
                // came back leaves the other zone quiet: the first zone back under the release drops the crossing.
                if (_inDip[1 - first] && _dipStart[1 - first] > _pendingEnd)
                {
                    _redip = false;
                    _pending = false;
                    return Decide(lastVerdictMs, false);
                }

                if (!_inDip[first] && _sum[first] < ReleaseSigmas * _noise[first])
                {
                    _redip = false;
                    _pending = false;
                }

                return false;
            }

            if (_inDip[first] || _sum[first] >= ReleaseSigmas * _noise[first])
            {
                _redip = true;
                return false;
            }

            if (timeMs < _pendingEnd + HoldMilliseconds)
            {
                return false;
            }

            if (pairingBusy && timeMs < _pendingEnd + MaxWaitMilliseconds)
            {
                return false;
            }

            _pending = false;
            return Decide(lastVerdictMs, pairingBusy);
        }

        // The pending crossing counts unless the pairing stage is busy, decided a pair over its passage or a zone read a
        // body clearly then.
        private bool Decide(long lastVerdictMs, bool pairingBusy)
        {
            if (pairingBusy || lastVerdictMs >= _pendingStart - VerdictMarginMilliseconds || _clearMs >= _pendingStart - VerdictMarginMilliseconds)
            {
                return false;
            }

            FromZone = _pendingFirst;
            return true;
        }

        private void Record(int zone, long timeMs, int distance, bool valid, ZoneChannel channel)
        {
            int noise = channel.NoiseMillimeters;
            if (!channel.IsCalibrated || noise <= 0)
            {
                return;
            }

            if (_settled[zone] < WeakSettleReadings)
            {
                _settled[zone]++;
                if (_settled[zone] <= SettleReadings)
                {
                    return;
                }
            }

            ZoneOccupancyDetector detector = channel.Detector;
            if (detector.State == DetectorState.Background
                || (detector.HasTarget && channel.BaselineMillimeters - detector.CurrentNearestMillimeters > ClearEnterDeltas * channel.EnterDeltaMillimeters))
            {
                _clearMs = timeMs;
            }

            _noise[zone] = noise;
            int cap = noise * ClipSigmas;
            int depth = valid ? channel.BaselineMillimeters - distance : 0;
            depth = depth > cap ? cap : (depth < -cap ? -cap : depth);
            int slot = (zone * WindowSamples) + _next[zone];
            if (_count[zone] == WindowSamples)
            {
                _sum[zone] -= _depth[slot];
            }
            else
            {
                _count[zone]++;
            }

            _depth[slot] = depth;
            _ms[slot] = timeMs;
            _sum[zone] += depth;
            _next[zone] = _next[zone] + 1 < WindowSamples ? _next[zone] + 1 : 0;
            if (_count[zone] < WindowSamples)
            {
                return;
            }

            // The last run of windows at or over the release (loud: a body, faint or not, or a stray run of noise).
            int sum = _sum[zone];
            bool loud = sum >= ReleaseSigmas * noise;
            if (loud && !_wasLoud[zone])
            {
                _loudStart[zone] = timeMs;
            }

            if (loud)
            {
                _loudEnd[zone] = timeMs;
            }

            _wasLoud[zone] = loud;
            if (!_inDip[zone])
            {
                if (sum >= WeakDipSigmas * noise)
                {
                    _peak[zone] = sum;
                    long first = _ms[(zone * WindowSamples) + _next[zone]];
                    _inDip[zone] = true;
                    _dipStart[zone] = first;
                    _dipQuietBefore[zone] = first - _quietSince[zone] >= QuietBeforeMilliseconds;
                    // The other zone saw someone first: loud in the QuietBefore time before this dip, dipping already, or a
                    // dip of its own ended within OtherDipBefore.
                    int other = 1 - zone;
                    // Unless the other zone's last dip, over now, had itself followed one of this zone's: its body came from
                    // this side and walked on, someone ahead going the same way (children in a queue 2 s apart), not
                    // someone who came from that side.
                    _dipOtherFirst[zone] = !(_dipOtherFirst[other] && _quietSince[other] >= _dipStart[other])
                        && ((_loudEnd[other] >= first - QuietBeforeMilliseconds && _loudStart[other] <= first)
                        || (_inDip[other] && _dipStart[other] <= first) || _quietSince[other] >= first - OtherDipBeforeMilliseconds);
                }

                return;
            }

            if (sum > _peak[zone])
            {
                _peak[zone] = sum;
            }

            if (sum >= ReleaseSigmas * noise)
            {
                return;
            }

            _inDip[zone] = false;
            _quietSince[zone] = timeMs;
            bool usable = _dipQuietBefore[zone] && timeMs - _dipStart[zone] <= MaxDipMilliseconds;
            _hasDip[zone] = usable;
            _dipUsed[zone] = false;
            _dipEnd[zone] = timeMs;
            if (usable)
            {
                Pair(1 - zone, zone);
            }
        }

        // The dip of zone `second` just ended; the last dip of `first` before it, in walking order, makes a crossing. The
        // second began before the first was over: the footprints meet at the line, so a body crossing it is in both zones'
        // views at once for a moment, and each dip is dated from its window's first reading and ends only when its window has
        // let the body go, so the two overlap by several readings (all but 1 of 588 pairs of walkers on the raster children's
        // seeds overlapped; of pairs of noise dips on a simulated empty floor, 4 in 10 did not).
        private void Pair(int first, int second)
        {
            if (!_hasDip[first] || _dipUsed[first] || _inDip[first] || _dipOtherFirst[first])
            {
                return;
            }

            if (!IsWalkingPair(first, second))
            {
                return;
            }

            _dipUsed[first] = true;
            _dipUsed[second] = true;
            _pending = true;
            _redip = false;
            _pendingFirst = first;
            _pendingStart = _dipStart[first];
            _pendingEnd = _dipEnd[second];
        }

        /// <summary>
        /// True when the last dips of <paramref name="first"/> and <paramref name="second"/> (ended) read as a body walking from
        /// the first zone into the second, as Pair counts one: each usable (quiet before it, no longer than a body takes to
        /// pass a zone), strong enough alone or together, and in walking order.
        /// </summary>
        public bool IsWalkingPair(int first, int second)
        {
            // Each dip's peak in sigmas, both scaled by the product of the zones' sigmas (first's peak / its sigma = a / both).
            int both = _noise[first] * _noise[second];
            int a = _peak[first] * _noise[second];
            int b = _peak[second] * _noise[first];
            if ((a < DipSigmas * both || b < DipSigmas * both) && (a + b < PairSigmas * both
                || _settled[0] < WeakSettleReadings || _settled[1] < WeakSettleReadings))
            {
                return false;
            }

            return _hasDip[first] && _hasDip[second] && _dipStart[first] < _dipStart[second] && _dipEnd[first] <= _dipEnd[second]
                && _dipStart[second] <= _dipEnd[first] && _dipStart[first] >= _dipStart[second] - MaxLeadMilliseconds;
        }
    }
}
