namespace EdgeSensor.Core.Counting
{
    // A door leaf the door rules refused, swinging on into the next pair.
    public sealed partial class CrossingStateMachine
    {
        // A leaf's edge read twice in one swing reads as near within this (ranging noise of 20-60 mm at 2.2-3.0 m, twice);
        // a head differs from the top edge of a door (2030 mm or more up) by more, but for the tallest few.
        private const int LeafEdgeMatchMillimeters = 100;

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
            return RestingEdgeGap(zone, target) > LeafEdgeMatchMillimeters;
        }

        // True when a and b each read as near as the leaf at rest in their zone did (within LeafEdgeMatchMillimeters, see
        // RestingEdgeGap): the leaf swinging shut out of its rest (or open again), one rigid edge read again in both zones. A
        // walker under the leaf standing open reads at their head's height, and a tall one's head, as near as the leaf's edge,
        // reaches the second zone a step after the first (DoorDiscriminator.CoresAStepApart), while the leaf's edge fills both
        // within a read cycle or two. And one of the two rose out of the leaf standing in its zone (RoseOutOfLeaf): a
        // walker's pair that merely reads at the heights a leaf's edge did, in a doorway without a door, does not. Its
        // closing sweep came out in a walker's order where its fringe or its level held one zone before its edge came, and
        // was counted.
        private bool IsRestingLeafMoving(TargetSummary a, TargetSummary b)
        {
            int gapA = RestingEdgeGap(0, a);
            int gapB = RestingEdgeGap(1, b);
            return gapA >= 0 && gapA <= LeafEdgeMatchMillimeters && gapB >= 0 && gapB <= LeafEdgeMatchMillimeters && !_door.CoresAStepApart(a, b)
                && (RoseOutOfLeaf(a) || RoseOutOfLeaf(b));
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
        // when no leaf stood at rest there.
        private int RestingEdgeGap(int zone, TargetSummary target)
        {
            int gap = target.NearestMillimeters - _restNearestMm[zone];
            return !RestedBy(zone, target.StartMs) ? -1 : gap < 0 ? -gap : gap;
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
                && originTarget.StartMs == _leafEndMs[originZone] && gap <= LeafEdgeMatchMillimeters && -gap <= LeafEdgeMatchMillimeters;
        }
    }
}
