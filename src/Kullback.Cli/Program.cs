using System.Text;
using Kullback.Cli;

Console.OutputEncoding = Encoding.UTF8;
return KullbackCli.Run(args, Terminal.FromConsole());
