using EdgeSensor.Core.Lifecycle;

namespace EdgeSensor.Core.Tests.Lifecycle;

[TestClass]
public sealed class SoftwareWatchdogTests
{
    [TestMethod]
    public void Check_AfterAPeriodWithoutKick_RequestsOneReboot()
    {
        var rebooter = new FakeRebooter();
        var watchdog = new SoftwareWatchdog(rebooter, 10000, 0);

        Assert.IsFalse(watchdog.Check(9999));
        Assert.IsTrue(watchdog.Check(10000));
        Assert.IsFalse(watchdog.Check(20000), "the reboot is requested once");
        CollectionAssert.AreEqual(new[] { DeviceStatus.WatchdogExpired }, rebooter.Reasons);
        Assert.IsTrue(watchdog.HasFired);
    }

    [TestMethod]
    public void Kick_KeepsTheDeviceRunning()
    {
        var rebooter = new FakeRebooter();
        var watchdog = new SoftwareWatchdog(rebooter, 1000, 0);
        for (long t = 0; t < 60000; t += 500)
        {
            watchdog.Kick(t);
            Assert.IsFalse(watchdog.Check(t + 400));
        }

        Assert.AreEqual(0, rebooter.Reasons.Count);
    }

    [TestMethod]
    public void SetPeriod_LengthensTheAllowanceForBlockingBootSteps()
    {
        var rebooter = new FakeRebooter();
        var watchdog = new SoftwareWatchdog(rebooter, 1000, 0);
        watchdog.SetPeriod(60000, 500);
        Assert.IsFalse(watchdog.Check(30000));
        Assert.IsTrue(watchdog.Check(60500));
    }

    [TestMethod]
    public void Check_FromAnotherThread_FiresOnlyWhenTheLoopStops()
    {
        var rebooter = new FakeRebooter();
        long now = 0;
        var watchdog = new SoftwareWatchdog(rebooter, 50, 0);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        var checker = new Thread(() =>
        {
            while (!watchdog.HasFired && DateTime.UtcNow < deadline)
            {
                watchdog.Check(Interlocked.Read(ref now));
            }
        });
        checker.Start();
        for (int i = 0; i < 1000; i++)
        {
            long t = Interlocked.Add(ref now, 10);
            watchdog.Kick(t);
        }

        // The loop "hangs": time passes without kicks.
        Interlocked.Add(ref now, 100);
        checker.Join();
        Assert.AreEqual(1, rebooter.Reasons.Count, "fired once, after the kicks stopped");
    }
}
