namespace Kullback.Data.Input;

/// <summary>
/// Points read for the nearest-neighbour estimators: one point per row, one coordinate per chosen column, stored
/// row-major in one flat array (what a k-d tree prefers to an array of arrays).
/// </summary>
public sealed class PointSet
{
    internal PointSet(string source, double[] coordinates, int dimensions, IReadOnlyList<string> columnNames)
    {
        Source = source;
        Coordinates = coordinates;
        Dimensions = dimensions;
        ColumnNames = columnNames;
    }

    /// <summary>The source's name as shown in messages.</summary>
    public string Source { get; }

    /// <summary>
    /// The coordinates, row-major: point i is <c>Coordinates[i·Dimensions .. (i+1)·Dimensions)</c>. Every value is
    /// finite (never NaN or ±∞); −0 is read as 0.
    /// </summary>
    public double[] Coordinates { get; }

    /// <summary>The number of coordinates of each point (the number of chosen columns), at least 1.</summary>
    public int Dimensions { get; }

    /// <summary>The number of points, at least 1.</summary>
    public int Count => Coordinates.Length / Dimensions;

    /// <summary>The header name of each chosen column, or its 1-based number when the file has no header.</summary>
    public IReadOnlyList<string> ColumnNames { get; }

    /// <summary>The coordinates of point <paramref name="index"/>.</summary>
    public ReadOnlySpan<double> Point(int index) => Coordinates.AsSpan(checked(index * Dimensions), Dimensions);
}
