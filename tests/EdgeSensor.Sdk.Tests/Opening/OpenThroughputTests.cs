using System.Diagnostics;
using System.Runtime.InteropServices;
using EdgeSensor.Sdk.Opening;
using EdgeSensor.Sdk.Tests.TestSupport;

namespace EdgeSensor.Sdk.Tests.Opening;

/// <summary>
/// Prints the opener's single-thread throughput (open + verify + replay check + decode) by wall clock and,
/// on Linux, by the thread's own CPU time, which stays meaningful on a shared, oversubscribed machine.
/// The guard is deliberately loose; the BenchmarkDotNet figure is in docs/performance.md.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class OpenThroughputTests
{
    private const ulong Device = 0x0123456789abcdef;

    [TestMethod]
    public void PrintsReportsPerSecondOnOneThread()
    {
        const int reports = 50_000;
        byte[] root = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        byte[] key = TestSealer.AeadKey(root, 0);
        byte[] body = BodyValues.Typical.Encode();
        var payloads = new byte[reports + 1][];
        for (int i = 0; i <= reports; i++)
        {
            payloads[i] = TestSealer.SealWithKey(key, TestSealer.Header(Device, 0, (ulong)i), body);
        }

        using var opener = new ReportOpener(new InMemoryKeyStore().Add(Device, root));
        Assert.IsTrue(opener.Open(payloads[0]).Success); // derives and caches the epoch key

        long cpuBefore = ThreadCpuNanoseconds();
        var wall = Stopwatch.StartNew();
        int accepted = 0;
        for (int i = 1; i <= reports; i++)
        {
            if (opener.Open(payloads[i]).Success)
            {
                accepted++;
            }
        }

        wall.Stop();
        long cpuNanoseconds = ThreadCpuNanoseconds() - cpuBefore;
        Assert.AreEqual(reports, accepted);

        // The platform AEAD alone on the same payloads: how much of the cost is ChaCha20-Poly1305 itself.
        using var aead = new System.Security.Cryptography.ChaCha20Poly1305(key);
        byte[] plaintext = new byte[body.Length];
        long aeadCpuBefore = ThreadCpuNanoseconds();
        for (int i = 1; i <= reports; i++)
        {
            byte[] p = payloads[i];
            aead.Decrypt(p.AsSpan(10, 12), p.AsSpan(22, body.Length), p.AsSpan(22 + body.Length, 16), plaintext, p.AsSpan(0, 22));
        }

        long aeadCpuNanoseconds = ThreadCpuNanoseconds() - aeadCpuBefore;
        double wallRate = reports / wall.Elapsed.TotalSeconds;
        string cpu = cpuNanoseconds > 0
            ? $", {reports / (cpuNanoseconds / 1e9):N0} reports/s of thread CPU time ({cpuNanoseconds / reports:N0} ns each, of which the platform AEAD alone {aeadCpuNanoseconds / reports:N0} ns)"
            : string.Empty;
        Console.WriteLine($"SDK open: {wallRate:N0} reports/s wall clock{cpu} (load average {LoadAverage()})");
        Assert.IsTrue(wallRate > 2_000, $"{wallRate:N0} reports/s");
    }

    private static long ThreadCpuNanoseconds()
    {
        if (!OperatingSystem.IsLinux())
        {
            return 0;
        }

        return clock_gettime(ClockThreadCpuTimeId, out Timespec ts) == 0 ? (ts.Seconds * 1_000_000_000L) + ts.Nanoseconds : 0;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

    private const int ClockThreadCpuTimeId = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int clock_gettime(int clockId, out Timespec time);
}
