using EdgeSensor.Core.Drivers.Vl53l1x;
using EdgeSensor.Simulator.Sensors;

namespace EdgeSensor.Simulator.Emulation;

/// <summary>
/// Maps a programmed region of interest to the viewing pyramid the ToF physics evaluates. The 16 × 16 SPAD array
/// sees the square field of view, each SPAD an equal slice of it; SPAD columns run along the walking line (column 0 on
/// the outside, −x) and rows across it (UM2555 orientation, <see cref="Vl53l1xRoi"/>). So the two 8 × 16 people-counting
/// ROIs (centres 167 and 231) are exactly the simulator's two zones (<see cref="TofZoneGeometry.TwoZones"/>).
/// An ROI reaching past the array's edge is clipped to it, as the device does.
/// </summary>
public static class RoiGeometry
{
    /// <summary>The viewing pyramid of a <paramref name="width"/> × <paramref name="height"/> ROI centred on SPAD
    /// <paramref name="centreSpad"/> (<see cref="ZoneRoi.Geometry"/>).</summary>
    public static TofZoneGeometry For(int centreSpad, int width, int height, double fieldOfViewDegrees) =>
        ZoneRoi.Geometry(centreSpad, width, height, fieldOfViewDegrees);

    /// <summary>How many SPAD columns and rows of the array an ROI covers, once clipped to it.</summary>
    public static void Cells(int centreSpad, int width, int height, out int columns, out int rows)
    {
        ZoneRoi.SpadCells(centreSpad, width, height, out int firstColumn, out int lastColumn, out int firstRow, out int lastRow);
        columns = lastColumn - firstColumn + 1;
        rows = lastRow - firstRow + 1;
    }
}
