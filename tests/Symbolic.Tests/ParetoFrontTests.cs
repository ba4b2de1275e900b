namespace Sweep.Symbolic.Tests;

public class ParetoFrontTests
{
    private static FrontEntry Entry(int size, double error) => new(Expression.Constant(size), size, error);

    [Fact]
    public void Merge_keeps_exactly_the_entries_no_other_beats_on_size_and_error()
    {
        FrontEntry[] entries =
        [
            Entry(5, 0.5), Entry(1, 4.0), Entry(3, 1.0), Entry(4, 1.2), Entry(3, 2.0), Entry(9, 0.5),
            Entry(7, 0.1), Entry(2, double.NaN), Entry(2, double.PositiveInfinity),
        ];

        var front = ParetoFront.Merge(entries);

        Assert.Equal([(1, 4.0), (3, 1.0), (5, 0.5), (7, 0.1)], front.Select(e => (e.Size, e.Error)));
    }

    [Fact]
    public void Among_equal_entries_the_first_given_wins()
    {
        var first = Entry(3, 1.0);
        var second = Entry(3, 1.0);

        Assert.Same(first, Assert.Single(ParetoFront.Merge([first, second])));
    }
}
