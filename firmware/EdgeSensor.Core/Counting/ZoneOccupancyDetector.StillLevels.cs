namespace EdgeSensor.Core.Counting
{
    // Still levels: a person who stopped under the sensor, their sway, and their walk off the level.
    public sealed partial class ZoneOccupancyDetector
    {
        // How much nearer than a stander's level their own sway reads at most: less than a head and shoulders' depth (the
        // same 0.5 m that tells two bodies' sides apart in the pairing stage), since part of them is in the level already.
        private const int SwayMillimeters = 500;

        // A target that rose from the floor and held one level (within the noise band) from its first reading for this long
        // is a still surface: a walker's body passes a zone's footprint in under a second (MaxHeadMilliseconds), and the
        // reading changes by more than the noise while a body comes in.
        private const int StillSinceRiseMilliseconds = 1000;

        // True when the target rose out of the floor onto a level and has held it, within the noise band, for longer than a
        // body takes to pass, while the other zone holds a shallow still level too (PeerHoldsStillLevel): a door leaf
        // standing open lies across both zones at the footprint's edge, and the zone at its tip reads a level just inside
        // the enter threshold. Left a target, that level runs on as long low targets back to back, and the leaf's closing
        // sweep falls inside one of them, seconds after its onset, where the simultaneous-onset door rule cannot see it.
        // Only a shallow level: the target's nearest reading at most two enter deltas nearer than the floor (the peer's
        // averaged level within one and a half: the nearest of many noisy readings lies ~2 sigma, about half an enter
        // delta, nearer than their level). A person standing under the sensor reads nearer in at least one zone.
        private bool IsStillSinceRise(long timeMs)
        {
            return PeerHoldsStillLevel && _current.Origin == TargetOrigin.Floor && _plateauMs == _current.StartMs
                && timeMs - _current.StartMs >= StillSinceRiseMilliseconds
                && IsShallowLevel(_current.NearestMillimeters);
        }

        // True when a level reads at most two enter deltas nearer than the floor: the sliver of a door leaf standing open
        // at the footprint's edge, just inside the enter threshold. A person's still body reads nearer.
        private bool IsShallowLevel(int levelMillimeters)
        {
            return levelMillimeters >= _enterBelow - (_baseline - _enterBelow);
        }

        private ZoneEvent SettleOnStillLevel()
        {
            // No target at all: the level is background (the zone channel then takes it for its floor, as it does a still
            // surface an empty zone settles on), and the leaf's closing sweep rises out of it like a new target.
            _state = DetectorState.Background;
            _isWeak = false;
            _background = _plateau;
            EnterBodyLevel(false, 0);
            return ZoneEvent.Cancel;
        }

        // A zone left holding the level a body's own valley split returned to holds that body: a person who stopped and sways
        // (their head moving off and back cuts their target at a valley, and the valley's level is their still blend of
        // head, shoulders and floor). A level a target settled on far above its head (a door leaf standing open) or one
        // the previous person's target rose out of is no such body.
        private void EnterBodyLevel(bool body, long timeMs)
        {
            _bodyLevel = body;
            _bodyLevelMs = timeMs;
            _leaveSamples = 0;
        }

        // True when the target that just returned to a stander's level was that person swaying: it rose out of the level and
        // came less than SwayMillimeters nearer than it. A still person's head and shoulders are in the level's blend already,
        // and shifting their weight moves only part of them; someone else walking in brings their whole head, far nearer than
        // a level low over the floor (in a dense flow the level between two people is the first one's tail).
        private bool IsSway()
        {
            return _bodyLevel && _current.Origin == TargetOrigin.Background && _background - _current.NearestMillimeters < SwayMillimeters;
        }

        // A target that rose out of a stander's level and returned to it is that person swaying (a head or a shoulder moving
        // off and back): the level is still their body, standing there since they first settled.
        private void ReturnToBodyLevel()
        {
            _leaveSamples = 0;
        }

        // Counts the readings since the zone last read at its still level: readings farther than the level by more than the
        // noise are a body walking off it towards the floor. Judged against the level as it stood when they began to leave
        // it, not the average that follows them out.
        private void TrackLeaving(long timeMs, int d, int fall)
        {
            if (d <= (_leaveSamples == 0 ? _background : _leaveLevel) + fall)
            {
                _leaveSamples = 0;
                return;
            }

            if (_leaveSamples == 0)
            {
                _leaveFloorMs = 0;
                _leaveStartMs = timeMs;
                _leaveLevel = _background;
                _leaveFarthest = d;
            }

            if (_leaveFloorMs == 0 && d > _exitAbove)
            {
                _leaveFloorMs = timeMs;
            }

            _leaveSamples++;
            _leaveFarthest = d > _leaveFarthest ? d : _leaveFarthest;
        }

        // True while readings farther than a stander's level (held StanderMilliseconds before they began to leave it) are
        // walking off it: released, the level reports their walk off (LeaveStillLevel).
        private bool IsLeavingBodyLevel => _bodyLevel && _leaveSamples > 0 && _leaveStartMs - _bodyLevelMs >= StanderMilliseconds;

        // The still level went away. When it was a person standing (EnterBodyLevel), their stay and their walk off it are the
        // last of their presence in this zone: a target from when they settled to the first reading of the floor again (the averaged
        // level the zone is released on lags it by several readings), so that
        // the pairing stage sees which zone they walked off into (the one they leave last). Dated from the settling, not
        // from the first reading that left the level: a stander's body is seen by the next zone as they start to move
        // (a wide footprint under a high mount), before their own zone's reading clears the noise band.
        // Without it a person who stopped, was taken for background and walked on left no target in the zone they stood
        // in, and their crossing was lost.
        private void LeaveStillLevel(long timeMs)
        {
            if (!IsLeavingBodyLevel)
            {
                return;
            }

            _bodyLevel = false;
            FinishLevelTarget(TargetOrigin.Background, _bodyLevelMs, _bodyLevelMs, 0, _leaveFloorMs > 0 ? _leaveFloorMs : timeMs, _leaveLevel, _leaveFarthest, _leaveSamples, true);
        }
    }
}
