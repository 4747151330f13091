using Kullback.Data.Input;
using static Kullback.Data.Tests.Input.InputAssert;

namespace Kullback.Data.Tests.Input;

/// <summary><see cref="TextInput.ReadPoints"/>: columns by name or number, dimensions, the flat layout, errors and the limit.</summary>
public class PointReaderTests
{
    private static PointSet Read(string text, string? columns = null, InputOptions? options = null) =>
        TextInput.ReadPoints(Text(text, "p.csv"), columns is null ? null : ColumnSelector.ParseList(columns), options);

    [Fact]
    public void Every_column_by_default_row_major_and_flat()
    {
        var points = Read("x,y,z\n1,2,3\n4,5,6\n");
        Assert.Equal((2, 3), (points.Count, points.Dimensions));
        Assert.Equal([1.0, 2, 3, 4, 5, 6], points.Coordinates);
        Assert.Equal(["x", "y", "z"], points.ColumnNames);
        Assert.Equal([4.0, 5, 6], points.Point(1).ToArray());
    }

    [Fact]
    public void Chosen_columns_by_name_or_number_in_the_order_given_other_columns_may_hold_anything()
    {
        var points = Read("id\tlabel\tx\ty\n1\tred\t0.5\t-2\n2\tblue\t1e-3\t7\n", "y,3");
        Assert.Equal(2, points.Dimensions);
        Assert.Equal([-2.0, 0.5, 7, 1e-3], points.Coordinates);
        Assert.Equal(["y", "x"], points.ColumnNames);
        var noHeader = Read("1 2 3\n4 5 6\n", "3");
        Assert.Equal([3.0, 6], noHeader.Coordinates);
        Assert.Equal(["3"], noHeader.ColumnNames);
    }

    [Theory]
    [InlineData("x,y\n1,2\n3,abc\n", null, "p.csv:3:3: 'abc' in column 'y' is not a number")]
    [InlineData("x,y\n1,2\n3,\n", null, "p.csv:3:3: the field in column 'y' is empty")]
    [InlineData("x,y\n1,2\n3,4,5\n", null, "more fields than the first data row (2)")]
    [InlineData("x,y\n1,2\n3\n", null, "p.csv:3:2: the row has 1 field, so there is no column 'y'")]
    [InlineData("x,y\n1,2\n", "z", "no column 'z'", "'x', 'y'")]
    [InlineData("x,y\n1,2\n", "0", "--column 0 is out of range")]
    [InlineData("x,y\n1,2\n", "x,1", "chosen twice")]
    [InlineData("x,y\n1,NaN\n", null, "'NaN' in column 'y' is not finite")]
    [InlineData("x y\n1,5 2,5\n", null, "decimal commas")]
    public void Bad_points_are_refused_at_their_position(string text, string? columns, params string[] words) =>
        Refused(() => Read(text, columns), words);

    [Fact]
    public void More_points_than_the_limit_are_refused_with_the_flag()
    {
        var options = new InputOptions { MaxPoints = 2 };
        Assert.Equal(2, Read("1\n2\n", options: options).Count);
        var e = Refused(() => Read("1\n2\n3\n", options: options), "more than 2 points", "--max-points");
        Assert.Equal(3, e.Location?.Line);
    }

    [Fact]
    public void Lines_in_a_header_comment_or_blank_count_in_positions()
    {
        var e = Refused(() => Read("# made by hand\nx,y\n\n1,2\n# more\n3,oops\n"), "'oops'");
        Assert.Equal("6:3", Position(e));
    }
}
