namespace Kullback.Analysis;

/// <summary>Samples of one distribution: points of <see cref="Dimensions"/> coordinates each, stored row-major in one flat array.</summary>
/// <param name="Coordinates">Point i is <c>Coordinates[i·Dimensions .. (i+1)·Dimensions)</c>; every value finite.</param>
/// <param name="Dimensions">d ≥ 1, the coordinates per point.</param>
/// <param name="Source">Where the samples came from, for messages.</param>
public sealed record SamplePoints(ReadOnlyMemory<double> Coordinates, int Dimensions, string Source = "samples")
{
    /// <summary>The number of points.</summary>
    public int Count => Dimensions < 1 ? 0 : Coordinates.Length / Dimensions;

    /// <summary>Points given as one array of coordinates each (all of the same length).</summary>
    /// <exception cref="InvalidInputException">The points have different numbers of coordinates, or none.</exception>
    public static SamplePoints FromRows(IReadOnlyList<double[]> points, string source = "samples")
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count == 0) return new SamplePoints(ReadOnlyMemory<double>.Empty, 1, source);
        int d = points[0].Length;
        var flat = new double[checked(points.Count * d)];
        for (int i = 0; i < points.Count; i++)
        {
            if (points[i].Length != d || d == 0)
                throw new InvalidInputException($"point {i + 1} has {points[i].Length} coordinates and the first has {d}: every point needs the same number, at least 1.", new InputLocation(source));
            points[i].CopyTo(flat, i * d);
        }
        return new SamplePoints(flat, d, source);
    }
}
