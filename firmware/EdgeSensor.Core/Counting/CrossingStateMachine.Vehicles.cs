namespace EdgeSensor.Core.Counting
{
    // Pushed strollers, prams and carts: the vehicle and the person pushing it are one body (docs/counting.md, "Pushed objects").
    public sealed partial class CrossingStateMachine
    {
        // A held-back low target is too short for a vehicle when it held its zone less than MinVehiclePassMilliseconds less a
        // read cycle at each end: a zone is ranged once a read cycle, so a target's measured hold falls short of the time
        // its body was in view by up to a read cycle where it began and another where it ended.
        private const int VehiclePassReadCycles = 2;

        // A pusher's head comes into the zone within this long of the pusher's own target (see OutlastsPusher).
        private const int PusherHeadMilliseconds = 1000;

        // ... but a zone's footprint adds its own width (0.24 x depth: ~0.7 m of floor at 3 m) to the time each of
        // the two takes to pass, so at a high mount the stroller's lead shrinks to 1.5-2 times the pusher's, and one
        // body can reach 2 by where the valley cut it. There a vehicle is also told by the time it holds the zone on
        // its own: a stroller and the reach to its handle, together at least ~0.95 m along the path (pushchairs
        // 0.75-1.0 m long, docs/simulator.md; forearms from 0.25 m), take at least MinVehiclePassMilliseconds to pass
        // a point at a pushing pace of 1.4 m/s or less, while a body 0.25-0.35 m deep at a walking pace passes it in
        // a third of that and a blended zone cuts its target short. So a lead at least
        // AttachedLongNumerator/AttachedLongDenominator (1.5) times as long as its pusher and that long is a vehicle
        // too.
        private const int AttachedLongNumerator = 3;

        private const int AttachedLongDenominator = 2;

        private const int MinVehiclePassMilliseconds = 680;

        // When the pusher reads less than PusherRiseMillimeters taller (a blended zone under a high mount reads every
        // body below its top, a stroller's broad flat hood less so than a head), height cannot tell a stroller from a
        // person walking ahead, and length must do it alone with a margin: the stroller (0.72-1.05 m) plus the reach
        // back to its handle (0.25-0.5 m) holds the zone at least AttachedPushedLengthFactor times as long as the
        // pusher's body (0.25-0.3 m deep) does; a person ahead is one body deep, however the valley between them cut it.
        private const int AttachedPushedLengthFactor = 2;

        // The pusher's head is behind the handle by the reach of the arms holding it (the handle 250-520 mm ahead of the chest,
        // the head above the chest), which at a pushing pace of 1.4 m/s or less takes at least this long to pass a point: the
        // zone's reading falls from the handle over the forearms and chest to the head. A person walking close behind another
        // brings their head in right behind the gap between the two bodies.
        private const int MinHandleToHeadMilliseconds = 180;

        // Where a zone blends a head (ZoneOccupancyDetector.BlendsHead: a high mount) it reads a pusher's head little above
        // the hood ahead of it (the head is small, the hood broad and flat: a 1.69 m pusher read at about 1.0 m behind a hood
        // read at 0.83 m, raster 3.0 m), so the rise falls far short of PusherRiseMillimeters. A pusher still reads at
        // least this much taller in each zone; a person walking close behind another of like build reads level with them
        // within ranging noise and sway.
        private const int BlendedPusherRiseMillimeters = 100;

        // The handle bar and the forearms on it stand at the hood's height (handle 950-1130 mm, hood 800-1120), so a zone that
        // blends reads them, with the floor beside them, at least 1/BlendedHandleDivisor as high as it reads the hood: they
        // are narrower and rounder than the hood (little of their return comes back from their sides), but nothing lies
        // between hood and chest at the floor's depth. A gap between two bodies is the floor itself between them.
        private const int BlendedHandleDivisor = 2;

        // A stroller's hood stands 0.7 m or more above the floor (pushchair canopies about 1.0-1.1 m,
        // docs/simulator.md; see the detector's VehicleHoodMinMillimeters), and its broad flat top (0.7-1.05 x
        // 0.5-0.65 m) fills half or more of a zone's floor even under a 3.0 m mount (about 0.7 m along the path), so
        // a zone that blends reads it at least half as high: 350 mm. A faint blend read lower is a head seen at the
        // zone's edge or a small child's, no hood.
        private const int BlendedHoodMinMillimeters = 350;

        // The crossing counted last (its verdict, None when none or when it was a pusher's, and its targets in zones 0 and 1),
        // see IsPusherOfLast.
        private CrossingKind _lastCounted;

        // The zones' shared verdict on a lead above PushedObjectMaxHeightMillimeters (IsCanopyOf).
        private readonly PairVerdict _canopyVerdict = new PairVerdict();

        private TargetSummary _lastCountedA;

        private TargetSummary _lastCountedB;

        // True when the pair a (zone 0), b (zone 1), of the same way as the crossing counted last, is the person pushing the
        // vehicle that crossing was: in both zones this pair's target is that crossing's pusher (IsPusherBehind, or where a
        // blending zone reads the pusher no taller than the hood IsBlendedPusherBehind; in neither zone by IsPusherBehind
        // only with the vehicle's length over both zones, IsHeldAsLongAsVehicleInBoth). A stroller
        // and its pusher are rigidly joined, so both zones show the same low body, the same handle and the same head behind
        // it. Each zone alone cannot always tell (see IsPushedBy): under a high mount the zone's own width pads both times,
        // and a brisk stroller passes a zone in as little time as its pusher, so the hood was paired on its own and counted,
        // and the pusher counted again. Unless both zones show the reach from the handle to the head (ShowsReach), the
        // vehicle held neither zone for less time than its pusher (HeldLessLong): the stroller and the reach to its handle
        // are longer than the pusher's body and pass at the pusher's pace; a person walking close behind another, whose lead
        // held one zone 1.5 times as long as them, was cut short in the other (tailgaters at 3.2 m). The gap between them
        // stayed at handle height in both zones (VehicleContact), or the zones blend and show the handle there as
        // ShowsBlendedHandle asks.
        private bool IsPusherOfLast(CrossingKind verdict, TargetSummary a, TargetSummary b)
        {
            int origin = OriginOf(verdict);
            bool risenA = IsPusherBehind(_lastCountedA, a);
            bool risenB = IsPusherBehind(_lastCountedB, b);
            return verdict == _lastCounted
                && (risenA || IsBlendedPusherBehind(_lastCountedA, a)) && (risenB || IsBlendedPusherBehind(_lastCountedB, b))
                && (risenA || risenB || IsHeldAsLongAsVehicleInBoth(_lastCountedA, a, _lastCountedB, b))
                && (!(VehicleContact.SawFloorBetween(a) || VehicleContact.SawFloorBetween(b))
                    || ShowsBlendedHandle(_lastCountedA, a, _lastCountedB, b))
                && ((ShowsReach(_lastCountedA, a) && ShowsReach(_lastCountedB, b))
                    || !(HeldLessLong(_lastCountedA, a) || HeldLessLong(_lastCountedB, b)))
                && (IsCrossingOf(_held, verdict, origin == 0 ? a : b, origin == 0 ? b : a)
                    || IsCrossingOf(_lastConfirmedCrossing, verdict, origin == 0 ? a : b, origin == 0 ? b : a));
        }

        // True when crossing (held, or confirmed last) is of that way and was made in the occupancy episodes of these targets.
        private static bool IsCrossingOf(HeldCrossing crossing, CrossingKind verdict, TargetSummary origin, TargetSummary destination)
        {
            return crossing.Kind == verdict && crossing.OriginEpisode == origin.Episode && crossing.DestinationEpisode == destination.Episode;
        }

        // True when target, in low's zone, is the person pushing low, a vehicle (at most PushedObjectMaxHeightMillimeters:
        // a hood) risen out of the floor or a still level, not split off a body ahead (a child close behind someone, with a
        // stroller's hood in the valley behind the child, shows the same shape). The pusher holds on: target split off low
        // at the very reading it ended (IsAttachedTo), or came out of the handle and forearms' level after it
        // (IsHeldOnBehind), over a gap both zones judge together (IsPusherOfLast: VehicleContact, ShowsBlendedHandle). And
        // the zone shows the vehicle ahead of its pusher in one of three ways: the head reads taller than the hood and came
        // in no sooner than the reach from the handle to the head takes to pass (ShowsReach; a person walking close behind
        // another brings their head in right behind the gap); or, the head taller, the vehicle held the zone at least 1.5
        // times as long as the pusher (a brisk stroller: the stroller and the reach to its handle, 0.95 m or more along the
        // path, pass at the pusher's own pace, while a body walking close behind is one body deep, however the valley cut
        // it); or it held the zone twice as long, whatever the head reads (a blended zone reads a small head lower than a
        // broad hood), as IsPushedBy asks.
        private bool IsPusherBehind(TargetSummary low, TargetSummary target)
        {
            if (!(IsAttachedTo(low, target) || IsHeldOnBehind(low, target)) || low.Origin == TargetOrigin.ValleySplit
                || low.HeightMillimeters > PushedObjectMaxHeightMillimeters || IsToppedByHead(low, target))
            {
                return false;
            }

            return IsHeldTwiceAsLong(low, target) || ShowsReach(low, target)
                || (target.HeightMillimeters > low.HeightMillimeters && IsHeldAsLongAsVehicle(low, target))
                || (target.HeightMillimeters - low.HeightMillimeters >= BlendedPusherRiseMillimeters && IsVehicleLong(low, target)
                    && ZoneOccupancyDetector.BlendsHead(target.NearestMillimeters));
        }

        // True when the gap before the pusher's target, read below handle height (VehicleContact) in a zone, is the handle
        // blended with the floor beside it, not the floor between two bodies: where both zones blend a head (a high mount:
        // under the incidence-weighted raster model the thin bar and the rounded forearms read 160-420 mm up under 2.8-3.0
        // m mounts, the floor around them weighing more than they do), both show a vehicle ahead of its pusher by its length
        // (IsBlendedVehicle), and one zone reads the gap at least half as high as the hood (BlendedHandleDivisor). A
        // wheelchair user with someone walking close behind, as low and as long as a stroller in such a zone, leaves the
        // floor between them: both zones read that gap less than half as high as the chair (hood and pusher were counted
        // apart, twice, wherever the handle read below 400 mm). Or the other way round: one zone shows the vehicle by its
        // length and both read the handle at half the hood's height or more. The handle is rigid and spans the path between
        // hood and hands, so every zone reads it; but each zone cuts the vehicle's target where its own footprint loses the
        // hood's rear, so one zone may read the vehicle no longer than its pusher (or read the pusher's head at the edge of
        // blending) while the other shows it. The floor between a seated person and someone close behind shows in a zone
        // whose footprint fits between them, and the zones' footprints sit side by side along the path: that gap reads
        // low in at least one of them.
        private static bool ShowsBlendedHandle(TargetSummary lowA, TargetSummary a, TargetSummary lowB, TargetSummary b)
        {
            bool vehicleA = IsBlendedVehicle(lowA, a);
            bool vehicleB = IsBlendedVehicle(lowB, b);
            bool handleA = a.GapHeightMillimeters * BlendedHandleDivisor >= lowA.HeightMillimeters;
            bool handleB = b.GapHeightMillimeters * BlendedHandleDivisor >= lowB.HeightMillimeters;
            return (vehicleA && vehicleB && (handleA || handleB)) || ((vehicleA || vehicleB) && handleA && handleB);
        }

        // True when target, in a zone that blends its head, is the person pushing low though it reads no taller than low by
        // the rise IsPusherBehind asks: under a high mount the zone reads a pusher's small head about as high as the broad
        // hood ahead of it (at raster 3.0 m 0.78-0.84 m behind hoods read at 0.83-0.87 m), so height tells nothing. The
        // zone shows the vehicle by its length and its longer-held top (IsBlendedVehicle) and reads the gap between the
        // two at half the hood's height or more (BlendedHandleDivisor: the handle and forearms at hood height, blended with
        // the floor beside them); the pusher held on behind it (IsAttachedTo, IsHeldOnBehind) after a low body risen out
        // of the floor or a still level, no higher than a hood.
        private static bool IsBlendedPusherBehind(TargetSummary low, TargetSummary target)
        {
            return (IsAttachedTo(low, target) || IsHeldOnBehind(low, target)) && low.Origin != TargetOrigin.ValleySplit
                && low.HeightMillimeters <= PushedObjectMaxHeightMillimeters && IsBlendedVehicle(low, target)
                && target.GapHeightMillimeters * BlendedHandleDivisor >= low.HeightMillimeters;
        }

        // True when the low body held the two zones together at least AttachedLongNumerator/AttachedLongDenominator (1.5)
        // times as long as the body behind it: a stroller and the reach to its handle (0.95 m or more) against a body 0.25-0.35
        // m deep, each padded by the zone's own length (about 0.7 m at 3.0 m), at one pace (see AttachedLongNumerator). Where
        // the pusher reads no taller than the hood in either zone (IsBlendedPusherBehind in both), only length tells a
        // vehicle from a child walking right ahead of someone; summed over both zones, since each zone cuts the two targets
        // at its own valley.
        private static bool IsHeldAsLongAsVehicleInBoth(TargetSummary lowA, TargetSummary a, TargetSummary lowB, TargetSummary b)
        {
            long low = (lowA.EndMs - lowA.StartMs) + (lowB.EndMs - lowB.StartMs);
            long behind = (a.EndMs - a.StartMs) + (b.EndMs - b.StartMs);
            return low * AttachedLongDenominator >= behind * AttachedLongNumerator;
        }

        // True when, in a zone that blends the head of target (ZoneOccupancyDetector.BlendsHead), low held the zone as long as
        // a vehicle ahead of its pusher does (IsVehicleLong: a stroller and the reach to its handle, 0.95 m or more, pass at
        // the pusher's pace) and held its top (the nearest level, TopHeldMs) longer than target held the head's: a hood is
        // 0.6 m or more along the path, a head 0.2 m, and at one pace the longer top holds the zone longer. A child ahead is
        // topped by a head as short as the follower's; a seated person may blend as flat as a hood, and the gap tells them
        // apart (ShowsBlendedHandle).
        private static bool IsBlendedVehicle(TargetSummary low, TargetSummary target)
        {
            return ZoneOccupancyDetector.BlendsHead(target.NearestMillimeters) && IsVehicleLong(low, target)
                && low.TopHeldMs > target.TopHeldMs;
        }

        // True when target reads taller than low and its head came in no sooner than the reach from the handle to the head
        // takes to pass (MinHandleToHeadMilliseconds) after low ended. The valley may also fall ahead of the handle: the zone
        // sees the floor past the thin handle bar between it and the hood's rear, more so where a surface's return weighs by
        // its incidence (the hood's rounded rear edge and the bar's sides weigh little against the floor). Then target rises
        // at once (the handle and forearms, at hood height) and the head comes the bar, the forearms and the reach later:
        // its top (TopStartMs) comes at least twice MinHandleToHeadMilliseconds after the valley and no sooner than the rest
        // of target takes to pass after it (the head in the back half of target's passage). Someone walking close behind
        // another brings their head in right behind the gap, their back and the zone's own length following it. Only a
        // head PusherRiseMillimeters taller (an adult over a hood; two people read at hood height under a high mount's blend
        // give no reach to time), and not a target merged with a vehicle of its own already (its head came that vehicle's
        // length after it began). And the head within a walker's passage of the valley (MinStoodOverMilliseconds): the handle
        // and the reach, under a metre, pass in about a second at a walk; a head seconds after the valley is a stroller that
        // stood in the zone (its pusher waiting, the hood's level broken by noise), which gives no pace to time a reach by.
        private static bool ShowsReach(TargetSummary low, TargetSummary target)
        {
            long headIn = target.TopStartMs - low.EndMs;
            return target.HeightMillimeters > low.HeightMillimeters && (target.OnsetMs - low.EndMs >= MinHandleToHeadMilliseconds
                || (headIn >= 2 * MinHandleToHeadMilliseconds && headIn >= target.EndMs - target.TopStartMs && !target.IsPushedMerge
                    && headIn < MinStoodOverMilliseconds
                    && target.HeightMillimeters - low.HeightMillimeters >= PusherRiseMillimeters));
        }

        // True when target rose out of the handle and forearms' level behind low (IsHeldOnTo: the handle's noise broke the
        // hood's tail into a fragment, and the head rose out of that level rather than out of a valley) within the time low
        // held its zone: the head is the reach of the arms behind the handle, less than the vehicle's own length. Not behind a
        // vehicle merged with its pusher already (one vehicle has one pusher), nor a person in a dense queue whose head came
        // in longer after the body ahead than that body took to pass (two short adults read at hood height under a high
        // mount, the gap between them blended above handle height).
        private static bool IsHeldOnBehind(TargetSummary low, TargetSummary target)
        {
            return IsHeldOnTo(low, target) && !low.IsPushedMerge && target.OnsetMs - low.EndMs < low.EndMs - low.StartMs;
        }

        // The pusher behind their vehicle as one target, from the vehicle's arrival to the pusher's leaving.
        private static TargetSummary PushingFrom(TargetSummary pusher, TargetSummary vehicle)
        {
            pusher.StartMs = vehicle.StartMs;
            pusher.OnsetMs = vehicle.OnsetMs;
            pusher.CoreStartMs = vehicle.CoreStartMs;
            pusher.Samples += vehicle.Samples;
            pusher.CoreSamples += vehicle.CoreSamples;
            pusher.Origin = vehicle.Origin;
            pusher.IsPushedMerge = true;
            return pusher;
        }

        // True when lead is a stroller (or cart) pushed by the person of target, who followed it in the same zone: the
        // person came within the pair gap holding on (the zone never read its floor between the two, see VehicleContact:
        // a wheelchair user with someone close behind reads as low and as long as a stroller, but the floor shows between
        // them), stands clearly taller, and the low thing is a vehicle, not a smaller person
        // walking ahead - it is long along the path, so (moving at the pusher's speed) it took the zone at least
        // PushedLengthNumerator/PushedLengthDenominator times as long to pass as the person did. A stroller is
        // 0.8-1.0 m long against a body 0.25-0.3 m deep; a child is shallower than an adult.
        // A pusher who reads taller, but by less than PusherRiseMillimeters, is still taken when attached to the vehicle
        // (the pusher's hands are on the handle, so the zone never clears between the two: the person's target splits
        // off the vehicle's at the very sample it ends) and the vehicle held the zone AttachedPushedLengthFactor times
        // as long as the person, or 1.5 times as long and at least as long as a vehicle takes to pass (see
        // MinVehiclePassMilliseconds).
        private bool IsPushedBy(int zone, TargetSummary lead, TargetSummary target)
        {
            int rise = target.HeightMillimeters - lead.HeightMillimeters;
            if (target.OnsetMs - lead.EndMs > _maxGap || rise <= 0 || !_vehicleContact.IsOneBody(zone, lead, target))
            {
                return false;
            }

            if (rise >= PusherRiseMillimeters)
            {
                return lead.HeightMillimeters <= PushedObjectMaxHeightMillimeters
                    ? IsVehicleLong(lead, target) && !IsToppedByHead(lead, target)
                    : IsCanopyOf(zone, lead, target);
            }

            if (!IsAttachedTo(lead, target) || lead.HeightMillimeters > PushedObjectMaxHeightMillimeters)
            {
                return false;
            }

            return IsHeldTwiceAsLong(lead, target)
                || (IsHeldAsLongAsVehicle(lead, target) && lead.EndMs - lead.StartMs >= MinVehiclePassMilliseconds);
        }

        // True when low's top is a head, not a hood: a seated person (a wheelchair user as low as a stroller's hood, with
        // someone walking close behind at the chair's pace, reads as long along the path as a stroller pushed by them). A
        // pusher walks at the vehicle's pace, so the follower's head gives it: the zone reads the crown while the head and
        // the zone's length at that distance pass (ZoneOccupancyDetector.HeadPassMillimeters). At that pace low's top
        // (its nearest level, less the zone's length at its distance) is no longer than a head (see
        // ZoneOccupancyDetector.IsHeadTop). Only when the follower reads PusherRiseMillimeters taller (closer, a blending
        // zone reads the two bodies' tops as one: see PusherRiseMillimeters), both tops were held as levels
        // (StepPlateauSamples readings: a zone that blends a body with the floor around it reads a peak, not a level) and
        // the follower's as a walker's head is (at most MaxHeadMilliseconds: a level held longer is someone who slowed or
        // stopped under the zone, or a blend of more than a head, and gives no pace).
        private bool IsToppedByHead(TargetSummary low, TargetSummary follower)
        {
            long level = (ZoneOccupancyDetector.StepPlateauSamples - 1) * _readCycleMs;
            return follower.HeightMillimeters - low.HeightMillimeters >= PusherRiseMillimeters && low.TopHeldMs >= level
                && follower.TopHeldMs >= level && follower.TopHeldMs <= ZoneOccupancyDetector.MaxHeadMilliseconds
                && ZoneOccupancyDetector.IsHeadTop(low.TopHeldMs, low.NearestMillimeters, follower.TopHeldMs, follower.NearestMillimeters);
        }

        // True when lead, as high as a seated adult's head (above PushedObjectMaxHeightMillimeters), is a pushchair's canopy
        // ahead of its pusher target: long along the path like a vehicle (IsVehicleLong), its top no head
        // (IsToppedByHead) and its pusher risen straight out of its level (RoseStraightOff). Each zone judges from its own
        // readings, whose timing and valleys differ, so the first zone to judge the pair decides for both
        // (PairVerdict, as in VehicleContact): a pushchair merged with its pusher in one zone and counted apart in the other left the
        // zones' queues pairing the wrong targets (a crossing counted the wrong way round, or a turn-back).
        private bool IsCanopyOf(int zone, TargetSummary lead, TargetSummary target)
        {
            bool canopy;
            if (_canopyVerdict.TryTakeOther(zone, lead.StartMs, lead.EndMs, out canopy))
            {
                return canopy;
            }

            return _canopyVerdict.Record(zone, lead, IsVehicleLong(lead, target) && !IsToppedByHead(lead, target) && RoseStraightOff(lead, target));
        }

        // True when target split off low with no valley between them (a step from low's level straight up to target's): the
        // zone read nothing lower than low's top between the two, the handle bar a canopy stands close above, not the push
        // handles and shoulders 0.2-0.55 m below a seated head (see RoseStraightBehind).
        private static bool RoseStraightOff(TargetSummary low, TargetSummary target)
        {
            return IsAttachedTo(low, target) && target.GapHeightMillimeters < 0;
        }

        // True when lead held its zone for less time than a vehicle takes to pass (MinVehiclePassMilliseconds: a stroller and
        // the reach to its handle at a pushing pace), less the read cycles its measured hold may fall short by.
        private bool IsShortOfVehicle(TargetSummary lead)
        {
            return lead.EndMs - lead.StartMs < MinVehiclePassMilliseconds - VehiclePassReadCycles * _readCycleMs;
        }

        // True when low held its zone at least AttachedPushedLengthFactor times as long as target (see IsPushedBy).
        private static bool IsHeldTwiceAsLong(TargetSummary low, TargetSummary target)
        {
            return low.EndMs - low.StartMs >= (target.EndMs - target.StartMs) * AttachedPushedLengthFactor;
        }

        // True when low held its zone at least AttachedLongNumerator/AttachedLongDenominator times as long as target (see
        // IsPushedBy).
        private static bool IsHeldAsLongAsVehicle(TargetSummary low, TargetSummary target)
        {
            return (low.EndMs - low.StartMs) * AttachedLongDenominator >= (target.EndMs - target.StartMs) * AttachedLongNumerator;
        }

        // True when target split off lead in one continuous presence of the zone, starting where lead ended: nothing
        // between them went back to the floor.
        private static bool IsAttachedTo(TargetSummary lead, TargetSummary target)
        {
            return target.Origin == TargetOrigin.ValleySplit && target.Episode == lead.Episode && target.StartMs == lead.EndMs;
        }

        // True when the target finishing in zone ended where the next one rose straight out of its level (a step: the zone read
        // nothing lower than its top before the next, taller, target came in, see ZoneOccupancyDetector.Steps). A pushchair's
        // canopy stands 0-0.3 m above its handle bar right behind it, and the pusher's hands and forearms hold the bar, so the
        // zone's reading runs from the canopy over the bar to the pusher's head without a valley. A seated person's head
        // stands 0.25-0.35 m above their shoulders right behind it and 0.2-0.55 m above the chair's push handles, and whoever
        // walks behind leaves the floor or their own front lower still: a valley. A target as high as a seated head (above
        // PushedObjectMaxHeightMillimeters) waits for a pusher only after a step; else it is counted at once (waiting delayed
        // a seated person's count by up to the next body's passage, past the pairing's tolerance). Consumed by each finished
        // target.
        private bool RoseStraightBehind(int zone)
        {
            bool step = _splitOff[zone] && _splitGapHeightMm[zone] < 0;
            _splitOff[zone] = false;
            return step;
        }

        // True when the target open behind the held-back low one has already lasted longer than a pusher can (see
        // IsPushedBy: a pusher passes the zone in at most PushedLengthDenominator/PushedLengthNumerator of the time their
        // vehicle took), so the low one is no pushed object and need not wait for it to finish. Without this, a seated
        // person reading low under a high mount was held until the next one in a queue had passed the zone: 1-2 s late.
        // How near the open target has come so far tells sooner. A pusher who does not stand PusherRiseMillimeters taller
        // than the vehicle must pass in 1/AttachedPushedLengthFactor of its time; one who does shows it early, because the
        // head is the first thing above the handle, at most an arm's reach and half a body (~0.6 m) behind the hands, which
        // a pusher walking at least 0.6 m/s brings into the zone within PusherHeadMilliseconds. So a follower that has lasted
        // longer than both without coming that much nearer is another body (a second wheelchair user close behind the
        // first): before, the first was counted only when the second was nearly through, 2-3 s late.
        private bool OutlastsPusher(int zone, long nowMs)
        {
            PairingZone pairing = _zones[zone];
            if (!pairing.IsOpen)
            {
                return false;
            }

            long leadMs = pairing.LeadEndMs - pairing.LeadStartMs;
            long openMs = nowMs - pairing.OpenStartMs;
            if (openMs * PushedLengthNumerator > leadMs * PushedLengthDenominator)
            {
                return true;
            }

            bool risen = pairing.LeadNearestMillimeters - _openNearestMm[zone] >= PusherRiseMillimeters;
            return !risen && openMs > PusherHeadMilliseconds && openMs * AttachedPushedLengthFactor > leadMs;
        }

        // True when target, about to be settled as a touch, is the person behind the low thing queued last in its zone, and
        // is merged into it: target split off that low one at the very sample it ended (one presence, the zone never
        // cleared), reads at least PusherRiseMillimeters taller, and the other zone's open target rose after the low one
        // came here. That is a vehicle pushed over the line ahead of its pusher: the stroller's hood (or a wheelchair's
        // footrest and knees) reached the other zone while the head behind it was still coming, so the head here is
        // detected after the other zone's onset, as a touch across the line would be; but a touch comes from someone the
        // other zone held before, with no low body of its own ahead of it that came here first. Dropped as a touch, the
        // pusher left only the low one to pair, and that was then refused against the other zone's head as two things
        // (rule 5): the crossing was lost. A head split off the low one at the valley is taken here at once only behind a
        // low one as long as a vehicle (IsVehicleLong, as IsPushedBy asks); a shorter one may be a child walking right ahead
        // (FollowsLowBodyAhead), whose target ends at the valley the adult's head rises out of. A head that came out of the
        // handle and forearms' level instead (IsHeldOnTo, later than the low one's end) behind a low one at hood height
        // (PushedObjectMaxHeightMillimeters) is the pusher holding on, however long the low one held the zone: in a queue
        // the zone may read only the hood's tail as a target of its own (its front ended the target ahead at a valley, or
        // stood as a level), so the piece's length says nothing of the vehicle's, and the stroller and its pusher, rigidly
        // joined, carry the handle's level between them into the zone. A low one the detector cut off its follower as short
        // along the path (TargetSummary.IsShortAlongPath: a child's head, or a seated person's, no hood) is a body of its
        // own, whatever its length: its follower is not taken over.
        private bool TakesOverVehicle(int zone, TargetSummary target)
        {
            PairingZone pairing = _zones[zone];
            PairingZone other = _zones[1 - zone];
            TargetSummary low = pairing.Newest;
            bool attached = IsAttachedTo(low, target);
            if (!(attached || IsHeldOnTo(low, target) || IsHeldOnOverDropout(low, target))
                || target.HeightMillimeters - low.HeightMillimeters < PusherRiseMillimeters
                || other.OpenOnsetMs < low.OnsetMs
                || (attached ? !IsVehicleLong(low, target) || low.IsShortAlongPath : low.HeightMillimeters > PushedObjectMaxHeightMillimeters))
            {
                return false;
            }

            low.EndMs = target.EndMs;
            low.NearestMillimeters = target.NearestMillimeters;
            low.HeightMillimeters = target.HeightMillimeters;
            low.Samples += target.Samples;
            low.CoreSamples += target.CoreSamples;
            low.IsShortLead = false;
            low.IsPushedMerge = true;
            pairing.ReplaceNewest(low);
            PushedObjectMerges++;
            return true;
        }

        // True when low held its zone for less time than target, the person behind it. A stroller and the reach to its
        // handle (0.95 m or more along the path) are longer than the pusher's body (0.25-0.35 m deep) and pass at the
        // pusher's pace, so they never hold a zone for less time than the pusher does (IsPushedBy asks them to hold it
        // PushedLengthNumerator/PushedLengthDenominator times as long); a child walking right ahead of an adult is one body
        // deep, and its target ends where the adult's head comes in.
        private static bool HeldLessLong(TargetSummary low, TargetSummary target)
        {
            return low.EndMs - low.StartMs < target.EndMs - target.StartMs;
        }

        // True when low held its zone at least PushedLengthNumerator/PushedLengthDenominator times as long as target (see
        // IsPushedBy).
        private static bool IsVehicleLong(TargetSummary low, TargetSummary target)
        {
            return (low.EndMs - low.StartMs) * PushedLengthDenominator >= (target.EndMs - target.StartMs) * PushedLengthNumerator;
        }

        // True when the oldest target of zone is a low one and the next one is the taller body that split off it and was
        // queued as a person of its own (FollowsLowBody), while the other zone has the same low one queued and the taller
        // one behind it still open there, not yet as long as the low one: whether the two are one body is told by both
        // zones together (JoinsLowBody), so the pair waits for it.
        private bool AwaitsLowBodyVerdict(int zone, long nowMs)
        {
            PairingZone pairing = _zones[zone];
            PairingZone other = _zones[1 - zone];
            if (pairing.Count != 2 || !pairing.Second.FollowsLowBody || other.Count != 1 || !other.IsOpen || !other.OpenIsSplit
                || other.OpenStartMs != other.OldestEndMs)
            {
                return false;
            }

            return nowMs - other.OpenStartMs <= other.OldestEndMs - other.OldestStartMs;
        }

        // A low target and the taller one split off it, kept apart in one zone (FollowsLowBody), are one body - a vehicle and
        // its pusher, merged as IsPushedBy does - unless one zone or the other saw the low one hold it for less time than
        // the taller one behind it (HeldLessLong): a stroller is longer than its pusher's body in both zones, while a child
        // right ahead of an adult is cut short by the adult's head at least in one (the zones' footprints cut the gap
        // between two bodies at different points), and unless either zone's detector cut the low one off as short along the
        // path (TargetSummary.IsShortAlongPath: its top is a head, no hood). Judged once the other zone has split the same pair too; a zone that saw
        // them as one target leaves them to TakesVehicleAhead. True when the two pairs were merged.
        private bool JoinsLowBody(int zone)
        {
            PairingZone pairing = _zones[zone];
            PairingZone other = _zones[1 - zone];
            if (pairing.Count != 2 || other.Count != 2 || !pairing.Second.FollowsLowBody)
            {
                return false;
            }

            TargetSummary low = pairing.Oldest;
            TargetSummary body = pairing.Second;
            TargetSummary otherLow = other.Oldest;
            TargetSummary otherBody = other.Second;
            if (!IsAttachedTo(low, body) || !IsAttachedTo(otherLow, otherBody)
                || otherBody.HeightMillimeters - otherLow.HeightMillimeters < PusherRiseMillimeters
                || HeldLessLong(low, body) || HeldLessLong(otherLow, otherBody) || low.IsShortAlongPath || otherLow.IsShortAlongPath)
            {
                return false;
            }

            pairing.ReplaceNewest(PushingFrom(body, low));
            pairing.DropOldest();
            other.ReplaceNewest(PushingFrom(otherBody, otherLow));
            other.DropOldest();
            PushedObjectMerges += 2;
            return true;
        }

        // True when target, about to be settled as a touch, has the shape TakesOverVehicle takes (split off the low one
        // queued last at the very sample it ended, PusherRiseMillimeters taller, the other zone's open target risen after
        // the low one came here) but the low one held the zone too briefly for a vehicle in this zone (IsVehicleLong): it may
        // be a child walking right ahead of an adult in a queue, who reaches the other zone first just the same. The one
        // behind is no touch across the line either way (a touch comes from someone the other zone held before, with no
        // body of its own ahead of it that came here first): it is queued as a body of its own, marked FollowsLowBody, and
        // both zones together tell whether the two are one (JoinsLowBody, TakesVehicleAhead). Merged here, a child right
        // ahead of an adult was lost in a queue. So is a low one as long as a vehicle that the detector cut off its follower
        // as short along the path (TargetSummary.IsShortAlongPath): a wheelchair user with someone close behind.
        private bool FollowsLowBodyAhead(int zone, TargetSummary target)
        {
            TargetSummary low = _zones[zone].Newest;
            return IsAttachedTo(low, target) && target.HeightMillimeters - low.HeightMillimeters >= PusherRiseMillimeters
                && _zones[1 - zone].OpenOnsetMs >= low.OnsetMs && (!IsVehicleLong(low, target) || low.IsShortAlongPath);
        }

        // True when target came after low in one presence of its zone (the zone never read its floor in between) out of a gap
        // that stayed at handle height (VehicleContact): the pusher's hands stay on the handle, so between the hood and the
        // head the zone reads the handle and forearms, whose ranging noise may break the hood's tail off as a fragment or
        // let the head rise out of that level rather than out of a valley. The next person walking close behind leaves a gap
        // read as mostly floor.
        private static bool IsHeldOnTo(TargetSummary low, TargetSummary target)
        {
            return target.Episode == low.Episode && target.IsBornInPresence && target.StartMs >= low.EndMs
                && target.GapFarthestMillimeters > 0 && !VehicleContact.SawFloorBetween(target);
        }

        // True when target rose anew in its zone at the reading after the one that ended low (a new presence, but the zone lost
        // the body for that single reading: less than two read cycles from low's end, a read cycle and the sensor's pause
        // between ranges apart) and a zone that blends a head reads it (a high mount), behind a low one read as high as a
        // hood is in such a zone (BlendedHoodMinMillimeters): the handle bar and forearms
        // between a hood and the pusher's chest, blended with the floor beside them (160-420 mm up under 2.8-3.0 m mounts on
        // the raster model, see ShowsBlendedHandle), can read under the exit threshold or fail to range for one reading, and
        // the zone's presence ends there. Taken over only as TakesOverVehicle asks: about to be dropped as a touch, the other
        // zone's open target risen after low came here (that zone held hood and pusher as one target), and low not cut off
        // as short along the path (a head, no hood).
        private bool IsHeldOnOverDropout(TargetSummary low, TargetSummary target)
        {
            return target.Origin == TargetOrigin.Floor && target.StartMs > low.EndMs && target.StartMs - low.EndMs < 2 * _readCycleMs
                && low.HeightMillimeters >= BlendedHoodMinMillimeters && !low.IsShortAlongPath
                && ZoneOccupancyDetector.BlendsHead(target.NearestMillimeters);
        }

        // True when the oldest target of zone, ended first and about to be dropped as a stray against other (two bodies: its
        // head lies far from other's), is the vehicle that other already holds with its pusher (a stroller and the person
        // pushing it, merged there as one target, see IsPushedBy), and is merged into the target split off it next, which is
        // that pusher: it split off the low one at the very sample it ended (the zone never cleared between them) and reads as
        // near as other does. In this zone the vehicle's target held the zone too briefly beside the pusher's to be merged
        // when it fell (the hood's target ends where the head rises, and a blending zone pads both with its own width);
        // dropped, it left the pusher's target nested in other, settled as a touch, and the crossing was lost. Two people
        // walking close behind each other are not merged in the other zone, so this never joins them. A vehicle stands at most
        // PushedObjectMaxHeightMillimeters high.
        // The same when this zone kept the low one apart from the head behind it (FollowsLowBody) and the other zone saw
        // the two as one target: that zone tells nothing of two bodies, so they stay one, as they were before.
        private bool TakesVehicleAhead(int zone, TargetSummary other)
        {
            PairingZone pairing = _zones[zone];
            if (pairing.Count != 2)
            {
                return false;
            }

            TargetSummary low = pairing.Oldest;
            TargetSummary pusher = pairing.Second;
            if (!(other.IsPushedMerge || pusher.FollowsLowBody)
                || (low.HeightMillimeters > PushedObjectMaxHeightMillimeters && !pusher.FollowsLowBody)
                || low.EndMs > other.EndMs || !IsAttachedTo(low, pusher) || AreTwoBodies(pusher, other))
            {
                return false;
            }

            pairing.ReplaceNewest(PushingFrom(pusher, low));
            pairing.DropOldest();
            PushedObjectMerges++;
            return true;
        }
    }
}
