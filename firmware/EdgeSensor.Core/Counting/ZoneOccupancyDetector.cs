using System;

namespace EdgeSensor.Core.Counting
{
    /// <summary>
    /// Turns one zone's filtered distances into targets (docs/counting.md, "Zone targets").
    /// <list type="bullet">
    /// <item>Hysteresis against the floor: occupied when nearer than baseline - enter delta, empty again when farther
    /// than baseline - exit delta (exit delta = 2/3 of enter delta), so noise at the threshold cannot chatter.</item>
    /// <item>Valley split: two people close behind each other may never let the zone see the floor, but the nearest
    /// surface rises between their heads and falls again at the second head. A rise of at least <c>splitDepth</c>
    /// above the target's nearest reading followed by a fall (at least a third of <c>splitDepth</c> and clear of
    /// the noise) ends the first target at the valley's top and starts a second one there. One person's outline
    /// (head, shoulders, then the side of the body) only rises on the way out, so it is never split. A brief valley
    /// behind a walker's head (off the head and back within a couple of samples) needs only half the depth: at higher
    /// mounts the gap between close followers shows for a sample or two and shallower.</item>
    /// <item>Background: when a target settles on a still level well above its nearest point (a door leaf standing
    /// open in view), the target ends where the level began and the zone holds that level as its background;
    /// a new target is a drop below the background, and it ends when the distance returns to it.</item>
    /// <item>Weak dips: a zone reports a blend of all it sees, so a child who covers little of a zone mounted high reads
    /// only a few sigma of the floor noise nearer than the floor, under the single-reading threshold. Three
    /// consecutive readings that average at least the weak depth below the floor open a target too, and so do six that
    /// average 0.7 of it below the level the zone read before them (a fainter body seen for longer), but only out of a
    /// quiet floor: no target for a while and the recent level at the floor, so that the fading tail of a body that
    /// just left or a leaf standing at the footprint's edge (a level that stays) never builds one. Such a target ends
    /// when the readings are back near the floor, unless it deepened into an ordinary target.</item>
    /// </list>
    /// </summary>
    public sealed partial class ZoneOccupancyDetector
    {
        // A level held this long (ms) within the noise band is a still surface, not a person moving through.
        internal const int PlateauMilliseconds = 800;

        // ... and only a level this far (mm) above the target's nearest point: a door leaf standing open is seen low
        // at the edge of the view (~1.8 m away) after its top (~0.4 m) passed; a person standing still is not.
        private const int PlateauRiseMillimeters = 500;

        // A body level held this long (ms) before it is left is someone who stopped, not the gap behind a walker: a walker
        // passes a zone's footprint in under a second, and the level a valley split leaves between two close followers
        // lasts only until the second one's head; a loiterer stands for seconds.
        private const int StanderMilliseconds = 2000;

        // The split depth setting is tuned for a floor 2.4 m below the sensor (the default mount height). Higher up,
        // each zone's footprint is wider and the gap between two people shows less, so the depth shrinks in
        // proportion, but never below 1/MinSplitDepthDivisor of the setting (tuned on the simulator).
        private const int SplitDepthReferenceFloorMillimeters = 2400;

        private const int MinSplitDepthDivisor = 2;

        // ... and only behind a walker's head: the first target at least this high above the floor. A pushed object
        // (a stroller's hood and handle, 0.8-1.25 m on tall models; a wheelchair's push handles, ~0.93 m) is followed
        // closely by its pusher with a short gap between them; that pair is the pairing stage's to join (its
        // pushed-object rule), and only the full split depth separates it. 1300 mm is above those objects and below
        // nearly every adult's head (the 1st percentile of women's stature is about 1.45 m, CDC NHANES).
        private const int BriefValleyMinHeadMillimeters = 1300;

        // Step between two heads: where a zone reports the highest surface anywhere in it, a mount high enough that its
        // footprint holds some of both people shows no valley between close followers: the reading holds the first
        // head's level, then switches to the second head's, nearer or farther. A head here is a level held within the
        // noise band for at least StepPlateauSamples samples (~0.28 s; a walker's head stays 0.3 s or more in a zone),
        // at most MaxHeadMilliseconds (a walker's head crosses a zone's footprint, under 0.5 m at head height up to
        // 3.2 m, plus the head's 0.2 m, in under a second; a standing person's stays), at least
        // BriefValleyMinHeadMillimeters above the floor. Two such levels make two people when:
        // - the switch is abrupt, at most one sample between them: the reading changes head as soon as the first leaves
        //   or the second arrives, while a person leaning or bending moves the nearest surface in a ramp over many samples;
        // - each level is flat against the step (its spread at most 1/StepFlatnessDivisor of the step), again not a ramp;
        // - a farther second level is at most MaxHeadStepMillimeters away: the top of the shoulders lies about a head's
        //   height (~0.13 of the stature) below the crown, 200 mm or more for anyone whose shoulders clear that height
        //   (stature above ~1.53 m); a backpack is lower still. A nearer second level may be any step: one person's
        //   shoulders and backpack follow their head, farther, and what leads it (the shoulders' front edge) is a few
        //   centimetres, never a level held as long as a head (two adults' statures differ by up to ~0.5 m);
        // - or a farther second level, up to MaxSecondHeadStepMillimeters (two standing heads both at least
        //   BriefValleyMinHeadMillimeters up differ by less), held at least as many readings as the head before it: the head
        //   is the only level seen for the zone's length plus the head's own, while shoulders or a backpack behind it are
        //   seen alone only for the few centimetres they reach beyond the head, a fraction of that. Held as long, it is a
        //   second, shorter person right behind (a dense queue, where the zone never sees the floor between them);
        // - the second level ended too within MaxHeadMilliseconds: a standing person whose head is at the footprint's edge
        //   shows the side of the head, any level between crown and shoulders, for as long as they stand. So the split
        //   is decided when the second level ends, and dated back to where it began.
        internal const int StepPlateauSamples = 4;

        private const int StepFlatnessDivisor = 2;

        internal const int MaxHeadMilliseconds = 1000;

        private const int MaxHeadStepMillimeters = 200;

        private const int MaxSecondHeadStepMillimeters = 500;

        private const int MaxStepGapSamples = 2;

