namespace Sweep.Teachers.Bench;

/// <summary>
/// The split the PyTorch reference script uses too, so both train on the same rows: row i goes to test when
/// i mod 5 = 4, to validation when i mod 5 = 3, else to train (60/20/20); features and target are standardized
/// with the train rows' mean and population standard deviation.
/// </summary>
internal static class ModuloSplit
{
    public static TeacherData Apply(RegressionTable table)
    {
        var train = Rows(table, row => row % 5 < 3);
        var validation = Rows(table, row => row % 5 == 3);
        var test = Rows(table, row => row % 5 == 4);
        var columns = table.Columns;
        var means = new double[columns + 1];
        var scales = new double[columns + 1];
        for (var column = 0; column <= columns; column++)
        {
            var values = train.Select(row => Value(table, row, column)).ToArray();
            means[column] = values.Average();
            var deviation = Math.Sqrt(values.Select(v => (v - means[column]) * (v - means[column])).Average());
            scales[column] = deviation > 0 ? deviation : 1;
        }

        double Scaled(int row, int column) => (Value(table, row, column) - means[column]) / scales[column];
        double[] Inputs(int[] rows) => rows.SelectMany(row => Enumerable.Range(0, columns).Select(c => Scaled(row, c)))
            .ToArray();
        double[] Targets(int[] rows) => rows.Select(row => Scaled(row, columns)).ToArray();
        return new TeacherData(Inputs(train), Targets(train), Inputs(validation), Targets(validation), Inputs(test),
            Targets(test), columns);
    }

    private static int[] Rows(RegressionTable table, Func<int, bool> keep) =>
        Enumerable.Range(0, table.Targets.Length).Where(keep).ToArray();

    private static double Value(RegressionTable table, int row, int column) =>
        column < table.Columns ? table.Features[row][column] : table.Targets[row];
}
