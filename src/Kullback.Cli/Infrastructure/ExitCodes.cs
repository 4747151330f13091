namespace Kullback.Cli;

/// <summary>The tool's exit codes, as <c>diff</c> uses them: meaning a pipeline can act on.</summary>
internal static class ExitCodes
{
    /// <summary>Done; nothing to report (for <c>compare</c>: no drift).</summary>
    public const int Success = 0;

    /// <summary>A finding: <c>compare</c> found drift. Never used for an error.</summary>
    public const int Finding = 1;

    /// <summary>Something is wrong with the input, the options or the environment (a file, a server, a full disk).</summary>
    public const int InputError = 2;

    /// <summary>A bug in kullback (EX_SOFTWARE).</summary>
    public const int InternalError = 70;

    /// <summary>Interrupted (Ctrl-C or SIGTERM): 128 + SIGINT.</summary>
    public const int Interrupted = 130;
}
