using Kullback.Numerics;

namespace Kullback;

public static partial class Measures
{
    /// <summary>
    /// The joint entropy H(X₁, …, X_k) = −Σ p̂(x)·log p̂(x) over the cells of the table (dit's <c>entropy(d)</c>).
    /// </summary>
    /// <param name="joint">The joint distribution (normalised exactly).</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>H ≥ 0; 0 for a single cell carrying all the mass; cells of weight 0 add nothing (0·log 0 = 0).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="joint"/> is null.</exception>
    public static double JointEntropy(JointDistribution joint, InformationUnit unit = default)
    {
        ArgumentNullException.ThrowIfNull(joint);
        return Entropy(joint.Weights, unit);
    }

    /// <summary>The entropy H(A) of the marginal distribution of some variables (dit's <c>entropy(d, rvs)</c>).</summary>
    /// <param name="joint">The joint distribution.</param>
    /// <param name="variables">The variables A, at least one, distinct.</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>H(A) ≥ 0, at most the joint entropy.</returns>
    /// <exception cref="InvalidArgumentException">A name is unknown or repeated, or none is given.</exception>
    public static double MarginalEntropy(JointDistribution joint, IReadOnlyList<string> variables, InformationUnit unit = default)
    {
        ArgumentNullException.ThrowIfNull(joint);
        return Entropy(joint.Marginal([.. variables]).Weights, unit);
    }

    /// <inheritdoc cref="MarginalEntropy(JointDistribution, IReadOnlyList{string}, InformationUnit)"/>
    /// <param name="joint">The joint distribution.</param>
    /// <param name="variable">The variable.</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    public static double MarginalEntropy(JointDistribution joint, string variable, InformationUnit unit = default) =>
        MarginalEntropy(joint, [variable], unit);

    /// <summary>
    /// The conditional entropy H(A | B) = Σ p̂(a, b)·log(p̂(b)/p̂(a, b)) = H(A, B) − H(B) (dit's <c>entropy(d, rvs, crvs)</c>).
    /// </summary>
    /// <param name="joint">The joint distribution.</param>
    /// <param name="variables">A, at least one.</param>
    /// <param name="given">B, none of A's (empty: H(A)).</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>
    /// H(A | B) ≥ 0, summed term by term (every term ≥ 0, no difference of entropies); 0 when A is a function of B (a variable
    /// in both lists counts as given: H(X | X) = 0, as dit's).
    /// </returns>
    /// <exception cref="InvalidArgumentException">A name is unknown or repeated within a list, or A is empty.</exception>
    public static double ConditionalEntropy(JointDistribution joint, IReadOnlyList<string> variables, IReadOnlyList<string> given, InformationUnit unit = default)
    {
        ArgumentNullException.ThrowIfNull(joint);
        var b = joint.Axes(given, nameof(given), allowEmpty: true);
        // H(A | B) = H(A \ B | B): a variable of A that is also given adds nothing.
        var a = joint.Axes(variables, nameof(variables), allowEmpty: false).Where(i => Array.IndexOf(b, i) < 0).ToArray();
        if (a.Length == 0) return 0;
        int[] ab = [.. a, .. b];
        var cells = joint.Sums(ab);
        var conditions = joint.Sums(b);
        var total = joint.Sums([])[0];
        var sum = new NeumaierSum();
        for (int cell = 0; cell < cells.Length; cell++)
        {
            if (cells[cell].Hi == 0) continue;
            sum.Add(cells[cell].Hi * LogOfQuotient(conditions[cell % conditions.Length], cells[cell]));   // B's axes vary fastest
        }
        return unit.FromNats(Math.Max(0.0, sum.Total / total.Hi));
    }

    /// <inheritdoc cref="ConditionalEntropy(JointDistribution, IReadOnlyList{string}, IReadOnlyList{string}, InformationUnit)"/>
    /// <param name="joint">The joint distribution.</param>
    /// <param name="variable">A.</param>
    /// <param name="given">B.</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    public static double ConditionalEntropy(JointDistribution joint, string variable, string given, InformationUnit unit = default) =>
        ConditionalEntropy(joint, [variable], [given], unit);