        // Step from a child's head to a taller follower's: a child (0.9-1.6 m) walking right ahead of an adult holds a
        // level like a walker's head, often below BriefValleyMinHeadMillimeters (and a tall child's just above it, where the
        // head-step split still needs a switch within MaxStepGapSamples), and the adult's head, standing 0.3 m or
        // more taller, comes in as a ramp, not a switch: the highest surface in the zone climbs the follower's chest,
        // shoulders and crown as they enter (~0.2 m of body at a walker's 0.8 m/s or more: up to four samples). A level
        // held like a head (StepPlateauSamples, under VehiclePassMilliseconds) at least LowHeadMinMillimeters above the floor
        // stands taller than anything pushed (a stroller's hood and handle, a wheelchair's push handles: at most ~1.15 m),
        // and one person's outline only falls away behind the head, so a level at least TallerFollowerRiseMillimeters
        // nearer after it, reached within MaxRampGapSamples, is a second, taller person. Lower levels are left to the
        // pairing stage's pushed-object rule. A pushed stroller's handle with the pusher's forearms on it can reach that
        // height too, but a stroller and the reach to its handle (at least ~0.95 m along the path) hold a zone at least
        // VehiclePassMilliseconds at a pushing pace of 1.4 m/s or less, while a child's head (its footprint at head height
        // plus ~0.15 m) passes sooner, and sooner still when the follower cuts it short: so a low head is a level held
        // less long than that.
        private const int LowHeadMinMillimeters = 1150;

        private const int VehiclePassMilliseconds = 680;

        // A stroller's hood stands 0.75 m or more above the floor (pushchair canopies about 1.0-1.1 m, folded seat
        // backs 0.8-1.0 m: docs/simulator.md); a seated person's knees (~0.6 m) and a wheelchair's footrest stand
        // lower.
        private const int VehicleHoodMinMillimeters = 700;

        private const int TallerFollowerRiseMillimeters = 300;

        // A child walking on their own (about 3 years and older) stands 0.95 m and taller (CDC growth charts): the lowest
        // level a shorter follower hidden behind a valley's level may hold (see StartValleyBackground).
        private const int HiddenChildMinMillimeters = 950;

        // A low head shorter than LowHeadMinMillimeters, or held a vehicle's pass, may be a stroller's hood as well as a
        // child's head: hoods stand 0.8-1.1 m high, and a slow child (0.5-0.9 m/s in a queue) holds a zone as long as a
        // stroller. What tells them apart is length along the path. A stroller's hood front stands the stroller's length
        // (0.7 m or more) plus the reach back to its handle (0.25 m or more) ahead of the pusher's chest, so 0.8 m or more
        // ahead of the pusher's head; a child walking right ahead of someone is one body deep (0.15-0.2 m) plus the gap
        // between them. The follower's own head gives the pace: the crown holds the zone's nearest reading within its noise
        // band for the zone's length at that distance (SlopeNumerator/SlopeDenominator of it: tan 13.5 deg, half the 27 deg
        // field of view) plus about LeadHeadLengthMillimeters of the head itself. The time from where the low target's
        // first level began to that head's level, at that pace, is the low part's length ahead of the head; under
        // MaxChildLeadMillimeters (three quarters of a stroller's shortest, a quarter left for the estimate's error) it is
        // a child.
        private const int SlopeNumerator = 6;

        private const int SlopeDenominator = 25;

        private const int LeadHeadLengthMillimeters = 150;

        /// <summary>The zone's length along the path at <paramref name="distanceMillimeters"/> below the sensor (see
        /// SlopeNumerator).</summary>
        internal static int FootprintMillimeters(int distanceMillimeters)
        {
            return distanceMillimeters * SlopeNumerator / SlopeDenominator;
        }

        /// <summary>How far a head whose crown reads <paramref name="distanceMillimeters"/> moves while its zone reads the
        /// crown: the zone's length at that distance plus the head's own (see MaxChildLeadMillimeters).</summary>
        internal static int HeadPassMillimeters(int distanceMillimeters)
        {
            return FootprintMillimeters(distanceMillimeters) + LeadHeadLengthMillimeters;
        }

        private const int MaxChildLeadMillimeters = 600;

        // How far a walker's front (face, chest, belly, a knee in stride) reaches ahead of their crown along the path: a body
        // is 0.2-0.3 m deep with the head over its middle. A pushchair's front (legs, footrest, front wheels) reaches 0.3 m or
        // more ahead of the front of its canopy or seat back, which stands in its rear half (see IsShortLowLead).
        private const int MaxBodyFrontMillimeters = 200;

        // A head is about 0.2 m long along the path (a seated wheelchair user's as well as anyone's), a pram's hood
        // over a carrycot 0.6 m or more: a top no longer than this is a head (see IsHeadTop). A pushchair's canopy
        // (0.3-0.45 m long) or folded seat back (about 0.26 m) is not told from a head by its length
        // (docs/simulator.md, Pushchair profile).
        private const int MaxHeadTopMillimeters = 300;

        /// <summary>True when a top level held <paramref name="topHeldMs"/> at <paramref name="topMillimeters"/> is no
        /// longer along the path than a head (MaxHeadTopMillimeters, the zone's length at its distance taken off), at the
        /// pace of a head whose crown held its zone <paramref name="paceHeldMs"/> at <paramref name="paceMillimeters"/>
        /// (see HeadPassMillimeters).</summary>
        internal static bool IsHeadTop(long topHeldMs, int topMillimeters, long paceHeldMs, int paceMillimeters)
        {
            return topHeldMs * HeadPassMillimeters(paceMillimeters) < paceHeldMs * (MaxHeadTopMillimeters + FootprintMillimeters(topMillimeters));
        }

        // A head is about this long along the path.
        private const int HeadLengthMillimeters = 200;

        /// <summary>True when the zone's length at <paramref name="distanceMillimeters"/> is more than twice a head's
        /// (HeadLengthMillimeters): a head there fills less than half the zone along the path (less than a quarter of it
        /// in all), so the zone blends it with what is around it and reads it well below its crown.</summary>
        internal static bool BlendsHead(int distanceMillimeters)
        {
            return FootprintMillimeters(distanceMillimeters) > 2 * HeadLengthMillimeters;
        }

        private const int MaxRampGapSamples = 5;

        // Behind a seated head the chair's backrest and push handles (0.25 m or more behind the head) and the gap to whoever
        // follows pass a zone in two readings or more at a chair's pace (up to 1.6 m/s, each zone read every ~70 ms): a
        // valley read on fewer is the noise of a flat top (a hood's) or a stray reading (see IsSeatedHeadLead).
        private const int ClearValleyReadings = 2;

        // A fall that starts a second head is at least 1/MinFallDivisor of the split depth (the class summary) and
        // at least FallNoiseSigmas of the ranging noise at that distance, so one noisy sample cannot fake a head.
        private const int MinFallDivisor = 3;

        private const int FallNoiseSigmas = 6;

