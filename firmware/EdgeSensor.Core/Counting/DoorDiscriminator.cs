using System;

namespace EdgeSensor.Core.Counting
{
    /// <summary>
    /// Tells a door leaf swinging through both zones from a person (docs/counting.md, "Door discrimination"). A pair of targets
    /// is a door when it is higher than any person, when both zones saw it appear at once (a leaf spans both
    /// footprints; a walking person reaches one zone first) or both stopped at once (a leaf swung open and standing still
    /// in both; a walker leaves one zone first: the targets' ends, or their cores' ends with the leaf's fringe read on after
    /// them), when both nearest readings lie in a declared door
    /// band, or when both profiles are flat at the same distance (a rigid edge, not a head and shoulders).
    /// </summary>
    public sealed class DoorDiscriminator
    {
        // A flat profile says "rigid edge" only when seen over several samples nearer than the enter threshold (the core the
        // spread is taken over); a quick walker may give 2-3, and a faint body (a child under a high mount) whose blend just
        // reaches the threshold gives one or two in a long target: one reading has no spread, flat or not.
        private const int MinFlatSamples = 5;

        // Two zones are read alternately, one ranging per timing budget: targets rising in the same read cycle
        // (within SimultaneousBudgetsNumerator/SimultaneousBudgetsDenominator = 1.5 budgets) appeared at once,
        // which a walking person cannot do.
        private const int SimultaneousBudgetsNumerator = 3;
        private const int SimultaneousBudgetsDenominator = 2;

        // Three readings (3.5 budgets): one read cycle of both zones either way round (see CameToRestInReadCycle).
        private const int ThreeReadingsBudgetsNumerator = 7;

        // Three readings of one zone, read every other reading: four readings (4.5 budgets, with the same half budget of slack
        // as ThreeReadingsBudgetsNumerator), the longest a thin plate holds a zone's core (see CoresThinAsEdge).
        private const int ThinCoreBudgetsNumerator = 9;

        // Two of one zone's own readings (every other reading, two budgets apart), less a half budget of slack: 3.5 budgets
        // (see FaceOutlastsCore).
        private const int TwoZoneReadingsBudgetsNumerator = 7;

        // A leaf is rigid: as it comes to rest, the last readings of its core (TargetSummary.CoreEndMs) fall in both zones
        // within CoreEndBudgets budgets (two read cycles) of each other. A person walking out under a leaf standing open
        // has their target in the leaf's zone held open by the leaf's fringe (read low, far short of a body's core), so the
        // two targets may end at once, but their body's core leaves the second zone a step (5 budgets or more) after the first.
        private const int CoreEndBudgets = 4;

        // A leaf closing out of its open position where its level at the zones' edge read too close to the floor to be held as
        // background: both targets rise out of the bare floor, the first readings of the two zones at most FringeOnsetBudgets
        // budgets (two read cycles) apart (the leaf's fringe reaches one zone's enter threshold a reading or two early), while its
        // edge fills both zones at once (the cores begin in one read cycle); 3 budgets apart in 7 of the 8 such closings in the
        // raster door traces examined (2.5-3.0 m, seeds 1..5, 101..105, 301..310). A body's front reaches the second zone a step
        // after the first, even where its core begins in both together (a stroller's hood or a wheelchair's footrest ahead
        // of the head, a tailgater close behind someone): 7 budgets (245 ms) or more among all such pairs of the raster tailgating, inclusive and
        // stroller traces, 2.2, 2.5 and 3.0 m, seeds 301..310.
        private const int FringeOnsetBudgets = 4;

        // A walker's body reaches the second zone a step after the first: their cores (TargetSummary.CoreStartMs) begin
        // StepBudgets budgets (245 ms) or more apart (the tailgating, inclusive and stroller pairs of FringeOnsetBudgets; the
        // walkers under a leaf standing open refused as appearing at once, 2.5-3.0 m, seeds 1..5, 101..105 and 301..310:
        // 245-455 ms), while a leaf that appears in both zones at once fills them together: its cores began within three
        // readings (105 ms) of each other in all 657 such refusals of those door traces but three (175 ms).
        private const int StepBudgets = 7;

        // A brisk walker's pace (mm/s): adults walk 1.2-1.5 m/s, and a chair is pushed at up to 1.6 m/s (see
        // ZoneOccupancyDetector).
        private const int BriskPaceMillimetersPerSecond = 1600;

