namespace EdgeSensor.Core.Counting
{
    // A door leaf the door rules refused, swinging on into the next pair.
    public sealed partial class CrossingStateMachine
    {
        // A leaf's edge read twice in one swing reads as near within this (ranging noise of 20-60 mm at 2.2-3.0 m, twice);
        // a head differs from the top edge of a door (2030 mm or more up) by more, but for the tallest few.
        private const int LeafEdgeMatchMillimeters = 100;

        // A door leaf's top edge is at least this high (ADA 404.2.3: 80 in clear height; EN and national codes similar).
        private const int LeafTopMinMillimeters = 2032;

        // A leaf's top edge filling part of a zone reads as the photon-weighted mean of the edge and the floor (docs/simulator.md,
        // Coverage models), the edge's share of the return set by how many of the zone's SPADs its top covers: its thickness
        // (LeafThicknessMillimeters) over one SPAD's view at the edge's distance (27 deg over 16 SPADs: SpadPitchPerMeter mm
        // per m), give or take half a SPAD by where the top lies on the grid at the read. 1.75 in (44 mm) is the standard
        // commercial door leaf (ANSI/SDI A250.8; wood doors alike).
        private const int LeafThicknessMillimeters = 44;
        private const int SpadPitchPerMeter = 29;

        // An automatic door that began to close reverses at once when its sensor sees someone on the way: the leaf stops and
        // swings back open within this of the door rules refusing its closing (385-1120 ms in the raster door traces examined);
        // a walker right behind a leaf opening comes within it too (0.9-1.3 s).
        private const int LeafReverseMs = 1500;

        // The pair a (zone 0) and b (zone 1) refused as a leaf: a leaf on the move swung shut when it reached the outside
        // zone first, or both in one read cycle (see OpensAfterShut): leaving its open position along the walking line at the
        // zones' side, its edge comes into both at one instant, the read phase deciding which reads it first, unless the
        // open leaf held a level in the outside zone to rise out of. A leaf opening from shut sweeps the inside zone first.
        private void RememberLeaf(TargetSummary a, TargetSummary b, bool atRest)
        {
            RememberLeaf(0, a, atRest);
            RememberLeaf(1, b, atRest);
            if (!atRest)
            {
                _leafClosing = SwingsShut(a, b);
            }
        }

        // True when a (zone 0) and b (zone 1), refused as a leaf, went the way a leaf swings shut: the outside zone first, or
        // both in one read cycle (see RememberLeaf). A leaf swinging shut stops too, out of view, its cores ending together
        // as an opening's do; only one going the way it opens (the inside zone first) comes to rest standing open.
        private bool SwingsShut(TargetSummary a, TargetSummary b)
        {
            return a.StartMs < b.StartMs || _door.AppearedTogether(a, b);
        }

        private void RememberLeaf(int zone, TargetSummary target, bool atRest)
        {
            if (atRest)
            {
                _restEndMs[zone] = target.EndMs;
                _restEpisode[zone] = target.Episode;
                _restNearestMm[zone] = target.NearestMillimeters;
                return;
            }

            _leafEndMs[zone] = target.EndMs;
            _leafEpisode[zone] = target.Episode;
            _leafNearestMm[zone] = target.NearestMillimeters;
            _leafRoseOutOfLevel[zone] = target.Origin == TargetOrigin.Background;
        }

        // True when a (zone 0) and b (zone 1) are the first targets in both zones since the leaf the door rules last refused
        // swung shut (zone 0 first, out of its open position; none at rest since), went the way a leaf opens (zone 1 first),
        // read as near as that leaf's edge did in each zone (LeafEdgeReadAgainMillimeters: one rigid edge, read again) and came to
        // rest in one read cycle (DoorDiscriminator.CameToRestInReadCycle): an automatic door that shut must open before
        // anyone can pass, so this is its leaf opening, whatever read phase its ends fell on. Someone going out with the leaf
        // refused on its own reads at their head's height.
        private bool OpensAfterShut(TargetSummary a, TargetSummary b)
        {
            return SwungShutSinceRest() && a.Episode == _leafEpisode[0] + 1 && b.Episode == _leafEpisode[1] + 1
                && b.StartMs < a.StartMs
                && (Magnitude.Within(a.NearestMillimeters - _leafNearestMm[0], LeafEdgeReadAgainMillimeters(a, _leafNearestMm[0]))
                    || ReadsTipOutside(a, b))
                && Magnitude.Within(b.NearestMillimeters - _leafNearestMm[1], LeafEdgeReadAgainMillimeters(b, _leafNearestMm[1]))
                && _door.CameToRestInReadCycle(a, b);
        }

