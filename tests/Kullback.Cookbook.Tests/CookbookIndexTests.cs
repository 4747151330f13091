namespace Kullback.Cookbook.Tests;

/// <summary>The cookbook's index lists every page, every page is kept by a recipe, and every picture it shows exists.</summary>
public class CookbookIndexTests
{
    private static IEnumerable<string> Pages() =>
        Directory.GetFiles(Cookbook.Directory, "*.md").Where(p => Path.GetFileName(p) != "README.md");

    [Fact]
    public void The_index_links_every_page()
    {
        string index = File.ReadAllText(Path.Combine(Cookbook.Directory, "README.md"));
        Assert.All(Pages(), page => Assert.Contains($"]({Path.GetFileName(page)})", index, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_page_has_a_generated_block_and_a_recipe_test_named_after_it()
    {
        var recipes = typeof(Cookbook).Assembly.GetTypes().Where(t => t.Namespace == "Kullback.Cookbook.Tests.Recipes").Select(t => t.Name).ToHashSet();
        Assert.All(Pages(), page =>
        {
            Assert.Contains("<!-- generated: ", File.ReadAllText(page), StringComparison.Ordinal);
            string name = string.Concat(Path.GetFileNameWithoutExtension(page).Split('-').Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
            Assert.Contains(recipes, r => string.Equals(r, name, StringComparison.OrdinalIgnoreCase));
        });
    }

    [Fact]
    public void Every_picture_a_page_shows_is_committed()
    {
        Assert.All(Pages(), page =>
        {
            foreach (string line in File.ReadAllLines(page).Where(l => l.StartsWith("![", StringComparison.Ordinal)))
            {
                string target = line[(line.IndexOf("](", StringComparison.Ordinal) + 2)..line.LastIndexOf(')')];
                Assert.True(File.Exists(Path.Combine(Cookbook.Directory, target)), $"{Path.GetFileName(page)} shows {target}, which is missing");
            }
        });
    }
}
