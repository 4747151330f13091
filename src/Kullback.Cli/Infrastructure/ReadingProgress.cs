using Spectre.Console;

namespace Kullback.Cli;

/// <summary>
/// Runs a file-reading job and, when it takes more than a second and a person is watching, shows a progress bar on
/// standard error (so standard output stays clean for --json).
/// </summary>
internal static class ReadingProgress
{
    public static T Run<T>(Terminal terminal, string label, Func<Action<CountingStream, long>, T> read)
    {
        CountingStream? counter = null;
        long length = 0;
        var job = Task.Run(() => read((c, l) => { counter = c; length = l; }));
        if (!Finished(job, TimeSpan.FromSeconds(1)) && terminal.ErrorIsInteractive)
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(terminal.Error) });
            console.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .Start(context =>
                {
                    var task = context.AddTask(Markup.Escape(label), maxValue: Math.Max(1, length));
                    while (!Finished(job, TimeSpan.FromMilliseconds(100)))
                        task.Value = counter?.BytesRead ?? 0;
                    task.Value = task.MaxValue;
                });
        }
        return job.GetAwaiter().GetResult();   // rethrows the job's own exception, not an AggregateException
    }

    /// <summary>Waits up to <paramref name="timeout"/>; true when the job has ended, successfully or not.</summary>
    private static bool Finished(Task job, TimeSpan timeout) => Task.WhenAny(job, Task.Delay(timeout)).GetAwaiter().GetResult() == job;
}
