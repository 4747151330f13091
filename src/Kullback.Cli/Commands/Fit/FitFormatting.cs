using System.Globalization;
using Kullback.Fitting;

namespace Kullback.Cli.Commands.Fit;

/// <summary>Names and numbers of fits as people and programs see them.</summary>
internal static class FitFormatting
{
    public static string MethodName(FitMethod method) => method == FitMethod.Moments ? "moments" : "mle";

    public static string RankName(RankCriterion rank) => rank switch
    {
        RankCriterion.MessageLength => "message",
        RankCriterion.KullbackLeibler => "kl",
        RankCriterion.Aic => "aic",
        _ => "bic",
    };

    public static RankCriterion ParseRank(string text) => text switch
    {
        "message" => RankCriterion.MessageLength,
        "kl" => RankCriterion.KullbackLeibler,
        "aic" => RankCriterion.Aic,
        "bic" => RankCriterion.Bic,
        _ => throw new UsageException($"--rank '{text}' is not a ranking: use message, kl, aic or bic."),
    };

    /// <summary>"n = 20, p = 0.2996": integers as integers, others to 6 significant digits.</summary>
    public static string Parameters(DiscreteModel model) =>
        string.Join(", ", model.Parameters.Select(p => $"{p.Name} = {Value(p.Value)}"));

    public static string Value(double v) =>
        v == Math.Floor(v) && Math.Abs(v) < 1e15 ? v.ToString("0", CultureInfo.InvariantCulture) : v.ToString("G6", CultureInfo.InvariantCulture);
}