    /// <summary>
    /// The (conditional) mutual information I(A; B | C) = Σ p̂(c)·D(p̂(a, b | c)‖p̂(a | c)·p̂(b | c)) (dit's
    /// <c>coinformation(d, [A, B], C)</c>, sklearn's <c>mutual_info_score</c> for two variables without C).
    /// </summary>
    /// <param name="joint">The joint distribution.</param>
    /// <param name="first">A, at least one variable.</param>
    /// <param name="second">B, at least one, disjoint from A.</param>
    /// <param name="given">C, disjoint from both (empty: the mutual information I(A; B)).</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>
    /// I ≥ 0, exactly 0 when A and B are independent given C cell by cell, at most min(H(A | C), H(B | C)). Summed as
    /// Σ q·φ(p̂/q) over the product grid with q = p̂(a, c)·p̂(b, c)/p̂(c) and the excess p̂/q − 1 formed in double-double, so
    /// that a table within 10⁻⁹ of independence keeps its digits (where H(A) + H(B) − H(A, B) would keep none).
    /// </returns>
    /// <exception cref="InvalidArgumentException">A name is unknown, repeated or in two lists, or A or B is empty.</exception>
    public static double MutualInformation(JointDistribution joint, IReadOnlyList<string> first, IReadOnlyList<string> second, IReadOnlyList<string>? given = null, InformationUnit unit = default)
    {
        ArgumentNullException.ThrowIfNull(joint);
        var a = joint.Axes(first, nameof(first), allowEmpty: false);
        var b = joint.Axes(second, nameof(second), allowEmpty: false);
        var c = joint.Axes(given ?? [], nameof(given), allowEmpty: true);
        _ = joint.Axes([.. a.Concat(b).Concat(c).Select(i => joint.Variables[i])], nameof(second), allowEmpty: false);
        var abc = joint.Sums([.. a, .. b, .. c]);
        var ac = joint.Sums([.. a, .. c]);
        var bc = joint.Sums([.. b, .. c]);
        var cs = joint.Sums(c);
        var total = joint.Sums([])[0];
        int na = joint.SubGridSize(a), nb = joint.SubGridSize(b), nc = cs.Length;
        var sum = new NeumaierSum();
        for (int i = 0; i < na; i++)
            for (int j = 0; j < nb; j++)
                for (int l = 0; l < nc; l++)
                {
                    var pac = ac[i * nc + l];
                    var pbc = bc[j * nc + l];
                    if (pac.Hi == 0 || pbc.Hi == 0) continue;
                    // p(a, b, c) against p(a, c)·p(b, c)/p(c), compared as products: exact for counts and other exact sums.
                    sum.Add(ExcessTerm(DoubleDoubleArithmetic.Multiply(abc[(i * nb + j) * nc + l], cs[l]), DoubleDoubleArithmetic.Multiply(pac, pbc), cs[l].Hi));
                }
        return unit.FromNats(Math.Max(0.0, sum.Total / total.Hi));
    }

    /// <summary>The mutual information I(X; Y) of two variables.</summary>
    /// <inheritdoc cref="MutualInformation(JointDistribution, IReadOnlyList{string}, IReadOnlyList{string}, IReadOnlyList{string}?, InformationUnit)"/>
    /// <param name="joint">The joint distribution.</param>
    /// <param name="first">X.</param>
    /// <param name="second">Y.</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    public static double MutualInformation(JointDistribution joint, string first, string second, InformationUnit unit = default) =>
        MutualInformation(joint, [first], [second], null, unit);

    /// <summary>
    /// The total correlation (multi-information) C(X₁, …, X_k) = D(p̂‖Π p̂(Xₖ)) = Σ H(Xₖ) − H(X₁, …, X_k) (dit's
    /// <c>total_correlation</c>).
    /// </summary>
    /// <param name="joint">The joint distribution: all its variables are taken.</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>C ≥ 0, exactly 0 for a product of its marginals (cell by cell), 0 for one variable; summed as Σ q·φ(p̂/q) over the cells with q = Π p̂(xₖ) in double-double.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="joint"/> is null.</exception>
    public static double TotalCorrelation(JointDistribution joint, InformationUnit unit = default)
    {
        ArgumentNullException.ThrowIfNull(joint);
        int k = joint.Variables.Length;
        var marginals = new DoubleDouble[k][];
        for (int v = 0; v < k; v++) marginals[v] = joint.Sums([v]);
        var total = joint.Sums([])[0];
        var weights = joint.Weights;
        int shift = -Math.ILogB(total.Hi);
        var scaledTotal = Scaled(total, shift);
        var totalPower = new DoubleDouble(1, 0);
        for (int v = 1; v < k; v++) totalPower = DoubleDoubleArithmetic.Multiply(totalPower, scaledTotal);
        var sum = new NeumaierSum();
        for (int cell = 0; cell < weights.Length; cell++)
        {
            // p·T^(k−1) against Π mₖ, every factor scaled by the same power of 2 (exact) so that the products stay finite:
            // exact when they fit in double-double (two variables of counts), else to about 2⁻¹⁰⁰ relative.
            var product = Scaled(marginals[0][joint.SubIndex(cell, [0])], shift);
            for (int v = 1; v < k && product.Hi > 0; v++)
                product = DoubleDoubleArithmetic.Multiply(product, Scaled(marginals[v][joint.SubIndex(cell, [v])], shift));
            if (product.Hi == 0) continue;
            sum.Add(ExcessTerm(DoubleDoubleArithmetic.Multiply(Scaled(new DoubleDouble(weights[cell], 0), shift), totalPower), product, totalPower.Hi));
        }
        return unit.FromNats(Math.Max(0.0, sum.Total / scaledTotal.Hi));
    }

