namespace Kullback.Cli.Tests;

/// <summary>Output a user can trust: no foreign file replaced, nothing partial or empty left behind.</summary>
public class OutputDirectoryTests
{
    [Fact]
    public void A_file_kullback_did_not_write_is_never_replaced_and_nothing_is_done()
    {
        using var dir = new TempDirectory();
        string target = Directory.CreateDirectory(Path.Combine(dir.Path, "charts")).FullName;
        string mine = Path.Combine(target, "1-data.png");
        File.WriteAllText(mine, "my own picture");
        CliRun.Of("demo", "--out", target).AssertUsageError("'1-data.png' exists and was not written by kullback");
        Assert.Equal("my own picture", File.ReadAllText(mine));
        Assert.Single(Directory.GetFileSystemEntries(target));
        Assert.Equal(["charts"], Directory.GetFileSystemEntries(dir.Path).Select(Path.GetFileName));   // no staging directory left beside it
    }

    [Fact]
    public void Its_own_files_are_replaced_but_not_once_a_person_has_changed_them()
    {
        using var dir = new TempDirectory();
        Assert.Equal(0, CliRun.Of("demo", "--out", dir.Path, "--json").ExitCode);
        Assert.Equal(0, CliRun.Of("demo", "--out", dir.Path, "--json").ExitCode);   // a second run replaces its own charts
        File.WriteAllText(Path.Combine(dir.Path, "4-all.svg"), "edited by hand");
        CliRun.Of("demo", "--out", dir.Path).AssertUsageError("'4-all.svg' exists and was not written by kullback (or was changed since)");
        Assert.Equal("edited by hand", File.ReadAllText(Path.Combine(dir.Path, "4-all.svg")));
    }

    [Fact]
    public void A_failed_run_leaves_no_directory_behind()
    {
        using var dir = new TempDirectory();
        string target = Path.Combine(dir.Path, "charts");
        // Bad data fail after the output was prepared: neither the target nor a staging directory may remain.
        CliRun.Of("fit", dir.File("bad.txt", "1\nx\n"), "--as", "counts", "--out", target).AssertUsageError("'x' is not a number");
        Assert.False(Directory.Exists(target));
        Assert.Equal(["bad.txt"], Directory.GetFileSystemEntries(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Other_files_in_the_directory_are_left_alone()
    {
        using var dir = new TempDirectory();
        string notes = dir.File("notes.txt", "keep me");
        Assert.Equal(0, CliRun.Of("demo", "--out", dir.Path, "--json").ExitCode);
        Assert.Equal("keep me", File.ReadAllText(notes));
        Assert.Equal(12, Directory.GetFiles(dir.Path, "*.png").Length + Directory.GetFiles(dir.Path, "*.svg").Length);
    }

    [Fact]
    public void A_directory_in_the_way_of_a_chart_is_refused()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(dir.Path, "6-kl-vs-p.png"));
        CliRun.Of("demo", "--out", dir.Path).AssertUsageError("'6-kl-vs-p.png' there is a directory");
    }
}
