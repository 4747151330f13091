using System.Text;
using CsCheck;

namespace Kullback.Cli.Tests.Hostile;

/// <summary>
/// Random bytes, random mutations of valid files and random option values, through every command that reads data: the
/// only outcomes allowed are success with finite numbers or exit 2 with a short message — never a bug (70), a NaN, a
/// stack trace or several lines.
/// </summary>
public class HostileFuzzTests
{
    private static readonly string[] Valid =
    [
        "0.02 0.03 0.05 0.14 0.16 0.15 0.12 0.08 0.10 0.08 0.07\n",
        "value,count\n0,5\n1,9\n2,4\n4,1\n",
        "x,y\n1.5,2\n3,4.25\n-1,0\n2,2\n5,1e-3\n0.5,7\n9,9\n",
        "3\n1\n3\n2\n3\n0\n5\n2\n",
        "red\nblue\nred\ngreen\n",
    ];

    private static readonly string[][] Commands =
    [
        ["measure", "{f}", "{g}", "--counts", "--json"],
        ["measure", "{f}", "{g}"],
        ["fit", "{f}", "--json"],
        ["fit", "{f}", "--as", "samples"],
        ["sweep", "{f}", "--family", "poisson", "--param", "lambda", "--json"],
        ["estimate", "{f}", "{g}", "--k", "2", "--json"],
    ];

    private static readonly Gen<byte[]> Mutated =
        Gen.Select(Gen.Int[0, Valid.Length - 1], Gen.Int[0, 200], Gen.Byte.Array[0, 6], Gen.Int[0, 3], byte[] (int which, int at, byte[] bytes, int mode) =>
        {
            byte[] text = Encoding.UTF8.GetBytes(Valid[which]);
            int position = Math.Min(at, text.Length);
            return mode switch
            {
                0 => [.. text.Take(position), .. bytes, .. text.Skip(position)],                      // insert
                1 => [.. text.Take(position), .. bytes, .. text.Skip(Math.Min(text.Length, position + bytes.Length))],   // overwrite
                2 => [.. text.Take(position)],                                                      // truncate
                _ => [.. text, .. text.Skip(position)],                                            // repeat a tail
            };
        });

    private static Gen<string> OneOf(params string[] values) => Gen.Int[0, values.Length - 1].Select(i => values[i]);

    private static readonly Gen<byte[]> Bytes = Gen.OneOf(Mutated, Gen.Byte.Array[0, 300], Gen.Char["0123456789.,;eE+- \n\t#x"].Array[0, 80].Select(c => Encoding.UTF8.GetBytes(new string(c))));

    private static readonly Gen<string> OptionValue = OneOf("0", "-1", "1e309", "NaN", "2", "10", "abc", "", "0.5", "99999999999", "1,5", "\u001b[2J");

    private static readonly Gen<string[]> ExtraOptions = Gen.Select(OneOf("--k", "--base", "--steps", "--from", "--trials", "--column", "--max-distinct"), OptionValue, (name, value) => new[] { name, value }).Array[0, 2].Select(a => a.SelectMany(x => x).ToArray());

    [Fact]
    public void Every_hostile_input_is_answered_or_refused_in_one_line() =>
        Gen.Select(Gen.Int[0, Commands.Length - 1], Bytes, Bytes, ExtraOptions).Sample((command, f, g, extra) =>
        {
            using var dir = new TempDirectory();
            string fPath = Path.Combine(dir.Path, "f.txt"), gPath = Path.Combine(dir.Path, "g.txt");
            File.WriteAllBytes(fPath, f);
            File.WriteAllBytes(gPath, g);
            string[] args = [.. Commands[command].Select(a => a.Replace("{f}", fPath).Replace("{g}", gPath)), .. extra];
            if (args[0] is "fit" or "sweep") args = [.. args, "--out", Path.Combine(dir.Path, "out")];
            var run = CliRun.Of(args);
            Assert.True(run.ExitCode is 0 or 2, $"exit {run.ExitCode} for {string.Join(' ', args)}: {run.Error}");
            if (run.ExitCode == 0)
            {
                Assert.DoesNotContain("NaN", run.Out, StringComparison.Ordinal);
                Assert.Equal("", run.Error);
            }
            else
            {
                Assert.Single(run.Error.TrimEnd('\n').Split('\n'));
                Assert.True(run.Error.Length < 500, run.Error);
                Assert.DoesNotContain("Exception", run.Error, StringComparison.Ordinal);
                Assert.DoesNotContain("\u001b", run.Error, StringComparison.Ordinal);
                Assert.Equal("", run.Out);
            }
        }, iter: 1500);
}