        // A background moves 1/BackgroundFollowDivisor of the way to each reading: it averages the noise instead of
        // riding its maximum, and still follows a settling door leaf within a few samples (tuned on the simulator).
        private const int BackgroundFollowDivisor = 4;

        // A fainter body needs a longer look: LongWindowSamples readings that average at least
        // LongDepthNumerator/LongDepthDenominator of the weak depth (1.75 sigma; 4.3 sigma of their mean, as unlikely by
        // chance as the short window's) with the same cap on each. A small child under a 2.8-3.0 m mount blends into a zone
        // at about 2 sigma for its whole passage (8-12 readings), seldom three readings averaging 2.5 sigma. Six readings
        // also integrate a level that merely stays (a leaf standing at the footprint's edge, under the quiet floor's 1
        // sigma), so the long window is measured from the level the zone read before it, and only out of a quiet floor.
        private const int LongWindowSamples = 6;

        private const int LongDepthNumerator = 7;

        private const int LongDepthDenominator = 10;

        // A body leaving a zone fades out of its blend through the band between the enter and exit thresholds in a reading
        // or two. A target that came at least ClearBodyEnterDeltas enter deltas nearer than the floor and whose readings,
        // after its last one past the enter threshold, stay in that band longer than MaxTailReadings is held there by
        // something standing (a door leaf open at the footprint's edge, reading between the thresholds): the body left
        // where the band began, and the target ends there (HasStandingTail).
        private const int MaxTailReadings = 3;

        private const int ClearBodyEnterDeltas = 2;

        // The window must rise out of a quiet floor. At its first reading the last target ended at least
        // QuietFloorMilliseconds before (a body leaving a zone fades out of its blend over a few hundred ms), and the
        // recent level - an average of the last ~2^LevelShift readings, each clipped at the weak depth - lay within
        // QuietLevelNumerator/QuietLevelDenominator of the weak depth (1 sigma) of the floor: a leaf standing at the
        // footprint's edge holds the level off the floor, while on an empty floor that average (0.26 sigma wide) strays
        // that far once in 10^4 readings.
        private const int QuietFloorMilliseconds = 500;

        private const int LevelShift = 3;

        private const int LevelFractionBits = 4;

        private const int QuietLevelNumerator = 2;

        private const int QuietLevelDenominator = 5;

        // A weak target ends at the first of WeakEndSamples readings in a row back within half the weak depth of the
        // floor: one reading of a child's noisy blend may come up that far, two rarely do.
        private const int WeakEndSamples = 2;

        private const int WeakEndDivisor = 2;

        // Samples kept to date a target's core back over its rise (TrackCore).
        private const int RecentSamples = 4;

        // "Long ago" for a zone never occupied: far from any real time, and far from overflow when subtracted.
        private const long NeverActiveMs = long.MinValue / 2;

        private readonly int _configuredSplitDepth;

        private int _splitDepth;

        private DetectorState _state;

        private int _enterBelow;

        private int _exitAbove;

        private int _baseline;

        private int _floorNoise;

        private int _background;

        // The standing level a body is coming in over (see ApproachLevel); 0 while none is.
        private int _approachLevel;

        // When the background last read farther than its level by more than the noise (see ApproachLevel).
        private long _stillSinceMs;

        // The open target rose against a held approach level (see ApproachLevel), not against the background as it read.
        private bool _approachRise;

        private int _peak;

        private bool _fallPending;

        private int _fallPendingMm;

        private long _fallPendingMs;

        private long _peakMs;

        private int _plateau;

        private long _plateauMs;

        // When the zone began to read the plateau's level: its first reading, or earlier for a target that rose onto the level
        // the last one held when signal fails ended it (see UpdateNothingNear).
        private long _levelSinceMs;

        // True from a "nothing near" reading that ended a target (ZoneChannel: signal fails) up to the next valid reading.
        private bool _afterNothingNear;

        // When the zone was last fed "nothing near" (UpdateNothingNear).
        private long _nothingNearMs = -1;

        // The plateau's level: the average of its readings (see UpdateTarget), not its first one.
        private int _plateauLevel;

        // The shallow level the target rose onto and held, for as long as a still surface (PlateauMilliseconds), before
        // anything nearer came (0 when it held none; see UpdateTarget).
        private int _riseLevel;

        private long _nearLevelMs;

        private long _nearLevelStartMs;

        private long _valleyStartMs;

        private int _nearLevelSamples;

        private int _segMin;

        private int _coreStartMm;

        // The target's first reading (mm): the lowest part of its front the zone met (see IsShortLowLead).
        private int _startReadingMm;

        private readonly long[] _recentMs = new long[RecentSamples];

        private readonly int[] _recentMm = new int[RecentSamples];

        private int _recentNext;

        private int _recentCount;

        private int _segMax;

        private long _segStartMs;

        private long _segLastMs;

        private long _segHeadMs;

        private int _segNearestBefore;

        private int _segSamples;

        private int _headLevel;

        private int _headSpread;

        private int _headEndIndex;

        private int _sampleIndex;

        private int _segStartIndex;

        private int _segLastIndex;

        private long _stepStartMs;

        private long _stepHeadMs;

        private int _stepNearest;

        private int _stepSamples;

        private long _headEndMs;

        private int _headSamples;

        private bool _hasHeadLevel;

        private bool _hasLowHead;

        private bool _lowHeadSpoilt;

        private int _lowHeadLevel;

        // The low head is below LowHeadMinMillimeters or held a vehicle's pass: its follower splits it off only once the
        // follower's head level has shown how short the low part is along the path (IsShortLowLead).
        private bool _lowHeadUnsure;

        // The sample index where that follower's head level began, -1 when none is waiting.
        private int _lowHeadFollowerIndex;

        // The split set up now cuts a child's head, proven short along the path, off its follower (IsShortLowLead): the
        // first target is marked as a body of its own (TargetSummary.IsShortAlongPath).
        private bool _stepShortAlongPath;

        private int _lowHeadSpread;

        private int _lowHeadEndIndex;

        private long _lowHeadLeftMs;

        // Where the target's first low head's level began (the child's crown reaching the zone), or the target's start when
        // a level below a stroller's hood was held before it: IsShortLowLead measures the low part's length from there.
        private long _lowHeadLevelStartMs;

        // The target held a level below a stroller's hood (a footrest, a low pushchair's seat) before any low head.
        private bool _levelBelowHoodBefore;

        // The target rose while the other zone was empty: its body came into this zone first, across the zone's outer edge,
        // which slants outward with depth (the line-side edge is the sensor's vertical axis). See IsShortLowLead.
        private bool _enteredAtOuterEdge;

