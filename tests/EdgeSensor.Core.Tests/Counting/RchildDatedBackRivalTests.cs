using EdgeSensor.Core.Counting;

namespace EdgeSensor.Core.Tests.Counting;

/// <summary>
/// Issue 9, a stray ahead of a person: a one-sample blip in zone 1 (a wheelchair user's knees or footrest reaching over the
/// line a moment early, 400 mm below their head) ends just before the person rises in zone 0, within the pair gap. When the
/// person's own zone-1 side rose, dated back over its rise, the pairing stage took it for a target split off a valley and let
/// the blip keep its place as the zone-0 side's partner: the crossing counted the wrong way, and every later pair of the
/// flow shifted by one. Times and distances from the simulator's raster-model wheelchair scene at 2.8 m, seed 1 (there the
/// zone-0 side was confirmed 100 ms later, while its first readings held the blip's place as a pending dip; here it is
/// confirmed within the gap). Inside zone 1: zone 0 then zone 1 is an entry.
/// </summary>
[TestClass]
public sealed class RchildDatedBackRivalTests
{
    [TestMethod]
    public void BlipAheadOfAPerson_GivesWayToTheirOverlappingSide_DatedBackOverItsRise()
    {
        var run = new PairingScript(mount: 2800);
        run.Target(1, start: 242408, end: 242478, nearest: 2457, samples: 1);
        run.Target(0, start: 242723, onset: 242758, end: 243983, nearest: 2042, samples: 17, origin: TargetOrigin.Floor);
        run.Target(1, start: 243388, onset: 243528, end: 244718, nearest: 2136, samples: 19, origin: TargetOrigin.Floor);
        run.FinishTicking();

        Assert.AreEqual(1, run.Pairing.Entries, run.Describe());
        Assert.AreEqual(0, run.Pairing.Exits, run.Describe());
    }
}
