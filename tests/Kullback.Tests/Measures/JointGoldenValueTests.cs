using System.Globalization;
using System.Text.Json;

namespace Kullback.Tests;

/// <summary>
/// The multivariate measures on <see cref="JointDistribution"/> against the joint cases of <c>measures-more.json</c>
/// (shared, 100 digits) and <c>generated-more-cases.json</c> (mpmath, 80 digits, exact rationals): 1e-12 relative, exact 0.
/// </summary>
public class JointGoldenValueTests
{
    private static IEnumerable<JsonElement> Cases() =>
        MoreReferenceCases.Shared.GetProperty("joint_cases").EnumerateArray()
            .Concat(MoreReferenceCases.Generated.GetProperty("joint").EnumerateArray());

    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var c in Cases()) data.Add(c.GetProperty("name").GetString()!);
        return data;
    }

    /// <summary>The library's value for a reference key over variables X0, X1, … (in nats).</summary>
    internal static double Evaluate(JointDistribution joint, string key)
    {
        static string[] Names(string list) => list.Split('_').SelectMany(SplitJoined).ToArray();
        // "X0X1" names two variables.
        static IEnumerable<string> SplitJoined(string s) => s.Split('X', StringSplitOptions.RemoveEmptyEntries).Select(d => "X" + d);
        if (key == "joint_entropy") return Measures.JointEntropy(joint);
        if (key == "total_correlation") return Measures.TotalCorrelation(joint);
        if (key == "mutual_information") return Measures.MutualInformation(joint, "X0", "X1");
        if (key.StartsWith("marginal_entropy_", StringComparison.Ordinal)) return Measures.MarginalEntropy(joint, key["marginal_entropy_".Length..]);
        if (key.StartsWith("conditional_entropy_", StringComparison.Ordinal))
        {
            var parts = key["conditional_entropy_".Length..].Split("_given_");
            return Measures.ConditionalEntropy(joint, Names(parts[0]), Names(parts[1]));
        }
        if (key.StartsWith("conditional_mutual_information_", StringComparison.Ordinal))
        {
            var parts = key["conditional_mutual_information_".Length..].Split("_given_");
            var pair = parts[0].Split('_');
            return Measures.MutualInformation(joint, Names(pair[0]), Names(pair[1]), Names(parts[1]));
        }
        if (key.StartsWith("mutual_information_", StringComparison.Ordinal))
        {
            var pair = key["mutual_information_".Length..].Split('_');
            return Measures.MutualInformation(joint, Names(pair[0]), Names(pair[1]));
        }
        throw new KeyNotFoundException(key);
    }

    internal static JointDistribution Build(JsonElement c)
    {
        var shape = c.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var names = Enumerable.Range(0, shape.Length).Select(i => "X" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        return JointDistribution.FromTable(names, shape, MoreReferenceCases.Doubles(c.GetProperty("weights")));
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Joint_measures_match_the_reference(string name)
    {
        var c = Cases().Single(e => e.GetProperty("name").GetString() == name);
        var joint = Build(c);
        int count = 0;
        foreach (var e in c.GetProperty("expected").EnumerateObject())
        {
            GoldenValueTests.AssertClose(MoreReferenceCases.Parse(e.Value.GetString()!), Evaluate(joint, e.Name), $"{name} {e.Name}");
            count++;
        }
        Assert.True(count >= 3);
    }

    [Fact]
    public void Counts_samples_and_tables_give_the_same_joint_and_the_estimators_their_contingency_table()
    {
        string[][] rows = [["a", "x"], ["a", "y"], ["b", "y"], ["b", "y"], ["a", "x"], ["c", "x"]];
        var fromSamples = JointDistribution.FromSamples(["A", "B"], rows);
        Assert.Equal([3, 2], fromSamples.Shape.ToArray());
        Assert.Equal(["a", "b", "c"], fromSamples.Levels[0].ToArray());
        var fromCounts = JointDistribution.FromCounts(["A", "B"], [3, 2], [2, 1, 0, 2, 1, 0]);
        Assert.Equal(fromCounts.Weights.ToArray(), fromSamples.Weights.ToArray());
        var table = fromSamples.ContingencyTable("B", "A");
        Assert.Equal((2, 3), (table.Rows, table.Columns));
        Assert.Equal([2L, 0, 1, 1, 2, 0], table.Counts);
        Assert.Throws<InvalidArgumentException>(() => JointDistribution.FromTable(["A"], [2], [0.5, 0.5]).ContingencyTable("A", "A"));
        // H(A) = H(3/6, 2/6, 1/6); I(A; B) = H(A) + H(B) − H(A, B).
        double hA = Measures.Entropy([3.0, 2, 1]), hB = Measures.Entropy([3.0, 3]), hAB = Measures.Entropy([2.0, 1, 2, 1]);
        Assert.Equal(hA, Measures.MarginalEntropy(fromSamples, "A"), 1e-15);
        Assert.Equal(hA + hB - hAB, Measures.MutualInformation(fromSamples, "A", "B"), 1e-15);
    }

    [Fact]
    public void Marginal_and_condition_are_exact_slices_and_sums()
    {
        var joint = JointDistribution.FromTable(["X", "Y", "Z"], [2, 3, 2], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12.0]);
        var xz = joint.Marginal("Z", "X");
        Assert.Equal(["Z", "X"], xz.Variables.ToArray());
        Assert.Equal([1 + 3 + 5.0, 7 + 9 + 11, 2 + 4 + 6, 8 + 10 + 12], xz.Weights.ToArray());
        var given = joint.Condition("Y", "1");
        Assert.Equal(["X", "Z"], given.Variables.ToArray());
        Assert.Equal([3, 4, 9, 10.0], given.Weights.ToArray());
        Assert.Throws<InvalidArgumentException>(() => joint.Condition("Y", "7"));
        Assert.Throws<InvalidArgumentException>(() => joint.Marginal("W"));
        Assert.Throws<InvalidArgumentException>(() => JointDistribution.FromTable(["X", "X"], [1, 2], [1, 1.0]));
        Assert.Throws<InvalidArgumentException>(() => JointDistribution.FromTable(["X"], [3], [1, 1.0]));
        Assert.Throws<InvalidArgumentException>(() => Measures.MutualInformation(joint, ["X"], ["X"]));
        var zeroSlice = JointDistribution.FromTable(["X", "Y"], [2, 2], [1, 1, 0, 0.0]);
        var e = Assert.Throws<InvalidArgumentException>(() => zeroSlice.Condition("X", "1"));
        Assert.Contains("probability 0", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Conditional_divergence_and_cross_entropy_follow_their_chain_rules()
    {
        var p = JointDistribution.FromTable(["X", "Y"], [2, 3], [0.1, 0.2, 0.1, 0.3, 0.2, 0.1]);
        var q = JointDistribution.FromTable(["X", "Y"], [2, 3], [0.2, 0.1, 0.1, 0.1, 0.3, 0.2]);
        // D(p(x, y)‖q(x, y)) = D(p(x)‖q(x)) + D(p(y | x)‖q(y | x) | p(x)).
        double joint = Measures.KullbackLeibler(p.Weights, q.Weights);
        double marginal = Measures.KullbackLeibler(p.Marginal("X").Weights, q.Marginal("X").Weights);
        Assert.Equal(joint - marginal, Measures.ConditionalKullbackLeibler(p, q, "Y", "X"), 1e-15);
        Assert.Equal(Measures.ConditionalEntropy(p, "Y", "X") + Measures.ConditionalKullbackLeibler(p, q, "Y", "X"),
                     Measures.ConditionalCrossEntropy(p, q, "Y", "X"), 1e-15);
        Assert.Equal(0.0, Measures.ConditionalKullbackLeibler(p, p, "Y", "X"));
        var hole = JointDistribution.FromTable(["X", "Y"], [2, 3], [0.2, 0.0, 0.1, 0.1, 0.3, 0.2]);
        Assert.Equal(double.PositiveInfinity, Measures.ConditionalKullbackLeibler(p, hole, "Y", "X"));
        Assert.Equal(double.PositiveInfinity, Measures.ConditionalCrossEntropy(p, hole, "Y", "X"));
        Assert.Throws<InvalidArgumentException>(() => Measures.ConditionalKullbackLeibler(p, JointDistribution.FromTable(["X", "Z"], [2, 3], [1, 1, 1, 1, 1, 1.0]), "Y", "X"));
    }

    [Fact]
    public void Units_scale_every_joint_measure()
    {
        var joint = JointDistribution.FromTable(["X", "Y"], [2, 2], [0.4, 0.1, 0.2, 0.3]);
        double nats = Measures.MutualInformation(joint, "X", "Y");
        Assert.Equal(nats / Math.Log(2), Measures.MutualInformation(joint, "X", "Y", InformationUnit.Bits), 1e-16);
        Assert.Equal(Measures.JointEntropy(joint) / Math.Log(2), Measures.JointEntropy(joint, InformationUnit.Bits), 1e-15);
    }
}