        private readonly int _maxHeight;
        private readonly int _simultaneous;
        private readonly int _threeReadings;
        private readonly int _thinCore;
        private readonly int _twoZoneReadings;
        private readonly int _coreEndTogether;
        private readonly int _fringeOnset;
        private readonly int _step;
        private readonly int _flatness;
        private readonly int _bandNear;
        private readonly int _bandFar;

        /// <summary>Creates the discriminator from validated settings.</summary>
        public DoorDiscriminator(CounterSettings settings)
        {
            if (settings == null)
            {
                throw new ArgumentNullException(nameof(settings));
            }

            _maxHeight = settings.MaxPersonHeightMillimeters;
            _simultaneous = (settings.TimingBudgetMilliseconds * SimultaneousBudgetsNumerator) / SimultaneousBudgetsDenominator;
            _threeReadings = (settings.TimingBudgetMilliseconds * ThreeReadingsBudgetsNumerator) / SimultaneousBudgetsDenominator;
            _thinCore = (settings.TimingBudgetMilliseconds * ThinCoreBudgetsNumerator) / SimultaneousBudgetsDenominator;
            _twoZoneReadings = (settings.TimingBudgetMilliseconds * TwoZoneReadingsBudgetsNumerator) / SimultaneousBudgetsDenominator;
            _coreEndTogether = settings.TimingBudgetMilliseconds * CoreEndBudgets;
            _fringeOnset = settings.TimingBudgetMilliseconds * FringeOnsetBudgets;
            _step = settings.TimingBudgetMilliseconds * StepBudgets;
            _flatness = settings.DoorFlatnessMillimeters;
            _bandNear = settings.DoorBandNearMillimeters;
            _bandFar = settings.DoorBandFarMillimeters;
        }

        /// <summary>
        /// True when the cores of <paramref name="a"/> and <paramref name="b"/> (<see cref="TargetSummary.CoreStartMs"/>)
        /// began in the same read cycle: a rigid leaf's edge sweeping over the zones fills both at once, while a walker's
        /// body reaches the second zone a step after the first.
        /// </summary>
        public bool CoresBeganTogether(TargetSummary a, TargetSummary b)
        {
            return Within(a.CoreStartMs, b.CoreStartMs, _simultaneous);
        }

        /// <summary>
        /// True when the first readings of <paramref name="a"/> and <paramref name="b"/> came in the same read cycle: both
        /// zones saw the target appear at once, which a walking person cannot do.
        /// </summary>
        public bool AppearedTogether(TargetSummary a, TargetSummary b)
        {
            return Within(a.OnsetMs, b.OnsetMs, _simultaneous);
        }

        /// <summary>
        /// True when the cores of <paramref name="a"/> and <paramref name="b"/> both began, up to one read cycle of both zones
        /// apart either way (3 readings): a leaf's edge reaching both zones at one instant has its two starts read 1 or 3
        /// readings apart, by the read phase it came at.
        /// </summary>
        public bool CoresBeganInReadCycle(TargetSummary a, TargetSummary b)
        {
            return a.CoreStartMs > 0 && b.CoreStartMs > 0 && Within(a.CoreStartMs, b.CoreStartMs, _threeReadings);
        }

        /// <summary>
        /// True when a head whose crown reads <paramref name="distanceMillimeters"/> below the sensor, walking at a brisk pace,
        /// takes longer than three readings to pass from one zone into the other (a zone's length at that distance,
        /// ZoneOccupancyDetector.FootprintMillimeters): only then do cores beginning within three readings tell a rigid edge
        /// filling both zones at once from a walker. A tall walker's crown under a 2.2-2.5 m mount, as near as a leaf's top
        /// edge reads there, has zones about 15 cm long to cross, within a read cycle.
        /// </summary>
        public bool StepOutlastsReadCycle(int distanceMillimeters)
        {
            return ZoneOccupancyDetector.FootprintMillimeters(distanceMillimeters) * 1000 > BriskPaceMillimetersPerSecond * _threeReadings;
        }

