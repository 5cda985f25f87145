using EdgeSensor.Simulator.Commands;
using EdgeSensor.Simulator.Fleet;

namespace EdgeSensor.Simulator.Tests.Fleet;

/// <summary>Generous guards for the streamed fleet: memory that does not grow with the simulated duration, and runs
/// beyond the bounds that held while traces were generated whole (500 devices, 6,000 device-minutes).</summary>
[TestClass]
public sealed class ScaleTests
{
    [TestMethod]
    [DoNotParallelize] // live memory is process-wide: other tests' traces would count
    [Timeout(240_000, CooperativeCancellation = true)]
    public async Task TenTimesTheDuration_NeedsAboutTheSameMemory()
    {
        // Whole traces took about 2.6 MB per device-hour: 10 devices × 10 h would have held 260 MB.
        long shortRun = await PeakLiveBytesAsync(new FleetOptions { Devices = 10, Minutes = 60, WindowSeconds = 600 });
        long longRun = await PeakLiveBytesAsync(new FleetOptions { Devices = 10, Minutes = 600, WindowSeconds = 600 });

        Assert.IsTrue(longRun < shortRun * 1.5 + 4_000_000,
            $"peak live managed memory: {shortRun / 1e6:0.0} MB for 1 h, {longRun / 1e6:0.0} MB for 10 h");
    }

    [TestMethod]
    [Timeout(240_000, CooperativeCancellation = true)]
    public void RunsBeyondTheOldBounds_OpenEveryReport()
    {
        foreach (string[] args in new[]
        {
            new[] { "--devices", "600", "--minutes", "1" },
            new[] { "--devices", "5", "--minutes", "1500", "--window-seconds", "3600" },
        })
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();

            int exit = Program.Run(["run", .. args, "--live", "off", "--json"], stdout, stderr);

            Assert.AreEqual(ExitCodes.Ok, exit, string.Join(' ', args) + ": " + stderr);
            StringAssert.Contains(stdout.ToString(), "\"ok\":true", string.Join(' ', args));
        }
    }

    [TestMethod]
    public void DeviceAndMinuteBounds_AreTheSaneOnes()
    {
        Assert.IsTrue(new FleetOptions { Devices = 100_000, Minutes = 1 }.TryValidate(out _));
        Assert.IsTrue(new FleetOptions { Devices = 1000, Minutes = 600 }.TryValidate(out _), "no devices × minutes bound");
        Assert.IsFalse(new FleetOptions { Devices = 100_001 }.TryValidate(out string error));
        StringAssert.Contains(error, "1..100000");
        Assert.IsFalse(new FleetOptions { Minutes = 0 }.TryValidate(out _));
    }

    private async Task<long> PeakLiveBytesAsync(FleetOptions options)
    {
        long peak = 0;
        using var stop = new CancellationTokenSource();
        Task sampling = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true));
                await Task.Delay(100, CancellationToken.None);
            }
        });
        FleetResult result = await FleetRunner.RunAsync(options, null, TestContext.CancellationToken);
        await stop.CancelAsync();
        await sampling;
        Assert.IsTrue(result.Ok, "every report opened");
        return peak;
    }

    public TestContext TestContext { get; set; } = null!;
}