        // The target's last nearest level held as a level (StepPlateauSamples readings) before a nearer reading came: its
        // distance, how long it was held, and when the reading fell farthest from it before the nearer one (0 when it did
        // not fall clear of the level's noise band: a ramp up one body's outline). See IsSeatedHeadLead.
        private int _topLevel;

        private long _topHeldMs;

        private long _topDropMs;

        // Readings more than two noise bands beyond the nearest since it was read (see ClearValleyReadings).
        private int _clearReadings;

        // Where the follower's head level began, when the split set up now dates the follower before it (0 otherwise): its
        // target's top is timed from there (TargetSummary.TopHeldMs).
        private long _stepLevelMs;

        private long _lastActiveMs;

        private int _episode;

        private long _episodeStartMs;

        private int _weakDepth;

        private int _tailReadings;

        private bool _faintTail;

        private long _faintTailStartMs;

        private bool _roseQuiet;

        private bool _faintTailUsed;

        private int _faintTailDips;

        private bool _reRisen;

        private long _reRiseMs;

        private long _reRiseTailStartMs;

        private int _faintNearest;

        private long _tailStartMs;

        private int _levelQ;

        private bool _levelSet;

        private readonly int[] _windowDepth = new int[LongWindowSamples];

        private readonly long[] _windowMs = new long[LongWindowSamples];

        private readonly bool[] _windowQuiet = new bool[LongWindowSamples];

        private readonly bool[] _windowAfterFloor = new bool[LongWindowSamples];

        private readonly int[] _windowLevel = new int[LongWindowSamples];

        private int _windowSpan;

        private long _windowStartMs;

        private int _floorRun;

        private int _windowNext;

        private int _windowCount;

        private bool _isWeak;

        private int _dipRun;

        private long _dipRunStartMs;

        private int _weakEndRun;

        private long _weakEndStartMs;

        private TargetSummary _current;

        private TargetSummary _finished;

        private bool _bodyLevel;

        private bool _presenceEnded;

        private long _presenceEndMs;

        private long _bodyLevelMs;

        private bool _leftStillLevel;

        private int _leaveSamples;

        private long _leaveFloorMs;

        private int _gapFarthest;

        // The reading that returned the body ahead to the background a target then rose out of: the gap's first reading.
        private int _gapReturnMm;

        // The farthest the zone read in the gap before the open target (its first reading included), 0 for none.
        private int _walkInGapMm;

        private long _leaveStartMs;

        private int _leaveLevel;

        private int _leaveFarthest;

        private bool _valleyBackground;

        private int _valleyLevel;

        private int _hiddenSamples;

        private int _hiddenMin;

        private int _hiddenMax;

        private long _hiddenStartMs;

        private long _hiddenHeadMs;

        private long _hiddenLastMs;

        // The followed level is at the valley's own level, not farther (see StartValleyBackground).
        private bool _hiddenAtValley;

        // When a level at the valley's own level was left farther, while the floor is awaited (0: not waiting).
        private long _hiddenLeftMs;

        // The level at the valley's own level awaiting the floor: start, head, last reading, nearest, farthest, readings.
        private long _leftStartMs;

        private long _leftHeadMs;

        private long _leftLastMs;

        private int _leftMin;

        private int _leftMax;

        private int _leftSamples;

        /// <summary>Creates a detector; thresholds are set by <see cref="SetThresholds"/> after calibration.</summary>
        public ZoneOccupancyDetector(int splitDepthMillimeters)
        {
            if (splitDepthMillimeters <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(splitDepthMillimeters));
            }

            _configuredSplitDepth = splitDepthMillimeters;
            _splitDepth = splitDepthMillimeters;
            _lastActiveMs = NeverActiveMs;
        }

        /// <summary>What the detector sees now.</summary>
        public DetectorState State => _state;

        /// <summary>True while the zone is not empty (a target, or a still background above the floor).</summary>
        public bool IsOccupied => _state != DetectorState.Empty;

        /// <summary>True while a target is open.</summary>
        public bool HasTarget => _state == DetectorState.Target;

        /// <summary>Last time the zone was not empty.</summary>
        public long LastActiveMs => _lastActiveMs;

        /// <summary>
        /// True while the empty zone holds a run of readings that may yet be confirmed as a weak dip (each deep enough to be
        /// part of one): a faint body is known only a window after it began, later still when the sensor reports a reading in
        /// between invalid, and later again when the run's first window fell short and a later one, sliding on along the run,
        /// makes it (a child's blend deepens as they come further into the footprint).
        /// </summary>
        public bool HasPendingDip => _state == DetectorState.Empty && _weakDepth > 0 && _dipRun > 0;

        /// <summary>
        /// Where a weak target confirmed by the pending run's next window would be dated (valid while
        /// <see cref="HasPendingDip"/>): the run's first reading while it is shorter than the long window, else the first
        /// reading of the long window the next reading would complete (in the window ring, after its oldest).
        /// </summary>
        public long PendingDipStartMs => _dipRun < LongWindowSamples ? _dipRunStartMs : _windowMs[(_windowNext + 1) % LongWindowSamples];

        /// <summary>
        /// True while the zone follows a level farther than the valley level it holds as background, or at it, which may yet
        /// be reported as a shorter follower's target (see <c>StartValleyBackground</c>).
        /// </summary>
        public bool HasPendingLevel => _state == DetectorState.Background && _valleyBackground
            && (_hiddenLeftMs > 0 || (_hiddenSamples > 0 && (!_hiddenAtValley || MayBeHeadAtValley())));

        /// <summary>Where the pending level's target would begin (valid while <see cref="HasPendingLevel"/>).</summary>
        public long PendingLevelStartMs => _hiddenLeftMs > 0 ? _leftStartMs : _hiddenStartMs;

        /// <summary>
        /// True while a stander's reading has left their still level towards the floor: their walk off
        /// (<see cref="LeftStillLevel"/>) is reported only when the averaged level is released, several readings later, and
        /// dated back to when they settled (see <c>LeaveStillLevel</c>).
        /// </summary>
        public bool HasPendingWalkOff => _state == DetectorState.Background && IsLeavingBodyLevel;

        /// <summary>Start of the current target (valid after a Rise or Split).</summary>
        public long CurrentStartMs => _current.StartMs;

        /// <summary>
        /// Set by the caller before each reading: the other zone has been empty for the quiet-floor time, so a faint target
        /// here may be the first half of a crossing, whose end the gap to the other zone's half is measured from.
        /// </summary>
        public bool PeerQuiet { get; set; }