    private static DoubleDouble Scaled(DoubleDouble x, int shift) => new(Math.ScaleB(x.Hi, shift), Math.ScaleB(x.Lo, shift));

    /// <summary>
    /// The total correlation of groups of variables given others, C(G₁; …; G_k | Z) = Σ H(Gⱼ | Z) − H(G₁ ∪ … ∪ G_k | Z)
    /// (dit's <c>total_correlation(d, rvs, crvs)</c>); groups may overlap.
    /// </summary>
    /// <param name="joint">The joint distribution.</param>
    /// <param name="groups">The groups, at least one, each of at least one variable.</param>
    /// <param name="given">Z, disjoint from every group (empty or null: none).</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>
    /// C ≥ 0 (clamped at 0 against rounding), from conditional entropies each summed term by term; for one group 0. Without Z and
    /// with one variable per group prefer <see cref="TotalCorrelation(JointDistribution, InformationUnit)"/>, which sums the
    /// divergence itself and keeps the digits of a table within 10⁻⁹ of independence.
    /// </returns>
    /// <exception cref="InvalidArgumentException">A name is unknown, a group is empty or repeats a name, or Z meets a group.</exception>
    public static double TotalCorrelation(JointDistribution joint, IReadOnlyList<IReadOnlyList<string>> groups, IReadOnlyList<string>? given = null, InformationUnit unit = default)
    {
        ArgumentNullException.ThrowIfNull(joint);
        ArgumentNullException.ThrowIfNull(groups);
        if (groups.Count == 0) throw new InvalidArgumentException("groups is empty: give at least one group of variables.", nameof(groups));
        var z = given ?? [];
        var union = new List<string>();
        foreach (var g in groups)
        {
            var axes = joint.Axes(g, nameof(groups), allowEmpty: false);
            foreach (int i in axes)
            {
                if (z.Contains(joint.Variables[i]))
                    throw new InvalidArgumentException($"{joint.Variables[i]} is both in a group and given: the groups and the condition must be disjoint.", nameof(given));
                if (!union.Contains(joint.Variables[i])) union.Add(joint.Variables[i]);
            }
        }
        double sum = 0;
        foreach (var g in groups) sum += ConditionalEntropy(joint, g, z);
        return unit.FromNats(Math.Max(0.0, sum - ConditionalEntropy(joint, union, z)));
    }

    /// <summary>
    /// The conditional Kullback–Leibler divergence D(P(A | B)‖Q(A | B) | P(B)) = Σ_b p̂(b)·D(p̂(· | b)‖q̂(· | b)): the
    /// information lost when Q's conditional model stands in for P's, averaged over P's conditions.
    /// </summary>
    /// <param name="p">The true joint distribution.</param>
    /// <param name="q">The model, over the same variables and shape.</param>
    /// <param name="variables">A, at least one.</param>
    /// <param name="given">B (empty: the divergence of the marginals of A).</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>
    /// D ≥ 0, exactly 0 when the conditionals agree wherever p̂(b) &gt; 0; +∞ when p̂(a, b) &gt; 0 where q̂(a | b) = 0 (q̂(b) = 0
    /// included). Summed as Σ q̂(a | b)·p̂(b)·φ(p̂(a | b)/q̂(a | b)), ratios of double-double sums.
    /// </returns>
    /// <exception cref="InvalidArgumentException">The variables or shapes differ, or a name is unknown, repeated or in both lists.</exception>
    public static double ConditionalKullbackLeibler(JointDistribution p, JointDistribution q, IReadOnlyList<string> variables, IReadOnlyList<string> given, InformationUnit unit = default)
    {
        var (pCells, pConditions, qCells, qConditions, pTotal) = ConditionalTables(p, q, variables, given);
        var sum = new NeumaierSum();
        for (int cell = 0; cell < pCells.Length; cell++)
        {
            int l = cell % pConditions.Length;
            var pb = pConditions[l];
            if (pb.Hi == 0) continue;
            var pab = pCells[cell];
            if (qConditions[l].Hi == 0 || qCells[cell].Hi == 0)
            {
                if (pab.Hi > 0) return double.PositiveInfinity;
                continue;
            }
            // In P's units: p(a, b) against q̂(a | b)·p(b) = q(a, b)·p(b)/q(b), compared as p(a, b)·q(b) against q(a, b)·p(b).
            sum.Add(ExcessTerm(DoubleDoubleArithmetic.Multiply(pab, qConditions[l]), DoubleDoubleArithmetic.Multiply(qCells[cell], pb), qConditions[l].Hi));
        }
        return unit.FromNats(Math.Max(0.0, sum.Total / pTotal.Hi));
    }

