using Kullback.Analysis;

namespace Kullback.Cli.Commands.Estimate;

/// <summary><c>{"unit", "kl", "entropy_p", "entropy_q", "n_p", "n_q", "dimensions", "k"}</c>.</summary>
internal static class EstimateJson
{
    public static void Write(TextWriter output, SampleEstimates e, InformationUnit unit) =>
        JsonOutput.Write(output, w =>
        {
            w.WriteString("unit", unit.ToString());
            w.WriteInformation("kl", e.KullbackLeibler, unit);
            w.WriteInformation("entropy_p", e.EntropyP, unit);
            w.WriteInformation("entropy_q", e.EntropyQ, unit);
            w.WriteNumber("n_p", e.SamplesP);
            w.WriteNumber("n_q", e.SamplesQ);
            w.WriteNumber("dimensions", e.Dimensions);
            w.WriteNumber("k", e.K);
        });
}