        // A leaf opening sweeps the inside zone first and fills it until it stops: a core of several readings there, as a flat
        // edge's (5, DoorDiscriminator.MinFlatSamples); it fills the outside zone only over the last 200-400 ms of its swing,
        // read every two budgets: 3-6 readings by read phase (raster door openings at 3.0 m, seeds 101..105, 301..310). A core of
        // two is a faint body's or a fringe's, its end timed by chance.
        private const int OpeningInsideCoreSamples = 5;
        private const int OpeningOutsideCoreSamples = 3;

        // True when a (zone 0) and b (zone 1) come while no leaf has been refused since boot (none remembered in either zone), went
        // the way a leaf opens (zone 1 first, its cores of a leaf's readings: OpeningInsideCoreSamples), read farther in the
        // outside zone than in the inside one by more than the ranging noise (the open leaf covers more of the inside zone; a
        // head is one crown in both) or, where both read its edge alike (under 2.5 m, 600 mm down), had its face read in the
        // inside zone around its edge's core (OpeningFaceRead: raster 2.5 m seed 1411 at 10.1-10.7 s), came
        // to rest in one read cycle (DoorDiscriminator.CameToRestInReadCycle) and read no farther than a leaf's top edge can
        // (ReadsAsLeafTop): an automatic door starts shut, so the first leaf it shows is an opening, with no edge remembered to
        // match (OpensAfterShut), and was counted as an exit (raster 3.0 m seed 1422 at 29.6 s; 2.8 m seeds 1415 at 13.4 s and
        // 1453 at 31.7 s, whose leaf reads 1 090-1 120 mm inside, 150-250 mm farther outside).
        private bool OpensFirstSinceBoot(TargetSummary a, TargetSummary b)
        {
            return _leafEpisode[0] < 0 && _leafEpisode[1] < 0 && _restEpisode[0] < 0 && _restEpisode[1] < 0 && b.StartMs < a.StartMs
                && (a.NearestMillimeters - b.NearestMillimeters > LeafEdgeMatchMillimeters || OpeningFaceRead(a, b))
                && a.CoreSamples >= OpeningOutsideCoreSamples && b.CoreSamples >= OpeningInsideCoreSamples
                && _door.CameToRestInReadCycle(a, b) && ReadsAsLeafTop(b);
        }

        // True when b (zone 1) read the leaf's face around its edge's core (DoorDiscriminator.FaceOutlastsCore), a (zone 0) read
        // nothing ahead of its core (DoorDiscriminator.ReadAheadOfCore) and did not appear in the same read cycle. The opening
        // leaf lies across the inside zone's whole pyramid, but reaches the outside zone only with its last 200 mm, the tip,
        // at the end of its swing, where the pyramid's lower part beyond the tip holds no face to read ahead of the edge; a
        // stroller's pram or a wheelchair's footrest goes through the outside zone ahead of the head as through the inside
        // one (raster inclusive-stroller 2.5 m seed 1440 at 234.1 s: 630 ms ahead there). And an opening leaf sweeps the
        // inside zone a few readings before its tip reaches the outside one, while a leaf swinging shut out of its open
        // position at the zones' side comes into both at one instant (DoorDiscriminator.AppearedTogether), the inside zone
        // read first only by the read phase, its face lingering as long.
        private bool OpeningFaceRead(TargetSummary a, TargetSummary b)
        {
            return _door.FaceOutlastsCore(b) && !_door.ReadAheadOfCore(a) && !_door.AppearedTogether(a, b);
        }

        // A zone's reading is the signal-weighted mean range of its 8 x 16 rays, each ray's signal falling with the square of
        // its range (a surface filling the ray's view: docs/simulator.md, Coverage models). A leaf crossing the zone lies
        // across at least one row of its rays, so its top edge (LeafTopMinMillimeters up) takes at least LeafTopRays of
        // ZoneRays, each outweighing a floor ray by (floor / edge)^2.
        private const int LeafTopRays = 8;
        private const int ZoneRays = 128;