        /// <summary>True when the zone has had no target for the quiet-floor time up to <paramref name="timeMs"/>.</summary>
        public bool IsQuietSince(long timeMs)
        {
            return _state != DetectorState.Target && timeMs - _lastActiveMs >= QuietFloorMilliseconds;
        }

        /// <summary>Where the open target rose from (a valley split, the floor, a background).</summary>
        public TargetOrigin CurrentOrigin => _current.Origin;

        /// <summary>The farthest reading (mm) of the valley the open target split off, 0 when it split off none (a step).</summary>
        public int CurrentGapFarthestMillimeters => _current.GapFarthestMillimeters;

        /// <summary>When the current target was detected (valid after a Rise or Split; see <see cref="TargetSummary.OnsetMs"/>).</summary>
        public long CurrentOnsetMs => _current.OnsetMs;

        /// <summary>True while the other zone holds a shallow still level as its background (set by the counter before each sample).</summary>
        public bool PeerHoldsStillLevel { get; set; }

        /// <summary>
        /// Set by the caller before each reading: the other zone is not empty (a target or a still level). A target rising
        /// here while the other zone is empty came into this zone first, at its slanted outer edge (see IsShortLowLead).
        /// </summary>
        public bool PeerOccupied { get; set; }

        /// <summary>Nearest filtered distance (mm) the open target has come so far (valid while <see cref="HasTarget"/>).</summary>
        public int CurrentNearestMillimeters => _current.NearestMillimeters;

        /// <summary>
        /// The last finished target (valid after a Fall or Split). Its <see cref="TargetSummary.HeightMillimeters"/>
        /// is 0 here: the height is measured against the floor the zone channel holds (<see cref="ZoneChannel.FinishedTarget"/>).
        /// </summary>
        public TargetSummary Finished => _finished;

        /// <summary>Current occupancy episode (see <see cref="TargetSummary.Episode"/>).</summary>
        public int Episode => _episode;

        /// <summary>Distance below which a zone becomes occupied (mm).</summary>
        public int EnterBelowMillimeters => _enterBelow;

        /// <summary>Distance above which an occupied zone becomes empty (mm).</summary>
        public int ExitAboveMillimeters => _exitAbove;

        /// <summary>Sets the thresholds from the floor baseline, the enter/exit deltas and the floor's noise (mm).</summary>
        public void SetThresholds(int baselineMillimeters, int enterDeltaMillimeters, int exitDeltaMillimeters, int floorNoiseMillimeters)
        {
            _baseline = baselineMillimeters;
            _floorNoise = floorNoiseMillimeters;
            int scaled = baselineMillimeters > SplitDepthReferenceFloorMillimeters
                ? (_configuredSplitDepth * SplitDepthReferenceFloorMillimeters) / baselineMillimeters
                : _configuredSplitDepth;
            int smallest = _configuredSplitDepth / MinSplitDepthDivisor;
            _splitDepth = scaled < smallest ? smallest : scaled;
            _enterBelow = baselineMillimeters - enterDeltaMillimeters;
            _exitAbove = baselineMillimeters - exitDeltaMillimeters;
        }

        /// <summary>Sets the weak-dip depth (mm below the floor; see the class summary). 0 turns weak dips off.</summary>
        public void SetWeakDip(int weakDepthMillimeters)
        {
            _weakDepth = weakDepthMillimeters;
        }

        /// <summary>
        /// True for the sample on which a still level a target had settled on (a person who stopped under the sensor)
        /// went away: <see cref="Finished"/> then holds the walk off that level (see <c>LeaveStillLevel</c>); and for the
        /// sample that ended a shorter follower's level behind a valley's (see <c>StartValleyBackground</c>), whose target
        /// <see cref="Finished"/> then holds.
        /// </summary>
        public bool LeftStillLevel => _leftStillLevel;

        /// <summary>
        /// True when the zone's presence (its occupancy <see cref="Episode"/>) ended at this sample: the zone reads the bare
        /// floor again. <see cref="PresenceEndMs"/> dates it.
        /// </summary>
        public bool PresenceEnded => _presenceEnded;

        /// <summary>
        /// When the last presence ended (ms): a target's end, or, off a still level, the first reading of the floor (the
        /// averaged level the zone is released on lags it by several readings).
        /// </summary>
        public long PresenceEndMs => _presenceEndMs;

        /// <summary>
        /// A sample without a reading, or the loop's tick between samples: nothing about the target changed, so a walk off a
        /// still level reported before is not reported again.
        /// </summary>
        public void NoReading()
        {
            _leftStillLevel = false;
            _presenceEnded = false;
        }

        /// <summary>Forgets the current target and background; returns true when a target was open.</summary>
        public bool Clear()
        {
            bool open = _state == DetectorState.Target;
            _state = DetectorState.Empty;
            _isWeak = false;
            _windowCount = 0;
            _floorRun = 0;
            _dipRun = 0;
            _bodyLevel = false;
            _valleyBackground = false;
            _approachLevel = 0;
            return open;
        }

        /// <summary>
        /// Feeds the floor's distance for a run of signal fails ("nothing near", see <see cref="ZoneChannel"/>). A surface
        /// standing far off (a door leaf open at the footprint's edge, read from 2.7 m or more) returns as weak a signal as
        /// the floor: a target risen on the next valid reading onto the level the ended one held has seen that level since
        /// where it began, not since the fails.
        /// </summary>
        public ZoneEvent UpdateNothingNear(long timeMs, int far)
        {
            _nothingNearMs = timeMs;
            bool ended = _afterNothingNear;
            ZoneEvent e = Update(timeMs, far);
            _afterNothingNear = e == ZoneEvent.Fall || (ended && _state == DetectorState.Empty);
            return e;
        }

