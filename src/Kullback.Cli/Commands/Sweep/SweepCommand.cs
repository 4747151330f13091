using System.CommandLine;
using System.Globalization;
using Kullback.Cli.Commands.Fit;
using Kullback.Fitting;
using Kullback.Plots;
using Spectre.Console;

namespace Kullback.Cli.Commands.Sweep;

/// <summary><c>kullback sweep FILE --family F --param NAME</c>: D(P‖Q_θ) as one parameter varies and the others stay at their fit.</summary>
internal static class SweepCommand
{
    public const string DefaultOut = "kullback-sweep";

    public static Command Create(Terminal terminal)
    {
        var data = new FitCommand.DataOptions();
        var family = new Option<string>("--family") { Description = "The model family.", Required = true, HelpName = "F" };
        family.AcceptOnlyFromAmong([.. ModelFamily.All.Select(f => f.Name)]);
        var parameter = new Option<string>("--param") { Description = "The parameter to vary (e.g. p, lambda, r, alpha, beta, mu, sigma).", Required = true, HelpName = "NAME" };
        var from = new Option<double?>("--from") { Description = "Start of the range (default: around the fit).", HelpName = "A" };
        var to = new Option<double?>("--to") { Description = "End of the range (default: around the fit).", HelpName = "B" };
        var steps = new Option<int>("--steps") { Description = "Number of values, at least 2.", DefaultValueFactory = _ => 101, HelpName = "K" };
        var outOption = new Option<string>("--out") { Description = "Directory for the chart (PNG and SVG).", DefaultValueFactory = _ => DefaultOut, HelpName = "DIR" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of the table." };

        var command = new Command("sweep", "D(P‖Q) as one parameter of a fitted model varies and the others stay at their maximum-likelihood fit, with the minimum marked.");
        data.AddTo(command);
        foreach (Option o in new Option[] { family, parameter, from, to, steps, outOption, json }) command.Add(o);
        command.SetAction(parse => CommandRunner.Run(terminal, () =>
        {
            if (parse.GetValue(steps) < 2) throw new UsageException("--steps must be at least 2.");
            string directory = OutputDirectory.Prepare(parse.GetValue(outOption)!);
            var input = data.Read(parse, terminal);
            var sweep = Run(input.Data, parse.GetValue(family)!, parse.GetValue(parameter)!, parse.GetValue(from), parse.GetValue(to),
                            parse.GetValue(steps), parse.GetValue(data.Trials));
            IReadOnlyList<string> charts;
            try { charts = WriteChart(sweep, directory); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new UsageException($"cannot write the chart to --out '{directory}': {e.Message}"); }
            if (parse.GetValue(json)) WriteJson(terminal.Out, sweep, charts);
            else WriteTable(ConsoleFactory.For(terminal), sweep, input, charts);
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>The result of a sweep: the fit, the values tried, and D(P‖Q) at each (nats; NaN where the value is invalid).</summary>
    internal sealed record Sweep(ModelFit Fit, string Parameter, double[] Values, double[] KlNats)
    {
        public int MinimumIndex => Enumerable.Range(0, Values.Length).Where(i => double.IsFinite(KlNats[i])).MinBy(i => KlNats[i]);
    }

    internal static Sweep Run(DiscreteDistribution data, string familyName, string parameter, double? from, double? to, int steps, long? trials)
    {
        var report = ModelFitter.Fit(data, new FitOptions { Families = [familyName], Trials = trials, RankBy = RankCriterion.KullbackLeibler });
        if (report.Best is not { } fit)
            throw new UsageException($"{familyName} cannot be fitted to these data: {report.NotApplicable[0].Reason}");
        if (!data.IsNumeric) throw new UsageException("the outcomes are labels: only the uniform applies, and it has no parameter to vary.");
        double fitted;
        try
        {
            fitted = fit.Model.Parameter(parameter);
            fit.Model.WithParameter(parameter, fitted);
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message.Split(" (Parameter")[0]);
        }

        var (lo, hi) = DefaultRange(fit.Model, parameter, fitted);
        lo = from ?? lo;
        hi = to ?? hi;
        if (!(hi > lo)) throw new UsageException($"--from {Numbers.RoundTrip(lo)} must be less than --to {Numbers.RoundTrip(hi)}.");
        foreach (var (end, value) in new[] { ("--from", lo), ("--to", hi) })
        {
            try { fit.Model.WithParameter(parameter, value); }
            catch (ArgumentException e) { throw new UsageException($"{end} {Numbers.RoundTrip(value)}: {e.Message.Split(" (Parameter")[0]}"); }
        }
        double[] values = Enumerable.Range(0, steps).Select(i => lo + (hi - lo) * i / (steps - 1)).ToArray();
        double[] kl = values.Select(v => ModelFitter.Evaluate(fit.Model.WithParameter(parameter, v), fit.ParameterCount, fit.Method, data).KullbackLeiblerPQ).ToArray();
        return new Sweep(fit, parameter, values, kl);
    }

    /// <summary>Probabilities over (0, 1); positive parameters from a fifth to three times the fit; μ over ±3σ.</summary>
    private static (double, double) DefaultRange(DiscreteModel model, string parameter, double fitted) => parameter switch
    {
        "p" => (0.005, 0.995),
        "mu" => (fitted - 3 * model.Parameter("sigma"), fitted + 3 * model.Parameter("sigma")),
        _ => (fitted / 5, fitted * 3),
    };

    private static IReadOnlyList<string> WriteChart(Sweep s, string directory)
    {
        int m = s.MinimumIndex;
        var plot = CurveChart.Create($"D(P‖Q) as {s.Parameter} varies: {s.Fit.Family}, other parameters at their fit",
            s.Values, new Series($"D(P‖{s.Fit.Family})", s.KlNats), s.Parameter, "D(P‖Q) (nats)", (s.Values[m], s.KlNats[m]));
        return ChartFile.Save(plot, directory, $"sweep-{s.Fit.Family}-{s.Parameter}");
    }

    private static void WriteTable(IAnsiConsole console, Sweep s, Observations input, IReadOnlyList<string> charts)
    {
        console.WriteLine(input.Explanation);
        double fitted = s.Fit.Model.Parameter(s.Parameter);
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn(new TableColumn(Markup.Escape(s.Parameter)).RightAligned())
            .AddColumn(new TableColumn("D(P‖Q) nats").RightAligned())
            .AddColumn(new TableColumn("D(P‖Q) bits").RightAligned());
        int m = s.MinimumIndex;
        int every = Math.Max(1, (s.Values.Length - 1) / 10);
        for (int i = 0; i < s.Values.Length; i++)
        {
            if (i % every != 0 && i != m && i != s.Values.Length - 1) continue;
            string mark(string text) => i == m ? $"[bold]{text}[/]" : text;
            table.AddRow(mark(Numbers.Display(s.Values[i], 4)), mark(Numbers.Display(s.KlNats[i], 6)), mark(Numbers.Display(s.KlNats[i] / Math.Log(2), 6)));
        }
        console.Write(table);
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Smallest on this grid at {s.Parameter} = {Numbers.Display(s.Values[m], 4)} (D = {Numbers.Display(s.KlNats[m], 6)} nats); " +
            $"the maximum-likelihood fit {s.Fit.Model} has {s.Parameter} = {FitFormatting.Value(fitted)} and D = {Numbers.Display(s.Fit.KullbackLeiblerPQ, 6)} nats."));
        foreach (string c in charts) console.WriteLine("Chart: " + c);
    }

    private static void WriteJson(TextWriter output, Sweep s, IReadOnlyList<string> charts) =>
        JsonOutput.Write(output, w =>
        {
            int m = s.MinimumIndex;
            w.WriteString("family", s.Fit.Family);
            w.WriteString("param", s.Parameter);
            w.WriteStartObject("fit");
            foreach (var p in s.Fit.Model.Parameters) w.WriteNumberOrInfinity(p.Name, p.Value);
            w.WriteEndObject();
            w.WriteNumberOrInfinity("fit_kl_nats", s.Fit.KullbackLeiblerPQ);
            w.WriteStartArray("values");
            foreach (double v in s.Values) w.WriteNumberOrInfinity(v);
            w.WriteEndArray();
            w.WriteStartArray("kl_nats");
            foreach (double v in s.KlNats) w.WriteNumberOrInfinity(v);
            w.WriteEndArray();
            w.WriteStartObject("minimum");
            w.WriteNumberOrInfinity("value", s.Values[m]);
            w.WriteNumberOrInfinity("kl_nats", s.KlNats[m]);
            w.WriteEndObject();
            w.WriteStartArray("charts");
            foreach (string c in charts) w.WriteStringValue(c);
            w.WriteEndArray();
        });
}
