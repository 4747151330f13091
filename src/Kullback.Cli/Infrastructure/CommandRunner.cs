namespace Kullback.Cli;

/// <summary>Runs a command's body and turns every failure into one line on standard error and an exit code.</summary>
internal static class CommandRunner
{
    public static int Run(Terminal terminal, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (UsageException e)
        {
            terminal.Error.WriteLine($"kullback: {e.Message}");
            return ExitCodes.UsageError;
        }
        catch (Exception e)
        {
            terminal.Error.WriteLine($"kullback: internal error ({e.GetType().Name}): {e.Message} — this is a bug in kullback; please report it.");
            return ExitCodes.InternalError;
        }
    }
}
