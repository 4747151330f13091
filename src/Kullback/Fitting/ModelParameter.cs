namespace Kullback.Fitting;

/// <summary>One named parameter of a fitted model, such as <c>lambda = 3.2</c>.</summary>
public readonly record struct ModelParameter(string Name, double Value);