    /// <inheritdoc cref="ConditionalKullbackLeibler(JointDistribution, JointDistribution, IReadOnlyList{string}, IReadOnlyList{string}, InformationUnit)"/>
    /// <param name="p">The true joint distribution.</param>
    /// <param name="q">The model.</param>
    /// <param name="variable">A.</param>
    /// <param name="given">B.</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    public static double ConditionalKullbackLeibler(JointDistribution p, JointDistribution q, string variable, string given, InformationUnit unit = default) =>
        ConditionalKullbackLeibler(p, q, [variable], [given], unit);

    /// <summary>
    /// The conditional cross-entropy H(P(A | B), Q(A | B)) = −Σ p̂(a, b)·log q̂(a | b) = H_P(A | B) + D(P(A | B)‖Q(A | B) | P(B)):
    /// the cost per observation of coding A with Q's conditional code when B is known.
    /// </summary>
    /// <inheritdoc cref="ConditionalKullbackLeibler(JointDistribution, JointDistribution, IReadOnlyList{string}, IReadOnlyList{string}, InformationUnit)"/>
    /// <returns>H ≥ H_P(A | B) ≥ 0; +∞ where the conditional divergence is; both parts summed term by term (no cancellation).</returns>
    public static double ConditionalCrossEntropy(JointDistribution p, JointDistribution q, IReadOnlyList<string> variables, IReadOnlyList<string> given, InformationUnit unit = default)
    {
        double divergence = ConditionalKullbackLeibler(p, q, variables, given, unit);
        return double.IsPositiveInfinity(divergence) ? divergence : ConditionalEntropy(p, variables, given, unit) + divergence;
    }

    /// <inheritdoc cref="ConditionalCrossEntropy(JointDistribution, JointDistribution, IReadOnlyList{string}, IReadOnlyList{string}, InformationUnit)"/>
    /// <param name="p">The true joint distribution.</param>
    /// <param name="q">The model.</param>
    /// <param name="variable">A.</param>
    /// <param name="given">B.</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    public static double ConditionalCrossEntropy(JointDistribution p, JointDistribution q, string variable, string given, InformationUnit unit = default) =>
        ConditionalCrossEntropy(p, q, [variable], [given], unit);

    private static (DoubleDouble[] PCells, DoubleDouble[] PConditions, DoubleDouble[] QCells, DoubleDouble[] QConditions, DoubleDouble PTotal) ConditionalTables(
        JointDistribution p, JointDistribution q, IReadOnlyList<string> variables, IReadOnlyList<string> given)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(q);
        if (!p.Variables.SequenceEqual(q.Variables, StringComparer.Ordinal) || !p.Shape.SequenceEqual(q.Shape))
            throw new InvalidArgumentException($"p is {p} and q is {q}: both must have the same variables with the same numbers of levels.", nameof(q));
        var a = p.Axes(variables, nameof(variables), allowEmpty: false);
        var b = p.Axes(given, nameof(given), allowEmpty: true);
        int[] ab = [.. a, .. b];
        _ = p.Axes([.. ab.Select(i => p.Variables[i])], nameof(given), allowEmpty: false);
        return (p.Sums(ab), p.Sums(b), q.Sums(ab), q.Sums(b), p.Sums([])[0]);
    }

    /// <summary>
    /// (b/s)·φ(a/b) ≥ 0, with φ(r) = r·ln r − r + 1: the term of a divergence of p = a/s from q = b/s, the excess a/b − 1 taken
    /// from the double-double difference a − b (exactly 0 when a and b are equal products), b/s where a = 0.
    /// </summary>
    private static double ExcessTerm(DoubleDouble a, DoubleDouble b, double scale)
    {
        double q = b.Hi / scale;
        if (a.Hi == 0) return q;
        var d = a - b;
        double x = (d.Hi + d.Lo) / b.Hi;
        if (x < 1)
        {
            x = Math.Max(-1.0, x);
            return q * Elementary.Phi(x, Elementary.LogOnePlus(x));
        }
        return Math.Max(0.0, q * ((1 + x) * LogOfQuotient(a, b) - x));
    }

    /// <summary>ln(x/y) for x, y &gt; 0 in double-double: ln of the quotient's leading part plus its relative tail.</summary>
    private static double LogOfQuotient(DoubleDouble x, DoubleDouble y)
    {
        var r = DoubleDoubleArithmetic.Divide(x, y);
        return Math.Abs(r.Hi - 1) < 0.5 ? Elementary.LogOnePlus((r - new DoubleDouble(1, 0)).Value) : Math.Log(r.Hi) + r.Lo / r.Hi;
    }
}