        /// <summary>Feeds one filtered distance taken at <paramref name="timeMs"/>.</summary>
        public ZoneEvent Update(long timeMs, int distanceMillimeters)
        {
            int d = distanceMillimeters;
            bool afterNothingNear = _afterNothingNear;
            _afterNothingNear = false;
            _leftStillLevel = false;
            _presenceEnded = false;
            bool quiet = IsQuietFloor(timeMs);
            int levelBefore = _levelSet ? _baseline - (_levelQ >> LevelFractionBits) : 0;
            TrackLevel(d);
            if (_state == DetectorState.Empty)
            {
                return UpdateEmpty(timeMs, d, quiet, levelBefore, afterNothingNear);
            }

            _lastActiveMs = timeMs;
            _floorRun = 0;
            int fall = FallThreshold(d);
            if (_state == DetectorState.Background)
            {
                return UpdateBackground(timeMs, d, fall);
            }

            if (_isWeak && _faintTail && d < _enterBelow)
            {
                // Past the enter threshold again during a faint body's tail: the same body's noisy blend, or someone coming
                // in. Kept as one target until it tells (below).
                _reRisen = true;
                _reRiseMs = timeMs;
                _reRiseTailStartMs = _faintTailStartMs;
                _faintNearest = _current.NearestMillimeters;
            }

            if (_reRisen && d < _faintNearest)
            {
                // Nearer than the faint body ever came: a body fading out of view does not, so what came back past the
                // threshold is someone coming in (or a stander leaning back in). The faint one left where its tail began,
                // and the newcomer's target starts where the readings came back.
                Finish(_reRiseTailStartMs);
                _windowCount = 0;
                _episode++;
                _episodeStartMs = _reRiseMs;
                Open(_reRiseMs, d, TargetOrigin.Floor);
                _current.OnsetMs = timeMs;
                _background = _exitAbove;
                return ZoneEvent.Split;
            }

            if (_isWeak)
            {
                if (_faintTail && d >= _enterBelow && timeMs - _faintTailStartMs > QuietFloorMilliseconds)
                {
                    // Still off the floor long after the faint body's last clear reading: something standing (a leaf at the
                    // footprint's edge) holds the level; the body left where its tail began.
                    return ReturnToFloor(_faintTailStartMs);
                }

                if (_faintTail && d <= _baseline - (_weakDepth / WeakEndDivisor))
                {
                    _faintTailDips++;
                }

                if (IsWeakEnd(timeMs, d))
                {
                    // A tail of a single reading in the band is as likely the floor's noise (one floor reading in 50 lies
                    // 2 sigma off it, two in a row one in 2500): the body left where the tail began, as without it.
                    return ReturnToFloor(_faintTail && _faintTailDips < WeakEndSamples ? _faintTailStartMs : _weakEndStartMs);
                }
            }
            else if (d > _exitAbove)
            {
                if (IsFaintTail(d))
                {
                    // A faint body fading out: it ends where its readings are back on the floor, as a weak target does.
                    _isWeak = true;
                    _faintTail = true;
                    _faintTailUsed = true;
                    _faintTailStartMs = timeMs;
                    _faintTailDips = 1;
                    _weakEndRun = 0;
                }
                else
                {
                    return ReturnToFloor(HasStandingTail() ? _tailStartMs : timeMs);
                }
            }

            return UpdateTarget(timeMs, d, fall);
        }

        private ZoneEvent UpdateEmpty(long timeMs, int d, bool quiet, int levelBefore, bool afterNothingNear)
        {
            if (d >= _enterBelow)
            {
                return IsWeakDip(timeMs, d, quiet, levelBefore) ? OpenWeak(timeMs, d) : ZoneEvent.None;
            }

            // Back on the level the target signal fails ended held (see UpdateNothingNear): seen since that level began.
            long levelSince = afterNothingNear && Magnitude.Within(d - _plateau, FallThreshold(d)) ? _levelSinceMs : timeMs;
            _windowCount = 0;
            _episode++;
            _episodeStartMs = timeMs;
            Open(timeMs, d, TargetOrigin.Floor);
            _levelSinceMs = levelSince;
            _roseQuiet = quiet;
            _background = _exitAbove;
            return ZoneEvent.Rise;
        }

        // True when the target came clearly nearer than the floor (ClearBodyEnterDeltas enter deltas) and its readings have
        // since lingered between the thresholds for more than MaxTailReadings (see there). A faint body (a small child under
        // a high mount) reads in that band for as long as it is in view, so its tail is itself.
        private bool HasStandingTail()
        {
            return _tailReadings > MaxTailReadings && _baseline - _current.NearestMillimeters >= ClearBodyEnterDeltas * (_baseline - _enterBelow);
        }

        private ZoneEvent ReturnToFloor(long timeMs)
        {
            bool hadTarget = _state == DetectorState.Target;
            if (_state != DetectorState.Empty)
            {
                _presenceEnded = true;
                _presenceEndMs = timeMs;
            }

            _state = DetectorState.Empty;
            _isWeak = false;
            _reRisen = false;
            if (!hadTarget)
            {
                return ZoneEvent.None;
            }

            Finish(timeMs);
            return ZoneEvent.Fall;
        }

        private ZoneEvent UpdateBackground(long timeMs, int d, int fall)
        {
            if (d > _gapFarthest)
            {
                _gapFarthest = d;
            }

            TrackHiddenLevel(timeMs, d, fall);
            int level = ApproachLevel(timeMs, d, fall);
            if (d < _enterBelow && d <= level - fall)
            {
                // Judged against the level it rose out of, as any target born in a presence is. Only a rise owed to the held
                // level takes it: a body already a fall nearer than the background was not hidden by the drag, and its target
                // ends on the surface as last read, as before (judged against the older, farther level, it ran on past the
                // body and the zone lost the leaf standing at its threshold, then took the leaf for bodies coming: a stroller
                // counted three times, raster 2.8 m).
                bool held = d > _background - fall;
                if (held)
                {
                    _background = level;
                }

                _approachLevel = 0;
                Open(timeMs, d, TargetOrigin.Background);
                _approachRise = held;
                return ZoneEvent.Rise;
            }

            TrackLeaving(timeMs, d, fall);

            // Follow the background slowly (a door leaf settling, noise); an average, not the noise's maximum.
            _background += (d - _background) / BackgroundFollowDivisor;
            if (_background > _exitAbove)
            {
                // The still surface went away (the door closed): judged on the average, so that a surface standing
                // just inside the exit threshold does not flicker the zone empty and occupied with every noisy reading.
                _state = DetectorState.Empty;
                _valleyBackground = false;
                _approachLevel = 0;
                _presenceEnded = true;
                _presenceEndMs = _leaveSamples > 0 && _leaveFloorMs > 0 ? _leaveFloorMs : timeMs;
                LeaveStillLevel(timeMs);
            }

            return ZoneEvent.None;
        }

