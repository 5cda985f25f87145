using EdgeSensor.Simulator.Population;
using EdgeSensor.Simulator.Randomness;

namespace EdgeSensor.Simulator.Tests.Physics;

/// <summary>A pushed stroller is shaped like a pushchair (docs/simulator.md, "Pushchair profile"): highest over the seat
/// back in its rear half, lower at the front, the handle bar at its rear end; not a flat-topped box.</summary>
[TestClass]
public sealed class PushchairShapeTests
{
    // Where the handle bar is: the stroller part nearest the pusher at handle height (the forearms reach it from behind).
    private static double HandleAhead(Body b) => b.Parts.Where(p => p.HalfLengthMillimeters == 40).Max(p => p.AheadMillimeters);

    // The body's height at a point on its centre line, this far ahead of the pusher's reference point.
    private static double HeightAt(Body b, double ahead) =>
        b.Parts.Where(p => Math.Abs(ahead - p.AheadMillimeters) <= p.HalfLengthMillimeters).Select(p => p.TopMillimeters).DefaultIfEmpty(0).Max();

    private static IEnumerable<Body> Strollers(int seeds)
    {
        for (int seed = 1; seed <= seeds; seed++)
        {
            var rng = new Rng((ulong)seed);
            BodyDistribution d = BodyDistribution.Draw(Rng.ForStream((ulong)seed, 4));
            for (int i = 0; i < 20; i++)
            {
                yield return BodyFactory.Create(PopulationGroup.Stroller, rng, d);
            }
        }
    }

    [TestMethod]
    public void ThePushchairIsHighestInItsRearHalfAndLowerAtItsFront()
    {
        foreach (Body b in Strollers(40))
        {
            double rear = HandleAhead(b), front = b.FrontMillimeters, length = front - rear;
            double middle = rear + length / 2;
            double highestRear = Enumerable.Range(1, 20).Select(i => HeightAt(b, rear + 60 + i * (middle - rear - 60) / 20)).Max();
            double frontQuarter = Enumerable.Range(0, 10).Select(i => HeightAt(b, front - 10 - i * length / 40)).Max();
            Assert.IsGreaterThanOrEqualTo(750 - 1, length, "0.75-1.0 m long");
            Assert.IsLessThanOrEqualTo(1000 + 1, length, "0.75-1.0 m long");
            Assert.IsGreaterThanOrEqualTo(frontQuarter + 100, highestRear, "the top over the seat back stands above the legs and footrest");
            Assert.IsGreaterThanOrEqualTo(400, frontQuarter, "the front reads the child's legs and the footrest");
            Assert.IsLessThanOrEqualTo(700, frontQuarter, "the front reads the child's legs and the footrest");
        }
    }

    [TestMethod]
    public void SomeCanopiesAreUpAndSomeFoldedAndTheFoldedTopIsTheNarrowSeatBack()
    {
        var rng = new Rng(5);
        int up = 0, folded = 0;
        for (int seed = 1; seed <= 40; seed++)
        {
            BodyDistribution d = BodyDistribution.Draw(Rng.ForStream((ulong)seed, 4));
            Assert.IsTrue(d.StrollerCanopyUpShare is >= 0.4 and < 0.95, "the share of canopies up is drawn per seed");
            for (int i = 0; i < 20; i++)
            {
                StrollerProfile p = StrollerProfile.Draw(rng, d, 1000, 880, 580);
                Assert.IsLessThanOrEqualTo(880 / 2.0, p.TopAtMillimeters, "the top is over the seat back, in the rear half");
                Assert.IsGreaterThanOrEqualTo(p.FrontMillimeters + 100, p.TopMillimeters, "the front is lower than the top");
                if (p.CanopyUp)
                {
                    up++;
                    Assert.AreEqual(1000, p.TopMillimeters, "the canopy's top is the hood height drawn");
                }
                else
                {
                    folded++;
                    Assert.IsLessThan(580 / 2.0 - 40, p.TopHalfWidthMillimeters, "a folded canopy leaves the seat back, narrower than a canopy");
                    Assert.IsTrue(p.TopMillimeters is >= 680 and <= 1120, "the seat back and the child's head");
                }
            }
        }

        Assert.IsGreaterThan(0.4 * (up + folded), up, "most canopies are up");
        Assert.IsGreaterThan(0.05 * (up + folded), folded, "some are folded");
    }

    [TestMethod]
    public void TheHandleBarIsAtTheRearEndAtHandleHeight()
    {
        foreach (Body b in Strollers(20))
        {
            BodyPart bar = b.Parts.Where(p => p.HalfLengthMillimeters == 40).OrderByDescending(p => p.AheadMillimeters).First();
            Assert.IsTrue(bar.TopMillimeters is >= 850 and <= 1230, $"handle bar {bar.TopMillimeters} mm");
            Assert.IsTrue(b.Parts.Where(p => p.TopMillimeters < 1230 && p.HalfLengthMillimeters != 40 && p.AheadMillimeters > bar.AheadMillimeters)
                .All(p => p.AheadMillimeters - p.HalfLengthMillimeters >= bar.AheadMillimeters - 1), "nothing of the pushchair reaches behind its handle bar");
        }
    }
}