        // True when target reads no farther than a door leaf's top edge can through that blend: the edge e below the sensor
        // over the zone's floor F (target's nearest reading and height) reads at most F - s(F - e), with the edge's share
        // s = n w / (n w + (N - n)), w = (F / e)^2, n = LeafTopRays, N = ZoneRays: 330 mm under a 2.2 m mount (the edge, 0.17 m
        // away, fills the zone), 1.17 m under 2.5 m, 1.85 m under 2.8 m, 2.2 m under 3.0 m. A child reading 1 m under a 2.2 m
        // mount is no leaf, whatever the zones' difference.
        private static bool ReadsAsLeafTop(TargetSummary target)
        {
            long floor = target.NearestMillimeters + target.HeightMillimeters;
            long edge = floor - LeafTopMinMillimeters;
            if (edge <= 0)
            {
                return false;
            }

            long weighted = LeafTopRays * floor * floor;
            long farthest = floor - (weighted * (floor - edge)) / (weighted + (ZoneRays - LeafTopRays) * edge * edge);
            return target.NearestMillimeters <= farthest;
        }

        // True when a (zone 0) reads farther than the leaf's edge remembered there and than b (zone 1) by more than the ranging
        // noise, yet no farther than a leaf's top can (ReadsAsLeafTop): the opening leaf's tip reaches the outside zone, the one
        // farther from the hinge, only at the end of its swing, its top covering part of that zone for a reading or two, so the
        // read phase decides how near the zone reads it (raster 2.5 m seed 1434 at 285.0 s: 786 mm against 600 mm remembered,
        // the inside zone 567 against 593).
        private bool ReadsTipOutside(TargetSummary a, TargetSummary b)
        {
            return a.NearestMillimeters > _leafNearestMm[0] && a.NearestMillimeters - b.NearestMillimeters > LeafEdgeMatchMillimeters && ReadsAsLeafTop(a);
        }

        // How far (mm) target's nearest reading may lie from leafMillimeters, a leaf's edge read before in its zone, and still
        // be that edge: the ranging noise (LeafEdgeMatchMillimeters) and what a change of the edge's share of the zone's return
        // moves that reading, a blend of the edge (LeafTopMinMillimeters up, e from the sensor) and the zone's floor (F, from
        // target's nearest reading and height): a share s reads r = s*e + (1-s)*F, so ds/s moves it by
        // (F - r)(r - e)/(F - e) * ds/s, and half a SPAD of a top LeafThicknessMillimeters thick is ds/s = pitch/(2*thickness)
        // (see SpadPitchPerMeter), taken at the remembered reading, the one known to be an edge (the new may be a head). Under 2.2 m
        // the edge, 0.17 m away, fills the zone and its top spans ten SPADs: nothing more; under 2.5 m about 20 mm more; 1 m
        // below a 3.0 m mount the top spans under two SPADs and a leaf reading about halfway to the floor 100-160 mm more,
        // while the same leaf's nearest reading differs by up to 150 mm from one swing to the next.
        private static int LeafEdgeReadAgainMillimeters(TargetSummary target, int leafMillimeters)
        {
            int floor = target.NearestMillimeters + target.HeightMillimeters;
            int edge = floor - LeafTopMinMillimeters;
            int fromEdge = leafMillimeters - edge;
            int fromFloor = floor - leafMillimeters;
            if (edge <= 0 || fromEdge <= 0 || fromFloor <= 0)
            {
                return LeafEdgeMatchMillimeters;
            }

            int perShare = (fromEdge * fromFloor) / LeafTopMinMillimeters;
            return LeafEdgeMatchMillimeters + (perShare * edge * SpadPitchPerMeter) / (1000 * 2 * LeafThicknessMillimeters);
        }