        /// <summary>
        /// True when the cores of <paramref name="a"/> and <paramref name="b"/> (<see cref="TargetSummary.CoreStartMs"/>) each span
        /// no more than two of their zone's read intervals (three readings, 140 ms at a 33 ms budget: ThinCoreBudgetsNumerator):
        /// a leaf's top edge, a plate 44 mm thick, holds a zone past half its height only while it passes under the zone's
        /// middle, where a walker brings head and shoulders through, an upper body 25 cm deep or more front to back, which
        /// takes 156 ms at a brisk 1.6 m/s and most often spans three intervals or more (the read phase may trim it). Asked only
        /// of a pair already read as a known leaf's edge in both zones (CrossingStateMachine.ShutsAfterOpen).
        /// </summary>
        public bool CoresThinAsEdge(TargetSummary a, TargetSummary b)
        {
            return a.CoreStartMs > 0 && b.CoreStartMs > 0 && a.CoreEndMs - a.CoreStartMs <= _thinCore && b.CoreEndMs - b.CoreStartMs <= _thinCore;
        }

        /// <summary>
        /// True when <paramref name="target"/> read nearer than the enter threshold for two or more of its zone's readings
        /// both before its core began and after it ended: a door leaf's face, a plane as tall as the door and wider than the
        /// zone, crosses the zone's whole pyramid at every depth below its top edge, and the pyramid widens with depth (0.24 mm
        /// each side per mm down: 600 mm from the axis at the floor under a 2.5 m mount, against 113 mm at the edge 470 mm
        /// down), so every ray beyond the face's line meets it: the face fills a band of the zone's rays, near and so heavily
        /// weighted, for as long as the swing takes to carry it across the wide lower pyramid (at the 1.3 m/s a leaf's outer
        /// part sweeps at, 200-300 ms on either side of its edge's passage under the zone's middle). A tall walker's body below
        /// the crown is a head 20 cm and shoulders 45 cm wide, narrower than the pyramid at their depth, under and around the
        /// crown (an upper body 25 cm deep): the rays it takes ahead of or behind the head are a sliver, and where the head
        /// reads as near and passes as briefly as a leaf's edge the zone reads past the threshold at most one reading on one
        /// side of the core at least. Not a test on its own: a faint child's or a slow body's target often has both.
        /// </summary>
        public bool FaceOutlastsCore(TargetSummary target)
        {
            return ReadAheadOfCore(target) && target.CoreEndMs > 0 && target.EndMs - target.CoreEndMs >= _twoZoneReadings;
        }

        /// <summary>
        /// True when <paramref name="target"/> read nearer than the enter threshold for two or more of its zone's readings before
        /// its core began (see <see cref="FaceOutlastsCore"/>): something low came into the zone's wide lower pyramid well ahead
        /// of what filled it.
        /// </summary>
        public bool ReadAheadOfCore(TargetSummary target)
        {
            return target.CoreStartMs > 0 && target.CoreStartMs - target.StartMs >= _twoZoneReadings;
        }

        /// <summary>
        /// True when the core of <paramref name="first"/> both began and ended before that of <paramref name="second"/>
        /// (each core of several readings), the ends more than <see cref="CoreEndBudgets"/> budgets apart: a body passing from
        /// the first target's zone into the second's, whatever the fringes around the cores did. A rigid leaf comes to rest in
        /// both zones at one instant, and a leaf's edge sweeping the zones (the order a walker goes in) ends its cores there
        /// within that time.
        /// </summary>
        public bool CoresPassedInOrder(TargetSummary first, TargetSummary second)
        {
            return !CoresBeganTogether(first, second) && first.CoreStartMs < second.CoreStartMs && first.CoreEndMs < second.CoreEndMs
                && CoresEndedApart(first, second);
        }

