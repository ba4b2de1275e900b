namespace Sweep.Symbolic.Tests;

public class VariationLimitTests
{
    [Theory]
    [InlineData(7, 4)]
    [InlineData(15, 5)]
    [InlineData(30, 8)]
    public void No_offspring_of_any_operator_ever_exceeds_the_size_or_depth_limit(int maxSize, int maxDepth)
    {
        var options = Programs.AllOperators(maxSize, maxDepth);
        var space = new SearchSpace(options, features: 3);
        var rng = new Rng(maxSize);
        var pool = Enumerable.Range(0, 50).Select(_ => TreeBuilder.Random(space, rng, maxSize)).ToList();
        Assert.All(pool, p => AssertWithinLimits(p, maxSize, maxDepth));

        for (var step = 0; step < 4000; step++)
        {
            var parent = pool[rng.Next(pool.Count)];
            var child = step % 6 == 5
                ? Crossover.Apply(parent, pool[rng.Next(pool.Count)], space, rng)
                : Mutation.Apply((MutationKind)(step % 6), parent, space, rng);

            AssertWithinLimits(child, maxSize, maxDepth);
            pool[rng.Next(pool.Count)] = child;
        }
    }

    [Fact]
    public void Mutations_change_programs_most_of_the_time()
    {
        var space = new SearchSpace(Programs.AllOperators(), features: 3);
        var rng = new Rng(3);
        foreach (var kind in Enum.GetValues<MutationKind>())
        {
            var changed = 0;
            for (var k = 0; k < 200; k++)
            {
                var parent = TreeBuilder.Random(space, rng, 20);
                var child = Mutation.Apply(kind, parent, space, rng);
                changed += child.AsSpan().SequenceEqual(parent) ? 0 : 1;
            }

            Assert.True(changed > 60, $"{kind} changed only {changed} of 200 programs");
        }
    }

    private static void AssertWithinLimits(Node[] program, int maxSize, int maxDepth)
    {
        Shape.RequireWellFormed(program);
        Assert.InRange(program.Length, 1, maxSize);
        Assert.InRange(Shape.Depth(program), 1, maxDepth);
    }
}
