namespace Kullback.Cli;

/// <summary>
/// The command line or the environment is wrong: the message says what, where, and what would be accepted.
/// Reported as one line on standard error with exit code 2.
/// </summary>
internal sealed class UsageException : Exception
{
    public UsageException(string message) : base(message) { }

    public UsageException(string message, Exception inner) : base(message, inner) { }
}