        /// <summary>True when the pair of zone-0 target <paramref name="a"/> and zone-1 target <paramref name="b"/> is a door leaf.</summary>
        public bool IsDoor(TargetSummary a, TargetSummary b)
        {
            if (a.HeightMillimeters > _maxHeight || b.HeightMillimeters > _maxHeight)
            {
                // Higher than any person: the top edge of a door leaf swinging through the view.
                return true;
            }

            int first = TargetSummary.PassedFirst(a, b);
            if (AppearedTogether(a, b) && a.Origin != TargetOrigin.ValleySplit && b.Origin != TargetOrigin.ValleySplit
                && !CoresAStepApart(a, b) && !(first == 0 ? IsConfirmedLate(a, b) : first == 1 && IsConfirmedLate(b, a)))
            {
                // Appeared at once. Not for a valley split: its onset is when a second head was confirmed behind the first
                // in an occupied zone, not when anything appeared (the tail of a long wheelchair splitting off as the next
                // one arrives in the other zone met this by chance). Nor when the cores came a step apart (CoresAStepApart):
                // one target rose on a leaf's fringe ahead of the body. Nor for a faint blend confirmed late (IsConfirmedLate).
                return true;
            }

            if (CoresBeganTogether(a, b) && a.CoreStartMs > 0 && b.CoreStartMs > 0
                && ((RoseOutOfStandingCover(a) && b.Origin == TargetOrigin.Floor) || (RoseOutOfStandingCover(b) && a.Origin == TargetOrigin.Floor)
                    || (a.Origin == TargetOrigin.Floor && b.Origin == TargetOrigin.Floor && Within(a.OnsetMs, b.OnsetMs, _fringeOnset))))
            {
                // A leaf closing out of its open position: it rises out of the level it held, standing, in the zone it stood
                // in (far longer than a queue's gap) and sweeps into the other zone out of the bare floor, its edge filling
                // both in one read cycle (their cores began together), although the first readings of the two targets, on
                // the leaf's fringe, may be a few cycles apart. Or, where that level read too close to the floor to be held, out of
                // the bare floor in both zones, the whole sweep appearing in both within two read cycles (FringeOnsetBudgets).
                return true;
            }

            if (Within(a.EndMs, b.EndMs, _simultaneous) && a.Samples >= MinFlatSamples && b.Samples >= MinFlatSamples
                && !CoresEndedApart(a, b))
            {
                // Both ended in the same read cycle: one rigid surface that stopped moving (a leaf swung fully open,
                // settling into the background of both zones at once). A walker leaves the zones one after the
                // other, by the same lag they entered them with. Both must last several samples: in strong sun a
                // walker's short fragments may end together by chance.
                return true;
            }

            if (CameToRest(a, b))
            {
                // Their cores ended in one read cycle while each target went on past its core: a leaf that swung open
                // and stopped, standing, where its fringe still reads (see CameToRest).
                return true;
            }

            if (_bandFar > 0 && InBand(a.NearestMillimeters) && InBand(b.NearestMillimeters))
            {
                return true;
            }

            return _flatness > 0 && AreFlatAtSameDistance(a, b);
        }

        /// <summary>
        /// True when the cores of <paramref name="a"/> and <paramref name="b"/> (each of several readings) ended in the same read
        /// cycle and each target went on past its core's end: a rigid leaf, swung open, stops at one instant in both zones
        /// and stays where it stopped, its fringe still read at the zones' edge. The targets' own ends may then be a second
        /// apart (each zone lets go of the fringe in its own time), and the leaf sweeps the zones in a walker's order, so
        /// neither the ends nor the order tell it from a walker going out. Its cores ended one reading apart (35 ms) in the 240
        /// leaf openings so refused in the raster door traces examined (2.5-3.0 m, seeds 1..5, 101..105 and 301..310), while a
        /// walker's body leaves the second zone a step after the first: their cores ended three readings (105 ms) apart or
        /// more in all 1 415 walkers' pairs of the same traces. A target whose core ran to its very end was cut off there, not
        /// come to rest: a tailgater's body split off at a valley by the one behind, and so the only pairs of a wheelchair user
        /// and of a stroller whose cores met the read cycle by chance (raster, seeds 1..5).
        /// </summary>
        public bool CameToRest(TargetSummary a, TargetSummary b)
        {
            return CameToRestWithin(a, b, _simultaneous, MinFlatSamples);
        }

        /// <summary>
        /// <see cref="CameToRest"/> with the cores' ends up to one read cycle of both zones apart either way (3 readings): a
        /// leaf stopping at one instant has its two ends read 1 or 3 readings apart, by the read phase it stopped at. Asked only
        /// of a pair already read as a known leaf's edge in both zones (CrossingStateMachine.OpensAfterShut), so a core of two
        /// readings dates its end: the edge fills the outside zone only for the last few hundred ms of its swing (5 or 6
        /// readings, 4 at some read phases), a short core there being no fringe's noise.
        /// </summary>
        public bool CameToRestInReadCycle(TargetSummary a, TargetSummary b)
        {
            return CameToRestWithin(a, b, _threeReadings, 2);
        }

        private bool CameToRestWithin(TargetSummary a, TargetSummary b, int bound, int minCore)
        {
            return a.CoreSamples >= minCore && b.CoreSamples >= minCore && a.CoreEndMs > 0 && b.CoreEndMs > 0
                && a.CoreEndMs < a.EndMs && b.CoreEndMs < b.EndMs && Within(a.CoreEndMs, b.CoreEndMs, bound);
        }

