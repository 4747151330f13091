namespace Kullback;

/// <summary>
/// An argument the library cannot accept: a probability vector with a negative entry, a Rényi order of −1, a
/// parameter outside its family's range. Its <see cref="Reason"/> is the sentence alone, so that callers can show it
/// without parsing <see cref="Exception.Message"/> (which .NET extends with "(Parameter 'x')").
/// </summary>
/// <remarks>
/// It is an <see cref="ArgumentOutOfRangeException"/> (and so an <see cref="ArgumentException"/>): every invalid
/// argument is a value outside what the method accepts, and callers that catch either keep working.
/// </remarks>
public class InvalidArgumentException : ArgumentOutOfRangeException
{
    private readonly string? _paramName;

    /// <summary>Creates the exception.</summary>
    /// <param name="reason">What is wrong with the argument and what would be accepted, as a sentence.</param>
    /// <param name="paramName">The parameter's name in the method that refused it.</param>
    public InvalidArgumentException(string reason, string? paramName)
        : this(reason, paramName, null)
    {
    }

    /// <summary>Creates the exception with an inner cause.</summary>
    /// <param name="reason">What is wrong with the argument and what would be accepted, as a sentence.</param>
    /// <param name="paramName">The parameter's name in the method that refused it.</param>
    /// <param name="inner">The error that revealed the problem.</param>
    public InvalidArgumentException(string reason, string? paramName, Exception? inner)
        : base(reason, inner)
    {
        Reason = reason;
        _paramName = paramName;
    }

    /// <summary>The sentence saying what is wrong, without .NET's "(Parameter 'x')" suffix.</summary>
    public string Reason { get; }

    /// <inheritdoc/>
    public override string? ParamName => _paramName;

    /// <inheritdoc/>
    public override string Message => _paramName is null ? Reason : $"{Reason} (Parameter '{_paramName}')";
}
