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
    public static TofZoneGeometry For(int centreSpad, int width, int height, double fieldOfViewDegrees)
    {
        Vl53l1xRoi.Position(centreSpad, out int column, out int row);
        Span(column, width, out int firstColumn, out int lastColumn);
        Span(row, height, out int firstRow, out int lastRow);
        return new TofZoneGeometry(
            Angle(firstColumn, fieldOfViewDegrees), Angle(lastColumn + 1, fieldOfViewDegrees),
            Angle(firstRow, fieldOfViewDegrees), Angle(lastRow + 1, fieldOfViewDegrees));
    }

    /// <summary>How many SPAD columns and rows of the array an ROI covers, once clipped to it.</summary>
    public static void Cells(int centreSpad, int width, int height, out int columns, out int rows)
    {
        Vl53l1xRoi.Position(centreSpad, out int column, out int row);
        Span(column, width, out int firstColumn, out int lastColumn);
        Span(row, height, out int firstRow, out int lastRow);
        columns = lastColumn - firstColumn + 1;
        rows = lastRow - firstRow + 1;
    }

    private static void Span(int centre, int size, out int first, out int last)
    {
        first = Math.Max(0, Vl53l1xRoi.FirstIndex(centre, size));
        last = Math.Min(Vl53l1xRoi.ArraySize - 1, Vl53l1xRoi.FirstIndex(centre, size) + size - 1);
        if (last < first)
        {
            // Entirely off the array: the nearest edge SPAD.
            first = last = Math.Clamp(centre, 0, Vl53l1xRoi.ArraySize - 1);
        }
    }

    // Edge k (0..16) of the SPAD grid as an angle from the axis.
    private static double Angle(int edge, double fieldOfViewDegrees) =>
        ((double)edge / Vl53l1xRoi.ArraySize - 0.5) * fieldOfViewDegrees * Math.PI / 180;
}
