using System.Runtime.InteropServices;
using System.Text;
using Kullback.Cli;

Console.OutputEncoding = Encoding.UTF8;
using var interrupt = new CancellationTokenSource();
// Ctrl-C and SIGTERM cancel the command, which removes what it staged; a second Ctrl-C ends the process at once.
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = !interrupt.IsCancellationRequested;
    interrupt.Cancel();
};
using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    interrupt.Cancel();
});
return KullbackCli.Run(args, Terminal.FromConsole(interrupt.Token));