        // The level a new target must come a fall nearer than while the zone holds a background: the background itself, or,
        // while readings keep coming more than half a fall nearer than a standing surface, that surface's level as it stood
        // before they began. The background follows each reading by a quarter of the way, so a body that comes in slowly
        // over a standing surface drags it along and never reads a fall nearer: a wheelchair user or a stroller going through
        // an automatic door under a high mount (the leaf standing open at the zone's edge is the zone's level; the seated head
        // or the hood, a blend of 0.4-0.8 m above the floor there, reads a few centimetres nearer with each reading as it
        // comes into the zone at 0.6-1.0 m/s) was never seen in that zone and the crossing was lost. A still surface does not
        // come nearer, so its level is held only once it stood still (no reading a fall farther than it) for longer than the
        // gap a queue leaves behind the person ahead (MergedPair.MaxQueueGapMilliseconds): not the short level between a
        // stroller's hood and its pusher, nor the tail of the body ahead. Only a shallow level (IsShallowLevel: the sliver of
        // a leaf seen by the zone's outermost rays, low down): a higher one may be a stroller's hood or a person's blend, whose
        // pusher or head comes nearer the same way and is one body with it. Nor a stander's own level (EnterBodyLevel): their
        // head moving nearer as they sway is no one coming (IsSway).
        private int ApproachLevel(long timeMs, int d, int fall)
        {
            if (d > _background + fall)
            {
                _stillSinceMs = timeMs;
            }

            if (_approachLevel > 0 && d < _approachLevel - fall / 2)
            {
                return _approachLevel;
            }

            bool stood = !_bodyLevel && IsShallowLevel(_background) && timeMs - _bodyLevelMs >= MergedPair.MaxQueueGapMilliseconds
                && timeMs - _stillSinceMs >= MergedPair.MaxQueueGapMilliseconds;
            _approachLevel = stood && d < _background - fall / 2 ? _background : 0;
            return _approachLevel > 0 ? _approachLevel : _background;
        }

        private ZoneEvent UpdateTarget(long timeMs, int d, int fall)
        {
            // Checked before the nearest is updated: the second head may well be nearer than the first.
            if (d <= _peak - fall && (_fallPending || IsValley(timeMs, fall)))
            {
                return FallFromValley(timeMs, d);
            }

            if (_fallPending)
            {
                // The fall out of a held level was that level's noise: the reading belongs to the target after all.
                _fallPending = false;
                Extend(_fallPendingMs, _fallPendingMm);
            }

            if (IsHeadStep(timeMs, d, fall))
            {
                return SplitAtStep(timeMs, d);
            }

            Extend(timeMs, d);
            if (_current.IsBornInPresence && d >= _background - fall)
            {
                // Back to the level it rose from: the person left, the background (door, previous person) remains.
                Finish(timeMs);
                _gapReturnMm = d;
                _state = DetectorState.Background;
                if (_approachRise)
                {
                    // A body that came in slowly over the held level leaves as slowly: its later parts (a wheelchair's back
                    // and its pusher, a stroller's handle and the one pushing it) still read up to a fall nearer than the
                    // level for a while. The zone follows its readings again from where the body's target ended, as it did
                    // before the body came, so that no later part of the same body rises against the held level as a body
                    // of its own (a wheelchair user counted in, then again out, 2.5 s later).
                    _background = d;
                }

                if (IsSway())
                {
                    ReturnToBodyLevel();
                }
                else
                {
                    EnterBodyLevel(_current.Origin == TargetOrigin.ValleySplit, timeMs);
                }

                // A follower hidden behind the level is looked for after a sway too (see StartValleyBackground).
                StartValleyBackground(timeMs, d, fall);
                return ZoneEvent.Fall;
            }

            if (!Magnitude.Within(d - _plateau, fall))
            {
                _riseLevel = _plateauMs == _current.StartMs && timeMs - _levelSinceMs >= PlateauMilliseconds && IsShallowLevel(_plateauLevel) ? _plateauLevel : _riseLevel;
                _plateau = d;
                _plateauMs = timeMs;
                _levelSinceMs = timeMs;
                _plateauLevel = d;
                return ZoneEvent.None;
            }

            // Back on the level the target rose onto and held before the head came (_riseLevel): a surface that was there
            // before the person (a door leaf standing open at the zone's edge) and stays, not their still body. Its rise above
            // the nearest point is judged on the level its readings average, not on the plateau's first reading: that one is
            // often the last of the head's fall into the level (head and surface blended as the head leaves the footprint),
            // nearer than the leaf by up to the noise band, and the walker's target ran on for seconds on the leaf's fringe.
            _plateauLevel += (d - _plateauLevel) / BackgroundFollowDivisor;
            bool onRiseLevel = _riseLevel > 0 && Magnitude.Within(_riseLevel - _plateauLevel, fall);
            if (IsStillSinceRise(timeMs))
            {
                return SettleOnStillLevel();
            }
            else if (timeMs - _plateauMs >= PlateauMilliseconds && (onRiseLevel ? _plateauLevel : _plateau) - _current.NearestMillimeters >= PlateauRiseMillimeters)
            {
                // Settled on a still surface far above the nearest point: that surface is background now.
                Finish(_plateauMs);
                _finished.SettledOnStillLevel = true;
                _finished.SettledOnRiseLevel = onRiseLevel;
                _state = DetectorState.Background;
                _background = _plateau;
                EnterBodyLevel(false, timeMs);
                return ZoneEvent.Fall;
            }

            return ZoneEvent.None;
        }

        private void Extend(long timeMs, int d)
        {
            _current.Samples++;
            int band = FallThreshold(_current.NearestMillimeters);
            if (d < _current.NearestMillimeters)
            {
                if (_current.NearestMillimeters - d > band && _nearLevelSamples >= StepPlateauSamples)
                {
                    // Fell clear of the level when ClearValleyReadings readings lay two noise bands beyond its nearest
                    // reading (the level's own readings span one band; see BriefValleyNoiseSigmas). Held up to that
                    // valley: a reading of the way back up may fall within its band again.
                    bool dropped = _clearReadings >= ClearValleyReadings;
                    _topLevel = _current.NearestMillimeters;
                    _topHeldMs = (dropped ? _valleyStartMs : _nearLevelMs) - _nearLevelStartMs;
                    _topDropMs = dropped ? _peakMs : 0;
                }

                // A new nearest: the samples seen so far still count for the head if they lie within its noise band.
                _nearLevelSamples = _current.NearestMillimeters - d <= band ? _nearLevelSamples : 0;
                _nearLevelStartMs = _nearLevelSamples == 0 ? timeMs : _nearLevelStartMs;
                _current.NearestMillimeters = d;
                _peak = d;
                _peakMs = timeMs;
                _valleyStartMs = timeMs;
                _clearReadings = 0;
            }

            _clearReadings += d - _current.NearestMillimeters > 2 * band ? 1 : 0;

            if (d - _current.NearestMillimeters <= band)
            {
                // Still at the head (within the noise of the nearest reading): a valley, if one comes, begins after it.
                _nearLevelSamples++;
                _nearLevelMs = timeMs;
            }
            else if (d > _peak)
            {
                // A new top of the valley: the valley began after the last sample at the head.
                _peak = d;
                _peakMs = timeMs;
                _valleyStartMs = _nearLevelMs;
            }

            if (d < _enterBelow)
            {
                _tailReadings = 0;
                _current.CoreSamples++;
                _current.FarthestCoreMillimeters = d > _current.FarthestCoreMillimeters ? d : _current.FarthestCoreMillimeters;
            }
            else
            {
                _tailStartMs = _tailReadings == 0 ? timeMs : _tailStartMs;
                _tailReadings++;
            }

            TrackCore(timeMs, d);
        }

