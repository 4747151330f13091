using Kullback.Data.Input;
using Spectre.Console;

namespace Kullback.Cli;

/// <summary>
/// Runs a reading job and, when it takes more than a second and a person is watching, shows a progress bar on standard
/// error (so standard output stays clean for --json), following the bytes the input layer has read.
/// </summary>
internal static class ReadingProgress
{
    public static T Run<T>(Terminal terminal, string label, InputSource source, Func<T> read)
    {
        var job = Task.Run(read);
        if (!Finished(job, TimeSpan.FromSeconds(1)) && terminal.ErrorIsInteractive)
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(terminal.Error) });
            console.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .Start(context =>
                {
                    var task = context.AddTask(Markup.Escape(label), maxValue: Math.Max(1, source.Length ?? 1));
                    while (!Finished(job, TimeSpan.FromMilliseconds(100)))
                        if (source.Length is long length) task.Value = Math.Min(length, source.BytesRead);
                        else task.IsIndeterminate = true;
                    task.Value = task.MaxValue;
                });
        }
        return job.GetAwaiter().GetResult();   // rethrows the job's own exception, not an AggregateException
    }

    /// <summary>Waits up to <paramref name="timeout"/>; true when the job has ended, successfully or not.</summary>
    private static bool Finished(Task job, TimeSpan timeout) => Task.WhenAny(job, Task.Delay(timeout)).GetAwaiter().GetResult() == job;
}
