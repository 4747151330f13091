namespace Kullback.Data.Tests;

public class ProjectTests
{
    [Fact]
    public void The_data_library_references_the_core() =>
        Assert.Equal("Kullback.Core", typeof(InvalidInputException).Assembly.GetName().Name);
}
