namespace Sweep.Datasets.Tests;

public class DataSplitTests
{
    [Fact]
    public void The_generator_reproduces_the_published_splitmix64_sequence()
    {
        var fromZero = new SplitMix64(0);
        var fromOther = new SplitMix64(1234567);

        Assert.Equal(
            [0xE220A8397B1DCDAFUL, 0x6E789E6AA1B965F4UL, 0x06C45D188009454FUL],
            [fromZero.Next(), fromZero.Next(), fromZero.Next()]);
        Assert.Equal(
            [0x599ED017FB08FC85UL, 0x2C73F08458540FA5UL, 0x883EBCE5A3F27C77UL],
            [fromOther.Next(), fromOther.Next(), fromOther.Next()]);
    }

    [Fact]
    public void Bounded_draws_cover_every_value_about_equally()
    {
        var random = new SplitMix64(7);
        var counts = new int[6];

        for (var i = 0; i < 60_000; i++)
        {
            counts[random.NextBelow(6)]++;
        }

        Assert.All(counts, c => Assert.InRange(c, 9_600, 10_400));
    }

    [Theory]
    [InlineData(100, 60, 20, 20)]
    [InlineData(1503, 901, 301, 301)]
    [InlineData(488, 292, 98, 98)]
    [InlineData(10, 6, 2, 2)]
    public void Validation_and_test_take_their_rounded_share_and_training_takes_the_rest(
        int rows, int train, int validation, int test)
    {
        Assert.Equal((train, validation, test), DataSplit.Sizes(rows, new SplitFractions()));
    }

    [Fact]
    public void The_parts_are_disjoint_sorted_and_together_hold_every_row()
    {
        var split = DataSplit.Create(1503, new SplitFractions(), 42);

        int[] all = [.. split.Train, .. split.Validation, .. split.Test];
        Assert.Equal(Enumerable.Range(0, 1503), all.Order());
        Assert.Equal((901, 301, 301), (split.Train.Length, split.Validation.Length, split.Test.Length));
        Assert.All(new[] { split.Train, split.Validation, split.Test }, part => Assert.Equal(part.Order(), part));
    }

    [Fact]
    public void The_same_seed_gives_the_same_split_and_another_seed_another()
    {
        var first = DataSplit.Create(500, new SplitFractions(0.5, 0.25, 0.25), 3);
        var again = DataSplit.Create(500, new SplitFractions(0.5, 0.25, 0.25), 3);
        var other = DataSplit.Create(500, new SplitFractions(0.5, 0.25, 0.25), 4);

        Assert.Equal(first.Train, again.Train);
        Assert.Equal(first.Validation, again.Validation);
        Assert.Equal(first.Test, again.Test);
        Assert.NotEqual(first.Test, other.Test);
    }

    [Fact]
    public void Test_rows_of_different_seeds_overlap_about_as_much_as_chance_predicts()
    {
        var overlaps = Enumerable.Range(1, 20)
            .Select(seed => DataSplit.Create(1000, new SplitFractions(), seed).Test)
            .Select(test => test.Intersect(DataSplit.Create(1000, new SplitFractions(), 0).Test).Count())
            .ToList();

        Assert.InRange(overlaps.Average(), 30, 50);
    }

    [Fact]
    public void Too_few_rows_is_an_error_that_says_how_many_the_split_needs()
    {
        var error = Assert.Throws<DataException>(() => DataSplit.Create(7, new SplitFractions(), 1, "f.csv"));

        Assert.Equal(
            "f.csv: too few rows for the requested split: 7 data rows cannot be split into train/validation/test "
            + "= 0.6/0.2/0.2 with at least 2 rows in each part; this split needs at least 8 rows",
            error.Message);
        var smallest = DataSplit.Create(8, new SplitFractions(), 1);
        Assert.Equal((4, 2, 2), (smallest.Train.Length, smallest.Validation.Length, smallest.Test.Length));
    }

    [Theory]
    [InlineData(0.6, 0.2, 0.3, "train + validation + test must sum to 1")]
    [InlineData(1.0, 0.2, 0.2, "the train fraction must be strictly between 0 and 1")]
    [InlineData(0.8, 0.2, 0.0, "the test fraction must be strictly between 0 and 1")]
    [InlineData(0.8, double.NaN, 0.2, "the validation fraction must be strictly between 0 and 1")]
    public void Fractions_out_of_range_or_not_summing_to_one_are_refused(
        double train, double validation, double test, string message)
    {
        var fractions = new SplitFractions(train, validation, test);

        var error = Assert.Throws<DataException>(() => DataSplit.Create(100, fractions, 1));

        Assert.Contains(message, Assert.Single(error.Problems).Message);
        Assert.Contains(message, Assert.Single(fractions.Problems()));
    }

    [Fact]
    public void Decimal_fractions_that_sum_to_one_only_after_rounding_are_accepted()
    {
        Assert.Empty(new SplitFractions(0.7, 0.2, 0.1).Problems());
        Assert.Empty(new SplitFractions(0.1, 0.2, 0.7).Problems());
    }

    [Theory]
    [InlineData(0.6, 0.2, 0.1, "train + validation + test must sum to 1, not 0.9")]
    [InlineData(0.7, 0.2, 0.2, "train + validation + test must sum to 1, not 1.1")]
    [InlineData(0.6, 0.2, 0.19999999, "train + validation + test must sum to 1, not 0.99999999")]
    public void A_sum_away_from_one_is_shown_rounded_as_decimals_not_as_binary_noise(
        double train, double validation, double test, string message)
    {
        Assert.Equal(message, Assert.Single(new SplitFractions(train, validation, test).Problems()));
    }
}