        /// <summary>
        /// True when one target's core began StepBudgets or more after the other's and also ended after it, the ends more than
        /// CoreEndBudgets apart (each core of several readings): a body that reached one zone and then the other, whatever
        /// the fringe around the cores did. A walker under a leaf standing open at the zones' edge may have their target in
        /// the leaf's zone rise on the leaf's fringe, read around the enter threshold, a step before their body came, so that
        /// the two targets' first readings fall in one read cycle; their cores do not.
        /// </summary>
        public bool CoresAStepApart(TargetSummary a, TargetSummary b)
        {
            if (a.CoreStartMs == 0 || b.CoreStartMs == 0)
            {
                return false;
            }

            TargetSummary first = a.CoreStartMs <= b.CoreStartMs ? a : b;
            TargetSummary second = a.CoreStartMs <= b.CoreStartMs ? b : a;
            return second.CoreStartMs - first.CoreStartMs >= _step && first.CoreEndMs < second.CoreEndMs && CoresEndedApart(first, second);
        }

        // True when faint, passed first, is a faint blend (out of the floor, no reading past the enter threshold, found by the
        // weak-dip test alone) whose own start came a read cycle or more before the other's onset: the weak-dip test confirms
        // such a target only once a window of its readings has dipped deep enough, several readings after the body came (a
        // child under a high mount), so a child who reached the other zone a step later had that zone's target begin in the
        // very read cycle this one was confirmed in. A leaf's edge fills both zones at once, past the threshold. The other
        // zone must have read a body past the threshold more than once (no body passes a zone in one reading: a faint dip
        // met by one reading is the floor's noise), and the pair passed in walking order (both starts and ends).
        private bool IsConfirmedLate(TargetSummary faint, TargetSummary other)
        {
            return faint.CoreSamples == 0 && faint.Origin == TargetOrigin.Floor && other.CoreSamples > 1
                && !Within(faint.StartMs, other.OnsetMs, _simultaneous);
        }

        // True when two instants, one per zone, came no more than bound apart, either way round.
        private static bool Within(long aMs, long bMs, long bound)
        {
            return Magnitude.Within(bMs - aMs, bound);
        }

        // True when the cores of a and b ended more than CoreEndBudgets apart: a body leaving one zone after the other, not a
        // leaf coming to rest. Only for cores of several readings (a core of a few readings is a fringe's noise, its end timed
        // by chance) whose ends are known.
        private bool CoresEndedApart(TargetSummary a, TargetSummary b)
        {
            if (a.CoreEndMs == 0 || b.CoreEndMs == 0 || a.CoreSamples < MinFlatSamples || b.CoreSamples < MinFlatSamples)
            {
                return false;
            }

            // A part cut off a longer target (TwoBodySpan) keeps that target's core end: no later than the part's own end.
            long lag = (b.CoreEndMs < b.EndMs ? b.CoreEndMs : b.EndMs) - (a.CoreEndMs < a.EndMs ? a.CoreEndMs : a.EndMs);
            return Magnitude.Of(lag) > _coreEndTogether;
        }

        // True when target rose out of a still level its zone had held longer than the gap a queue leaves behind the person
        // ahead (MergedPair.StartsWithWalkIn), or for an unknown time: a cover standing there, such as a door leaf open.
        private static bool RoseOutOfStandingCover(TargetSummary target)
        {
            return target.Origin == TargetOrigin.Background && !MergedPair.StartsWithWalkIn(target);
        }

        private bool AreFlatAtSameDistance(TargetSummary a, TargetSummary b)
        {
            if (a.CoreSamples < MinFlatSamples || b.CoreSamples < MinFlatSamples)
            {
                return false;
            }

            int spreadA = a.FarthestCoreMillimeters - a.NearestMillimeters;
            int spreadB = b.FarthestCoreMillimeters - b.NearestMillimeters;
            int diff = a.NearestMillimeters - b.NearestMillimeters;
            if (diff < 0)
            {
                diff = -diff;
            }

            return spreadA <= _flatness && spreadB <= _flatness && diff <= _flatness;
        }

        private bool InBand(int distance)
        {
            return distance >= _bandNear && distance <= _bandFar;
        }
    }
}