        // True when a (zone 0) and b (zone 1) went the way a leaf swings shut (zone 0 first), each reading as near as the leaf the
        // door rules last refused as come to rest did in its zone (LeafEdgeMatchMillimeters), their cores beginning in one read
        // cycle (DoorDiscriminator.CoresBeganInReadCycle), and no leaf reading that edge refused swinging shut since: an
        // automatic door that opened must close before it opens again, its leaf swinging shut along the path it opened on, one
        // rigid edge filling both zones at one instant, 1 or 3 readings apart by read phase. Its fringe at the zones' edge may
        // rise in zone 0 well before the edge, which the closing rules (first readings together) refused it by. A walker under
        // the leaf standing open reaches the second zone a step (7 readings) after the first, where a head at that edge's
        // distance takes longer than three readings to do so (DoorDiscriminator.StepOutlastsReadCycle). Under a low mount, where a
        // tall head as near as the edge crosses both zones within a read cycle, the edge still passes each zone as a thin plate
        // (DoorDiscriminator.CoresThinAsEdge), where a head brings its shoulders through after it: counted as an entry, that
        // closing left the door remembered open and its next opening was counted as an exit too (raster 2.5 m seed 1469 at 152.1 s).
        private bool ShutsAfterOpen(TargetSummary a, TargetSummary b)
        {
            bool shut = SwungShutSinceRest() && Magnitude.Within(_leafNearestMm[0] - _restNearestMm[0], LeafEdgeMatchMillimeters);
            return !shut && _restEpisode[0] >= 0 && _restEpisode[1] >= 0 && a.StartMs < b.StartMs && a.StartMs > _restEndMs[0]
                && Magnitude.Within(a.NearestMillimeters - _restNearestMm[0], LeafEdgeMatchMillimeters)
                && Magnitude.Within(b.NearestMillimeters - _restNearestMm[1], LeafEdgeMatchMillimeters) && _door.CoresBeganInReadCycle(a, b)
                && (_door.StepOutlastsReadCycle(b.NearestMillimeters < a.NearestMillimeters ? b.NearestMillimeters : a.NearestMillimeters)
                    || _door.CoresThinAsEdge(a, b));
        }

        // True when the leaf the door rules last refused swung shut (zone 0 first) after the last one they refused as come
        // to rest: the door has shut since it last stood open.
        private bool SwungShutSinceRest()
        {
            return _leafClosing && _leafEndMs[0] > _restEndMs[0];
        }

        // True when a still level levelMillimeters away in zone, the held crossing's destination, is the leaf the door rules
        // last refused there as come to rest (DoorDiscriminator.CameToRest; none refused as swinging since): a leaf stays where
        // it stopped, standing open at the doorway's side where only the zone's outermost rays reach it, low down
        // (LeafLevelMaxHeightMillimeters), and the zone falls back to it once the walker has gone on under it. Taken for
        // the walker standing past the line, it kept the crossing waiting until the leaf swung shut, seconds late.
        private bool IsRestingLeafLevel(int zone, int levelMillimeters)
        {
            return RestedBy(zone, _held.DestinationTargetEndMs) && levelMillimeters > 0 && _held.DestinationFloorMillimeters - levelMillimeters < LeafLevelMaxHeightMillimeters;
        }

        // True when the leaf the door rules refused last in zone was one come to rest (none refused as swinging since), by timeMs.
        private bool RestedBy(int zone, long timeMs)
        {
            return _restEpisode[zone] >= 0 && _restEndMs[zone] > _leafEndMs[zone] && _restEndMs[zone] <= timeMs;
        }

        // True when target, of zone, rose after the leaf the door rules last refused there came to rest (none refused as swinging
        // since) and reads nowhere near as near as that leaf's edge did (LeafEdgeMatchMillimeters): a leaf at rest swings open
        // again only once it has shut, and then shows the same rigid edge, so what came under the leaf standing open and
        // stopped in the zone as its sweep would is someone walking under it, whose target ends on the leaf's level.
        private bool IsUnderRestingLeaf(int zone, TargetSummary target)
        {
            return LeafEdgeGap(zone, target, true) > LeafEdgeMatchMillimeters;
        }

        // True when a and b each read as near as the leaf at rest in their zone did (within LeafEdgeMatchMillimeters, see
        // LeafEdgeGap): the leaf swinging shut out of its rest (or open again), one rigid edge read again in both zones. A
        // walker under the leaf standing open reads at their head's height, and a tall one's head, as near as the leaf's edge,
        // reaches the second zone a step after the first (DoorDiscriminator.CoresAStepApart), while the leaf's edge fills both
        // within a read cycle or two. The same holds once the door rules refused that leaf on the move: a pair reading as
        // near as both the rested leaf's edge and the moving one's in each zone is the leaf again, with two differences
        // within LeafReverseMs of that refusal. If the leaf refused was closing (a target rose out of the level it held at
        // rest), this is the door reversing for someone on the way, its leaf crossing the zones out of a standstill as
        // slowly as a walker, so the cores may come a step apart; if it was opening, this is someone walking in right behind
        // it (under a 2.5 m mount a tall head reads as near as the leaf's edge), not the leaf. And one of the two rose out of
        // the leaf standing in its zone (RoseOutOfLeaf): a walker's pair that merely reads at the heights a leaf's edge did,
        // in a doorway without a door, does not. Its sweep came out in a walker's order where its fringe or its level held
        // one zone before its edge came, and was counted.
        private bool IsKnownLeafMoving(TargetSummary a, TargetSummary b)
        {
            bool step = _door.CoresAStepApart(a, b);
            bool reverses = a.StartMs - _leafEndMs[0] <= LeafReverseMs;
            return ((ReadsLeafEdges(a, b, true) && !step)
                    || (ReadsLeafEdges(a, b, false) && (reverses ? _leafRoseOutOfLevel[0] || _leafRoseOutOfLevel[1] : !step)))
                && (RoseOutOfLeaf(a) || RoseOutOfLeaf(b));
        }

