using Kullback.Data.Input;
using Kullback.Reports;

namespace Kullback.Cli.Commands.Explore;

/// <summary>The one place <c>explore</c> reads its data: counts or probabilities, through the input layer.</summary>
internal static class ExploreInputFile
{
    /// <summary>The data in <paramref name="path"/>, or the tutorial's when it is null.</summary>
    /// <exception cref="UsageException">The file cannot be read, holds something other than numbers ≥ 0, is all zero, or has too many outcomes.</exception>
    public static ExploreInput Read(string? path, Terminal terminal)
    {
        if (path is null) return ExploreInput.Tutorial;
        string shown = Sources.Shown(path);
        double[] values = TextInput.ReadVector(InputSource.FromArgument(path, terminal.In), VectorKind.Weights);
        if (!values.Any(v => v > 0))
            throw new InvalidInputException("every value is 0: the page needs counts or probabilities with a positive total.", new InputLocation(shown));
        if (values.Length > ExploreInput.MaximumOutcomes)
            throw new UsageException($"{shown}: {values.Length} outcomes; the page takes at most {ExploreInput.MaximumOutcomes} (one bar each).");
        return new ExploreInput(values, path == Sources.StandardInput ? "standard input" : Path.GetFileName(path));
    }
}
