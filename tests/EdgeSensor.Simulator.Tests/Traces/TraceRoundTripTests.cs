using EdgeSensor.Simulator.Scenarios;
using EdgeSensor.Simulator.Traces;

namespace EdgeSensor.Simulator.Tests.Traces;

[TestClass]
public sealed class TraceRoundTripTests
{
    [TestMethod]
    public void WrittenTraceReadsBackIdentically()
    {
        Assert.IsTrue(ScenarioSuite.TryGet("mixed", out ScenarioDefinition scenario));
        Trace original = ScenarioRunner.Generate(scenario with { DurationSeconds = 60 }, 7);
        var text = new StringWriter();
        TraceWriter.Write(text, original);
        Trace read = TraceReader.Read(new StringReader(text.ToString()));

        CollectionAssert.AreEqual(original.Records.ToArray(), read.Records.ToArray());
        Assert.AreEqual(original.Metadata.MountHeightMillimeters, read.Metadata.MountHeightMillimeters);
        Assert.AreEqual(original.Metadata.InsideZone, read.Metadata.InsideZone);
        Assert.AreEqual(original.Metadata.TimingBudgetMs, read.Metadata.TimingBudgetMs);
        Assert.AreEqual(original.Metadata.PirHoldMs, read.Metadata.PirHoldMs);
        foreach (var entry in original.Metadata.Entries)
        {
            Assert.AreEqual(entry.Value, read.Metadata[entry.Key], entry.Key);
        }

        // Writing what was read gives the same bytes.
        var again = new StringWriter();
        TraceWriter.Write(again, read);
        Assert.AreEqual(text.ToString(), again.ToString());
    }

    [TestMethod]
    public void GeneratedTraceHasAllKindsInTimeOrder()
    {
        Assert.IsTrue(ScenarioSuite.TryGet("single-file", out ScenarioDefinition scenario));
        Trace trace = ScenarioRunner.Generate(scenario with { DurationSeconds = 60 }, 3);
        Assert.IsTrue(trace.Records.Any(r => r.Kind == TraceKind.Tof));
        Assert.IsTrue(trace.Records.Any(r => r.Kind == TraceKind.Pir));
        Assert.IsTrue(trace.Records.Any(r => r.Kind == TraceKind.Truth));
        for (int i = 1; i < trace.Records.Count; i++)
        {
            Assert.IsLessThanOrEqualTo(trace.Records[i].TimeMs, trace.Records[i - 1].TimeMs);
        }

        // The space is empty at the start: no truth before the lead-in ends.
        Assert.IsGreaterThanOrEqualTo((long)(scenario.LeadInSeconds * 1000), trace.Records.First(r => r.Kind == TraceKind.Truth).TimeMs);
    }
}
