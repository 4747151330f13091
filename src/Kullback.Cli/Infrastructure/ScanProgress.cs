using Spectre.Console;

namespace Kullback.Cli;

/// <summary>
/// Runs an engine job with the terminal's interrupt as its cancellation, and — when it takes more than a second and a
/// person watches standard error — shows what it is doing there (standard output stays clean for --json).
/// </summary>
internal static class ScanProgress
{
    public static T Run<T>(Terminal terminal, string label, Func<IProgress<string>, CancellationToken, Task<T>> job)
    {
        string stage = label;
        var work = Task.Run(() => job(new Immediate(s => Volatile.Write(ref stage, s)), terminal.Interrupt));
        if (!Finished(work, TimeSpan.FromSeconds(1)) && terminal.ErrorIsInteractive)
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(terminal.Error) });
            console.Status().Start(Markup.Escape(label), context =>
            {
                while (!Finished(work, TimeSpan.FromMilliseconds(100)))
                    context.Status(Markup.Escape($"{label}: {Volatile.Read(ref stage)}"));
            });
        }
        return work.GetAwaiter().GetResult();   // rethrows the job's own exception
    }

    /// <summary>Waits up to <paramref name="timeout"/> without throwing; true when the job has ended, successfully or not.</summary>
    private static bool Finished(Task job, TimeSpan timeout) => Task.WhenAny(job, Task.Delay(timeout)).GetAwaiter().GetResult() == job;

    /// <summary>Reports on the caller's thread at once (Progress&lt;T&gt; would post to a context the tool does not have).</summary>
    private sealed class Immediate(Action<string> report) : IProgress<string>
    {
        public void Report(string value) => report(value);
    }
}