        // Dates the target's core (TargetSummary.CoreStartMs): samples at least half its nearest reading's height above the
        // floor. The first core sample is judged against the nearest reading so far; when a nearer one moves the half
        // height past it, the core starts again at the earliest of the last few samples that still reach it, in a row up
        // to the nearer one (a body's rise into the zone takes a few samples). No history is kept beyond those few.
        private void TrackCore(long timeMs, int d)
        {
            _recentMs[_recentNext] = timeMs;
            _recentMm[_recentNext] = d;
            _recentNext = (_recentNext + 1) % RecentSamples;
            if (_recentCount < RecentSamples)
            {
                _recentCount++;
            }

            if (IsCore(d))
            {
                _current.CoreEndMs = timeMs;
            }

            if (!IsCore(_coreStartMm))
            {
                _current.CoreStartMs = timeMs;
                _coreStartMm = d;
                for (int back = 2; back <= _recentCount; back++)
                {
                    int i = (_recentNext - back + RecentSamples) % RecentSamples;
                    if (!IsCore(_recentMm[i]))
                    {
                        break;
                    }

                    _current.CoreStartMs = _recentMs[i];
                    _coreStartMm = _recentMm[i];
                }
            }
        }

        private bool IsCore(int d)
        {
            return (_baseline - d) * 2 >= _baseline - _current.NearestMillimeters;
        }

        // The ranging noise (1 sigma, mm) at distance d: the floor's noise, scaled with the square of the distance.
        private int NoiseAt(int d)
        {
            if (_baseline <= 0)
            {
                return _floorNoise;
            }

            return (int)(((long)_floorNoise * d * d) / ((long)_baseline * _baseline));
        }

        private int FallThreshold(int d)
        {
            // Ranging noise grows roughly with the square of the distance (signal ~ 1/d^2).
            int fall = _splitDepth / MinFallDivisor;
            if (_baseline > 0)
            {
                long scaled = ((long)_floorNoise * FallNoiseSigmas * d * d) / ((long)_baseline * _baseline);
                if (scaled > fall)
                {
                    fall = (int)scaled;
                }
            }

            return fall;
        }

        private void Finish(long endMs)
        {
            _finished = _current;
            _finished.EndMs = endMs;
            _finished.TopHeldMs = _nearLevelMs - _nearLevelStartMs;
            _finished.TopStartMs = _nearLevelStartMs;
            _finished.EndedOnNothingNear = endMs == _nothingNearMs;
            _gapFarthest = 0;
            if (_finished.CoreEndMs > endMs)
            {
                _finished.CoreEndMs = endMs;
            }
        }

        // A target the zone made of a level it held, not of a rise and a fall (a stander's walk off their still level, a
        // follower's level behind a valley), reported through LeftStillLevel: it starts afresh, nothing of the target
        // finished before it carries over; its core is the whole level (no height: the channel sets it).
        private void FinishLevelTarget(
            TargetOrigin origin, long startMs, long onsetMs, long coreEndMs, long endMs, int nearestMillimeters, int farthestCoreMillimeters,
            int samples, bool isWalkOff)
        {
            _leftStillLevel = true;
            _finished = new TargetSummary();
            _finished.StartMs = startMs;
            _finished.OnsetMs = onsetMs;
            _finished.CoreStartMs = startMs;
            _finished.CoreEndMs = coreEndMs;
            _finished.EndMs = endMs;
            _finished.NearestMillimeters = nearestMillimeters;
            _finished.FarthestCoreMillimeters = farthestCoreMillimeters;
            _finished.Samples = samples;
            _finished.CoreSamples = samples;
            _finished.Origin = origin;
            _finished.Episode = _episode;
            _finished.ArrivalMs = _episodeStartMs;
            _finished.IsWalkOff = isWalkOff;
        }

        private void Open(long timeMs, int d, TargetOrigin origin)
        {
            _state = DetectorState.Target;
            _valleyBackground = false;
            _isWeak = false;
            _faintTail = false;
            _roseQuiet = false;
            _faintTailUsed = false;
            _reRisen = false;
            _approachRise = false;
            _dipRun = 0;
            _lastActiveMs = timeMs;
            _current.StartMs = timeMs;
            _current.OnsetMs = timeMs;
            _current.EndMs = 0;
            _current.NearestMillimeters = d;
            _current.FarthestCoreMillimeters = d;
            _current.HeightMillimeters = 0;
            _current.Samples = 1;
            _current.CoreSamples = d < _enterBelow ? 1 : 0;
            _tailReadings = 0;
            _current.Origin = origin;
            _current.Episode = _episode;
            _current.ArrivalMs = _episodeStartMs;
            _current.IsWalkOff = false;
            _current.GapFarthestMillimeters = origin == TargetOrigin.Background ? _gapFarthest : 0;
            _walkInGapMm = origin == TargetOrigin.Background ? (_gapReturnMm > _gapFarthest ? _gapReturnMm : _gapFarthest) : 0;
            _gapReturnMm = 0;
            _current.SettledOnStillLevel = false;
            _current.SettledOnRiseLevel = false;
            _current.CoreStartMs = timeMs;
            _current.CoreEndMs = timeMs;
            _current.BackgroundHeldMs = origin == TargetOrigin.Background ? timeMs - _finished.EndMs : 0;
            _coreStartMm = d;
            _startReadingMm = d;
            _recentCount = 0;
            _fallPending = false;
            _peak = d;
            _peakMs = timeMs;
            _plateau = d;
            _plateauMs = timeMs;
            _levelSinceMs = timeMs;
            _plateauLevel = d;
            _riseLevel = 0;
            _nearLevelMs = timeMs;
            _nearLevelStartMs = timeMs;
            _valleyStartMs = timeMs;
            _nearLevelSamples = 1;
            _sampleIndex = 0;
            StartSegment(timeMs, d);
            _hasHeadLevel = false;
            _hasLowHead = false;
            _levelBelowHoodBefore = false;
            _enteredAtOuterEdge = !PeerOccupied;
            _lowHeadSpoilt = false;
            _lowHeadFollowerIndex = -1;
            _topDropMs = 0;
            _clearReadings = 0;
        }
    }
}