        // True when a and b each read within LeafEdgeMatchMillimeters of the edge the leaf remembered (at rest, or on the move)
        // showed in their zone.
        private bool ReadsLeafEdges(TargetSummary a, TargetSummary b, bool atRest)
        {
            int gapA = LeafEdgeGap(0, a, atRest);
            int gapB = LeafEdgeGap(1, b, atRest);
            return gapA >= 0 && gapA <= LeafEdgeMatchMillimeters && gapB >= 0 && gapB <= LeafEdgeMatchMillimeters;
        }

        // True when target rose out of what stood in its zone before its edge came: a still level held as background, or a
        // fringe that read under half the target's height when the other zone's target rose.
        private static bool RoseOutOfLeaf(TargetSummary target)
        {
            int floor = target.NearestMillimeters + target.HeightMillimeters;
            return target.Origin == TargetOrigin.Background
                || (target.NearestWhenOtherRoseMillimeters > 0 && (floor - target.NearestWhenOtherRoseMillimeters) * 2 < target.HeightMillimeters);
        }

        // How far (mm) target's nearest reading lies from the edge of the leaf at rest in zone when it rose (see RestedBy); -1
        // when no leaf stood at rest there. When atRest is false, the leaf refused there on the move since it came to rest:
        // the farther of target's gaps to that leaf's edge and to the resting leaf's (one leaf, swung from its rest).
        private int LeafEdgeGap(int zone, TargetSummary target, bool atRest)
        {
            int gap = Magnitude.Of(target.NearestMillimeters - _restNearestMm[zone]);
            int swung = Magnitude.Of(target.NearestMillimeters - _leafNearestMm[zone]);
            if (atRest)
            {
                return RestedBy(zone, target.StartMs) ? gap : -1;
            }

            return _restEpisode[zone] < 0 || _leafEndMs[zone] < _restEndMs[zone] || _leafEndMs[zone] > target.StartMs ? -1 : swung > gap ? swung : gap;
        }

        // True when target, of zone, split off at a valley the target of a leaf the door rules refused as come to rest
        // (DoorDiscriminator.CameToRest), at the very sample that one ended (one presence, the zone never cleared): someone
        // walking in under the leaf standing open, whose head rose out of the leaf's fringe there, as one rises out of the
        // leaf's level where the zone holds it as its background. The leaf, at rest, does not swing on.
        private bool SplitOffRestingLeaf(int zone, TargetSummary target)
        {
            return target.Origin == TargetOrigin.ValleySplit && target.Episode == _restEpisode[zone] && target.StartMs == _restEndMs[zone];
        }

        // True when originTarget, the origin side of a pair, is the door leaf the door rules refused just before swinging on:
        // it split off that leaf's target in its zone at a valley at the very sample that one ended (one presence, the zone
        // never cleared) and reads as near as it did, within LeafEdgeMatchMillimeters (one rigid edge, read again). An
        // automatic door that starts to close (the leaf leaves its open position filling both zones at once, refused as a
        // leaf) and opens again for someone still metres away swings back the way it opens, over the zones one after the
        // other like a walker, and was counted. A person reaching the zone while the leaf moves comes a swing later and rises
        // with a head of their own, not the leaf's edge.
        private bool SwingsOn(int originZone, TargetSummary originTarget)
        {
            int gap = originTarget.NearestMillimeters - _leafNearestMm[originZone];
            return originTarget.Origin == TargetOrigin.ValleySplit && originTarget.Episode == _leafEpisode[originZone]
                && originTarget.StartMs == _leafEndMs[originZone] && Magnitude.Within(gap, LeafEdgeMatchMillimeters);
        }
    }
}
