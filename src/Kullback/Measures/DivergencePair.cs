namespace Kullback;

/// <summary>D(p‖q) and D(q‖p), computed together.</summary>
/// <param name="Forward">D(p‖q).</param>
/// <param name="Reverse">D(q‖p).</param>
public readonly record struct DivergencePair(double Forward, double Reverse);
