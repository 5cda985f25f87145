using EdgeSensor.Sdk.Opening;

namespace EdgeSensor.Sdk.Tests.Opening;

[TestClass]
public sealed class ReplayWindowTests
{
    [TestMethod]
    public void MatchesAReferenceModelOnRandomTraffic()
    {
        const int size = 128;
        var window = new ReplayWindow(size);
        var seen = new HashSet<ulong>();
        ulong highest = 0;
        bool any = false;
        var random = new Random(5);
        ulong cursor = 1000;
        for (int i = 0; i < 50_000; i++)
        {
            // Mostly forward, some late, some duplicates, the occasional big jump.
            int kind = random.Next(100);
            ulong sequence = kind < 60 ? cursor++ : kind < 95 ? cursor - (ulong)random.Next(0, 300) : cursor += (ulong)random.Next(1, 1000);
            bool expected = !any || sequence > highest || (highest - sequence < size && !seen.Contains(sequence));
            Assert.AreEqual(expected, window.CanAccept(sequence), $"step {i}, sequence {sequence}, highest {highest}");
            if (expected)
            {
                window.Mark(sequence);
                seen.Add(sequence);
                if (!any || sequence > highest)
                {
                    highest = sequence;
                }

                any = true;
            }
        }
    }

    [TestMethod]
    public void HandlesTheTopOfTheSequenceSpace()
    {
        var window = new ReplayWindow(64);
        window.Mark(ulong.MaxValue - 1);
        Assert.IsTrue(window.CanAccept(ulong.MaxValue));
        window.Mark(ulong.MaxValue);
        Assert.IsFalse(window.CanAccept(ulong.MaxValue));
        Assert.IsFalse(window.CanAccept(ulong.MaxValue - 1));
        Assert.IsTrue(window.CanAccept(ulong.MaxValue - 63));
        Assert.IsFalse(window.CanAccept(ulong.MaxValue - 64));
    }
}
