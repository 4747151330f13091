using System.CommandLine;
using Kullback.Continuous;
using Spectre.Console;

namespace Kullback.Cli.Commands.Estimate;

/// <summary><c>kullback estimate SAMPLES_P SAMPLES_Q</c>: D(P‖Q) and both entropies from samples alone, by k-nearest neighbours.</summary>
internal static class EstimateCommand
{
    public static Command Create(Terminal terminal)
    {
        var p = new Argument<string>("SAMPLES_P") { Description = "CSV/TSV of samples of P: one point per row, one coordinate per column." };
        var q = new Argument<string>("SAMPLES_Q") { Description = "CSV/TSV of samples of Q, with the same columns." };
        var column = new Option<string?>("--column") { Description = "The columns to use, by header name or number (1 = first), comma-separated; default all. Several columns = several dimensions.", HelpName = "NAME[,NAME…]" };
        var k = new Option<int>("--k") { Description = "The neighbour rank k ≥ 1 (larger: less variance, more bias).", DefaultValueFactory = _ => 5 };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of the table." };
        var command = new Command("estimate", "D(P‖Q) from two samples (Wang–Kulkarni–Verdú k-nearest-neighbour estimator) and each sample's differential entropy (Kozachenko–Leonenko).")
        {
            p, q, column, k, json,
        };
        command.SetAction(parse => CommandRunner.Run(terminal, () =>
        {
            int kk = parse.GetValue(k);
            if (kk < 1) throw new UsageException("--k must be at least 1.");
            string pPath = parse.GetValue(p)!, qPath = parse.GetValue(q)!;
            var x = PointFile.Read(pPath, parse.GetValue(column));
            var y = PointFile.Read(qPath, parse.GetValue(column));
            if (x.Count <= kk) throw new UsageException($"{pPath} has {x.Count} samples; --k {kk} needs at least {kk + 1}.");
            if (y.Count <= kk) throw new UsageException($"{qPath} has {y.Count} samples; --k {kk} needs at least {kk + 1}.");
            if (x[0].Length != y[0].Length)
                throw new UsageException($"{pPath} has {x[0].Length} columns and {qPath} has {y[0].Length}: the points must have the same dimensions (choose them with --column).");
            double kl, hp, hq;
            try
            {
                kl = NearestNeighbourEstimators.KullbackLeibler(x, y, kk);
                hp = NearestNeighbourEstimators.Entropy(x, kk);
                hq = NearestNeighbourEstimators.Entropy(y, kk);
            }
            catch (ArgumentException e)
            {
                throw new UsageException(e.Message.Split(" (Parameter")[0]);
            }
            if (parse.GetValue(json))
                JsonOutput.Write(terminal.Out, w =>
                {
                    w.WriteNumberOrInfinity("kl_nats", kl);
                    w.WriteNumberOrInfinity("entropy_p_nats", hp);
                    w.WriteNumberOrInfinity("entropy_q_nats", hq);
                    w.WriteNumber("n_p", x.Count);
                    w.WriteNumber("n_q", y.Count);
                    w.WriteNumber("dimensions", x[0].Length);
                    w.WriteNumber("k", kk);
                });
            else
            {
                var table = new Table().Border(TableBorder.Rounded)
                    .Title(Markup.Escape($"{x.Count} samples of P, {y.Count} of Q, {x[0].Length} dimension(s), k = {kk}"))
                    .AddColumn("Estimate").AddColumn(new TableColumn("nats").RightAligned()).AddColumn(new TableColumn("bits").RightAligned());
                foreach (var (name, v) in new[] { ("D(P‖Q)", kl), ("H(P), differential", hp), ("H(Q), differential", hq) })
                    table.AddRow(Markup.Escape(name), Numbers.Display(v, 6), Numbers.Display(v / Math.Log(2), 6));
                ConsoleFactory.For(terminal).Write(table);
                terminal.Out.WriteLine("k-nearest-neighbour estimates converge as the samples grow; their standard error is roughly √((Var[ln p/q] + 2ψ′(k))/n).");
            }
            return ExitCodes.Success;
        }));
        return command;
    }
}
