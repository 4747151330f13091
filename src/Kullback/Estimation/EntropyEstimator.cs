namespace Kullback.Estimation;

/// <summary>How an entropy is estimated from the counts of a sample (see <see cref="EntropyEstimators"/>).</summary>
public enum EntropyEstimator
{
    /// <summary>
    /// The plug-in (maximum-likelihood) estimate Ĥ = −Σ p̂ᵢ ln p̂ᵢ with p̂ᵢ = nᵢ/N. Biased low: E[Ĥ] ≈ H − (K − 1)/(2N)
    /// for K outcomes of positive probability, and more when outcomes go unseen.
    /// </summary>
    PlugIn,

    /// <summary>
    /// Miller–Madow (Miller 1955): Ĥ + (m − 1)/(2N), with m the number of outcomes observed. Removes the first-order bias
    /// of the plug-in when every outcome is seen; still low when many are not.
    /// </summary>
    MillerMadow,

    /// <summary>
    /// Grassberger (2003, revised 2008): ln N − (1/N) Σ nᵢ G(nᵢ), with G(n) = ψ(n) + ½(−1)ⁿ[ψ((n + 1)/2) − ψ(n/2)]
    /// (P. Grassberger, "Entropy estimates from insufficient samplings", arXiv:physics/0307138, eq. 35). Corrects the bias
    /// of each count's ln nᵢ, so it does better than Miller–Madow on undersampled data.
    /// </summary>
    Grassberger,

    /// <summary>
    /// Chao–Shen (Chao and Shen 2003, Environmental and Ecological Statistics 10): the coverage-adjusted Horvitz–Thompson
    /// estimate −Σ p̃ᵢ ln p̃ᵢ / (1 − (1 − p̃ᵢ)ᴺ), p̃ᵢ = C·nᵢ/N with Good–Turing coverage C = 1 − f₁/N (f₁ singletons; f₁ = N is
    /// taken as N − 1). Accounts for the mass of unseen outcomes; needs no number of possible outcomes.
    /// </summary>
    ChaoShen,

    /// <summary>
    /// Nemenman–Shafee–Bialek (2002): the posterior mean of H under a mixture of symmetric Dirichlet priors whose weights
    /// make the prior on H nearly flat, integrated numerically over the concentration β. Needs K, the number of possible
    /// outcomes; gives a posterior standard deviation.
    /// </summary>
    Nsb,
}
