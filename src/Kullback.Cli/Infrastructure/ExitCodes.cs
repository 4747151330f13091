namespace Kullback.Cli;

/// <summary>The tool's exit codes.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int InternalError = 1;
    public const int UsageError = 2;
}
