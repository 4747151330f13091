namespace Kullback.Cli;

/// <summary>
/// The user's input or command line is wrong: the message says what, where, and what would be accepted.
/// Reported as one line on standard error with exit code 2.
/// </summary>
internal sealed class UsageException(string message) : Exception(message);
