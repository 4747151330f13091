using Kullback.Analysis;
using Kullback.Continuous;

namespace Kullback.Tests.Analysis;

public class EstimateAnalysisTests
{
    private static readonly double[][] P = [[0.0, 0.1], [1.0, 0.3], [2.5, 1.0], [0.7, 2.0], [3.0, 3.5], [1.5, 0.2]];
    private static readonly double[][] Q = [[0.2, 0.0], [1.1, 1.3], [2.0, 2.0], [3.0, 0.5], [0.1, 3.0]];

    [Fact]
    public void The_analysis_reports_the_estimators_values_in_the_unit_asked()
    {
        var estimates = EstimateAnalysis.Run(new EstimateRequest(SamplePoints.FromRows(P, "p.csv"), SamplePoints.FromRows(Q, "q.csv"), K: 2));
        Assert.Equal(NearestNeighbourEstimators.KullbackLeibler(P, Q, 2), estimates.KullbackLeibler.Nats);
        Assert.Equal(NearestNeighbourEstimators.Entropy(P, 2), estimates.EntropyP.Nats);
        Assert.Equal(NearestNeighbourEstimators.Entropy(Q, 2), estimates.EntropyQ.Nats);
        Assert.Equal((6, 5, 2, 2), (estimates.SamplesP, estimates.SamplesQ, estimates.Dimensions, estimates.K));
    }

    [Fact]
    public void Refusals_name_the_source_and_what_would_do()
    {
        var p = SamplePoints.FromRows(P, "p.csv");
        var e = Assert.Throws<InvalidInputException>(() => EstimateAnalysis.Run(new EstimateRequest(p, new SamplePoints(new double[] { 1, 2, 3, 4 }, 1, "q.csv"), K: 2)));
        Assert.Contains("have 2 coordinates and those of q.csv have 1", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<InvalidInputException>(() => EstimateAnalysis.Run(new EstimateRequest(p, SamplePoints.FromRows(Q, "q.csv"), K: 5)));
        Assert.Equal("q.csv", e.Location!.Value.Source);
        Assert.Contains("there are 5 samples; k = 5 needs at least 6", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<InvalidInputException>(() => SamplePoints.FromRows([[1.0, 2.0], [3.0]], "r.csv"));
        Assert.Contains("point 2 has 1 coordinates and the first has 2", e.Message, StringComparison.Ordinal);
    }
}
