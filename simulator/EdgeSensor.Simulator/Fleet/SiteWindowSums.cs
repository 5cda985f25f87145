namespace EdgeSensor.Simulator.Fleet;

/// <summary>One window's sums over the devices that closed it.</summary>
internal sealed class SiteWindowSums
{
    public int Devices { get; private set; }

    public int CountedEntries { get; private set; }

    public int CountedExits { get; private set; }

    public int TrueEntries { get; private set; }

    public int TrueExits { get; private set; }

    public int OccupancyCounted { get; private set; }

    public int OccupancyTrue { get; private set; }

    public int Sealed { get; private set; }

    public int Opened { get; private set; }

    public int PublishedEntries { get; private set; }

    public int PublishedEntriesCount { get; private set; }

    public int PublishedExits { get; private set; }

    public int PublishedExitsCount { get; private set; }

    public int OccupancyPublished { get; private set; }

    public int OccupancyPublishedCount { get; private set; }

    public int Rejected { get; set; }

    public int Lost { get; set; }

    public void AddDeviceSide(DeviceWindowLog.Closed w)
    {
        Devices++;
        CountedEntries += w.Entries;
        CountedExits += w.Exits;
        TrueEntries += w.TrueEntries;
        TrueExits += w.TrueExits;
        OccupancyCounted += w.Occupancy;
        OccupancyTrue += w.TrueOccupancy;
        Sealed += w.SealIndex >= 0 ? 1 : 0;
    }

    public void AddOpened(int? entries, int? exits, int? occupancy)
    {
        Opened++;
        PublishedEntries += entries ?? 0;
        PublishedEntriesCount += entries is null ? 0 : 1;
        PublishedExits += exits ?? 0;
        PublishedExitsCount += exits is null ? 0 : 1;
        OccupancyPublished += occupancy ?? 0;
        OccupancyPublishedCount += occupancy is null ? 0 : 1;
    }
}
