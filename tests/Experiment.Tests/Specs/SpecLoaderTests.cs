using Sweep.Datasets;

namespace Sweep.Experiment.Tests.Specs;

public class SpecLoaderTests
{
    private const string File = "spec.yaml";

    /// <summary>A valid spec of four lines; text appended to it starts on line 5.</summary>
    private static string Minimal(string more = "") =>
        "name: t\nbenchmarks: [airfoil_self_noise]\nlambdas: [0, 0.01]\nseeds: [1]\n" + more;

    private static SpecProblem SingleProblem(string yaml)
    {
        var error = Assert.Throws<SpecException>(() => SpecLoader.Parse(yaml, File));
        return Assert.Single(error.Problems);
    }

    [Fact]
    public void The_quick_example_expands_into_three_benchmarks_four_lambdas_and_two_seeds()
    {
        var spec = SpecLoader.Load(Path.Combine(RepositoryFolders.Examples, "quick.yaml"));

        Assert.Equal("quick", spec.Name);
        Assert.Equal(["airfoil_self_noise", "concrete_strength", "1027_ESL"], spec.Benchmarks.Select(b => b.Name));
        Assert.All(spec.Benchmarks, b => Assert.Null(b.Path));
        Assert.Equal([0, 1e-3, 1e-2, 1e-1], spec.Lambdas);
        Assert.Equal([1, 2], spec.Seeds);
        Assert.Equal(new SplitFractions(0.6, 0.2, 0.2), spec.Split);
        Assert.Equal(new TeacherSpec(Epochs: 200), spec.Teacher);
        Assert.Equal(new StudentSpec(Islands: 4, Population: 100, Generations: 40, MigrationInterval: 5), spec.Student);
        Assert.Equal(24, spec.TrialCount);
    }

    [Fact]
    public void The_quick_example_names_only_catalog_benchmarks_that_load()
    {
        var spec = SpecLoader.Load(Path.Combine(RepositoryFolders.Examples, "quick.yaml"));

        var data = DatasetLoader.LoadAll(spec.Benchmarks, RepositoryFolders.Datasets, null, spec.Split);

        Assert.Equal([1503, 1030, 488], data.Select(d => d.Rows));
    }

    [Fact]
    public void The_cases_example_runs_every_case_file_that_must_run_with_the_options_the_readme_asks_for()
    {
        var path = Path.Combine(RepositoryFolders.Examples, "cases.yaml");
        var spec = SpecLoader.Load(path);

        var data = DatasetLoader.LoadAll(
            spec.Benchmarks, RepositoryFolders.Datasets, RepositoryFolders.Examples, spec.Split);

        Assert.Equal(
            ["exp_overflow", "huge_target", "overflow_row", "reserved_names", "missing_cells", "text_column"],
            spec.Benchmarks.Select(b => b.Name));
        Assert.True(spec.Benchmarks.Single(b => b.Name == "missing_cells").DropMissing);
        Assert.Equal(["label"], spec.Benchmarks.Single(b => b.Name == "text_column").DropColumns!);
        Assert.Equal([200, 300, 100, 200, 118, 50], data.Select(d => d.Rows));
    }

    [Fact]
    public void The_invalid_cases_example_reports_every_bad_file_in_one_error()
    {
        var spec = SpecLoader.Load(Path.Combine(RepositoryFolders.Examples, "cases_invalid.yaml"));

        var error = Assert.Throws<DataException>(() =>
            DatasetLoader.LoadAll(spec.Benchmarks, RepositoryFolders.Datasets, RepositoryFolders.Examples, spec.Split));

        var files = error.Problems.Select(p => Path.GetFileName(p.File)).Distinct().Order();
        Assert.Equal(
            ["constant_target.csv", "duplicate_columns.csv", "missing_cells.csv", "one_row.csv", "text_column.csv"],
            files);
    }

    [Fact]
    public void Every_key_of_a_full_spec_is_read_into_its_value()
    {
        var yaml = """
            name: full-1.0
            benchmarks:
              - 1027_ESL
              - name: cases
                path: data/x.tsv.gz
                target: out
                drop_missing: true
                drop_columns: [label, id]
            lambdas: [0, 1e-3, 0.5]
            seeds: [3, 0]
            split: {train: 0.5, validation: 0.25, test: 0.25}
            teacher:
              hidden: [32, 16, 8]
              activation: gelu
              epochs: 20
              learning_rate: 0.01
              batch_size: 0
              optimizer: AdamW
              weight_decay: 1e-4
              patience: 0
              penalty: lipschitz
            student:
              islands: 2
              population: 50
              generations: 10
              migration_interval: 5
              migrants: 3
              max_size: 25
              operators: ["+", "-", "*", "/", sin, pow]
            """;

        var spec = SpecLoader.Parse(yaml, File);

        Assert.Equal("full-1.0", spec.Name);
        Assert.Equal(File, spec.SourceFile);
        Assert.Equal(new BenchmarkSource("1027_ESL"), spec.Benchmarks[0]);
        var file = spec.Benchmarks[1];
        Assert.Equal(("cases", "data/x.tsv.gz", "out", true), (file.Name, file.Path, file.Target, file.DropMissing));
        Assert.Equal(["label", "id"], file.DropColumns!);
        Assert.Equal([0, 0.001, 0.5], spec.Lambdas);
        Assert.Equal([3, 0], spec.Seeds);
        Assert.Equal(new SplitFractions(0.5, 0.25, 0.25), spec.Split);
        Assert.Equal([32, 16, 8], spec.Teacher.Hidden!);
        Assert.Equal(
            new TeacherSpec(spec.Teacher.Hidden, "gelu", 20, 0.01, 0, "AdamW", 1e-4, 0, "lipschitz"),
            spec.Teacher);
        Assert.Equal(new StudentSpec(2, 50, 10, 5, 3, 25, spec.Student.Operators), spec.Student);
        Assert.Equal(["+", "-", "*", "/", "sin", "pow"], spec.Student.Operators!);
    }

    [Fact]
    public void The_example_in_the_spec_notes_is_a_valid_spec()
    {
        var path = Path.Combine(RepositoryFolders.Root, "src", "Experiment", "Specs", "README.md");
        var notes = System.IO.File.ReadAllText(path);
        var start = notes.IndexOf("```yaml\n", StringComparison.Ordinal) + "```yaml\n".Length;
        var yaml = notes[start..notes.IndexOf("```", start, StringComparison.Ordinal)];

        var spec = SpecLoader.Parse(yaml, "README.md");

        Assert.Equal(["airfoil_self_noise", "missing_cells"], spec.Benchmarks.Select(b => b.Name));
        Assert.Equal(new StudentSpec(2, 100, 50, 5, 3, 25, spec.Student.Operators), spec.Student);
        Assert.Equal("silu", spec.Teacher.Activation);
    }

    [Fact]
    public void With_the_catalog_unknown_names_and_absent_files_join_the_other_problems_with_their_positions()
    {
        var catalog = DatasetCatalog.Load(RepositoryFolders.Datasets);
        var file = Path.Combine(RepositoryFolders.Examples, "virtual.yaml");
        var yaml = "name: t\nbenchmarks:\n  - airfoil\n  - {name: concrete_strenght}\n  - path: nowhere.csv\n"
            + "  - path: ../../shared/cases/exp_overflow.csv\n  - 1027_ESL\nlambdas: [0]\nseeds: [-1]\n";

        var error = Assert.Throws<SpecException>(() => SpecLoader.Parse(yaml, file, catalog));

        Assert.Equal([(3, 5), (4, 12), (5, 11), (9, 9)], error.Problems.Select(p => (p.Line, p.Column)));
        Assert.Contains("benchmarks[1]: 'airfoil' is not in ", error.Problems[0].Message);
        Assert.Contains("(closest: airfoil_self_noise)", error.Problems[0].Message);
        Assert.Contains("(closest: concrete_strength)", error.Problems[1].Message);
        Assert.Equal(
            $"benchmarks[3].path: no file at {Path.Combine(RepositoryFolders.Examples, "nowhere.csv")}",
            error.Problems[2].Message);
    }

    [Fact]
    public void A_benchmark_name_like_no_catalog_name_gets_no_suggestion_but_the_place_of_the_full_list()
    {
        var catalog = DatasetCatalog.Load(RepositoryFolders.Datasets);
        var file = Path.Combine(RepositoryFolders.Examples, "virtual.yaml");
        var yaml = "name: t\nbenchmarks: [wine_quality_red]\nlambdas: [0]\nseeds: [1]\n";

        var error = Assert.Throws<SpecException>(() => SpecLoader.Parse(yaml, file, catalog));

        var problem = Assert.Single(error.Problems);
        Assert.Equal((2, 14), (problem.Line, problem.Column));
        Assert.Equal($"benchmarks[1]: 'wine_quality_red' is not in {catalog.Path} (none is close; the catalog's "
            + "`name` column lists all 41); use a catalog name or give a path", problem.Message);
    }

    [Fact]
    public void An_invalid_spec_still_gives_the_benchmarks_it_can_locate_with_its_seeds_and_split()
    {
        var catalog = DatasetCatalog.Load(RepositoryFolders.Datasets);
        var file = Path.Combine(RepositoryFolders.Examples, "virtual.yaml");
        var yaml = "name: t\nbenchmarks:\n  - airfoil\n  - path: nowhere.csv\n"
            + "  - path: ../../shared/cases/exp_overflow.csv\n  - {name: e, path: x.csv, colour: red}\n"
            + "  - 1027_ESL\n  - 1027_esl\nlambdas: [-1]\nseeds: [3]\nsplit: {train: 0.5, validation: 0.2, test: 2}\n";

        var error = Assert.Throws<SpecException>(() => SpecLoader.Parse(yaml, file, catalog));

        Assert.Equal(
            [
                new BenchmarkSource("exp_overflow", "../../shared/cases/exp_overflow.csv"),
                new BenchmarkSource("1027_ESL")
            ],
            error.Readable.Benchmarks);
        Assert.Equal([3], error.Readable.Seeds);
        Assert.Null(error.Readable.Split);
        Assert.Equal([3, 4, 6, 6, 8, 9, 11], error.Problems.Select(p => p.Line));
    }

    [Fact]
    public void Every_example_spec_names_only_benchmarks_the_catalog_and_the_file_system_have()
    {
        var catalog = DatasetCatalog.Load(RepositoryFolders.Datasets);

        foreach (var example in Directory.GetFiles(RepositoryFolders.Examples, "*.yaml"))
        {
            Assert.NotEmpty(SpecLoader.Load(example, catalog).Benchmarks);
        }
    }

    [Fact]
    public void A_benchmark_given_only_a_path_is_named_after_its_file()
    {
        var spec = SpecLoader.Parse(
            "name: t\nbenchmarks:\n  - path: ../data/my_set.tsv.gz\nlambdas: [0]\nseeds: [1]\n", File);

        Assert.Equal(new BenchmarkSource("my_set", "../data/my_set.tsv.gz"), spec.Benchmarks.Single());
    }

    [Fact]
    public void Empty_teacher_student_and_split_sections_keep_every_default()
    {
        var spec = SpecLoader.Parse(Minimal("teacher:\nstudent:\nsplit:\n"), File);

        Assert.Equal(new TeacherSpec(), spec.Teacher);
        Assert.Equal(new StudentSpec(), spec.Student);
        Assert.Equal(new SplitFractions(), spec.Split);
    }

    [Theory]
    [InlineData("lambda: [1]\n", 5, 1, "unknown key 'lambda' in the spec (did you mean 'lambdas'?)")]
    [InlineData("teacher:\n  epoch: 3\n", 6, 3, "unknown key 'epoch' in teacher (did you mean 'epochs'?)")]
    [InlineData("student:\n  island: 3\n", 6, 3, "unknown key 'island' in student (did you mean 'islands'?)")]
    [InlineData("split:\n  training: 0.6\n  validation: 0.2\n  test: 0.2\n", 6, 3, "unknown key 'training' in split")]
    [InlineData("colour: blue\n", 5, 1, "unknown key 'colour' in the spec; known keys: name, benchmarks")]
    public void An_unknown_key_is_named_with_its_line_and_column(string more, int line, int column, string message)
    {
        var error = Assert.Throws<SpecException>(() => SpecLoader.Parse(Minimal(more), File));

        var problem = error.Problems[0];
        Assert.Equal((File, line, column), (problem.File, problem.Line, problem.Column));
        Assert.Contains(message, problem.Message);
    }

    [Fact]
    public void An_unknown_key_inside_a_benchmark_is_named_with_its_line_and_column()
    {
        var problem = SingleProblem(
            "name: t\nbenchmarks:\n  - name: a\n    drop_missng: true\nlambdas: [0]\nseeds: [1]\n");

        Assert.Equal((4, 5), (problem.Line, problem.Column));
        Assert.Contains("unknown key 'drop_missng' in benchmarks[1] (did you mean 'drop_missing'?)", problem.Message);
    }

    [Theory]
    [InlineData("lambdas: [0, -0.1]", 3, 14, "lambdas[2] must be a finite number of at least 0, not -0.1")]
    [InlineData("lambdas: [0, .inf]", 3, 14, "lambdas[2] must be a finite number of at least 0, not '.inf'")]
    [InlineData("lambdas: [0, .nan]", 3, 14, "lambdas[2] must be a finite number of at least 0, not '.nan'")]
    [InlineData("lambdas: [0, big]", 3, 14, "lambdas[2] must be a finite number of at least 0, not 'big'")]
    [InlineData("lambdas: [0, '1']", 3, 14, "lambdas[2] must be a finite number of at least 0, not '1'")]
    [InlineData("lambdas: []", 3, 10, "lambdas must list at least one value")]
    [InlineData("lambdas: 0.1", 3, 10, "lambdas must be a list, such as [a, b], not '0.1'")]
    [InlineData("lambdas: [0, 0.01, 1e-2]", 3, 20, "lambdas lists 0.01 twice (first at line 3)")]
    [InlineData("seeds: [-1]", 4, 9, "seeds[1] must be a whole number from 0 to 2147483647, not -1")]
    [InlineData("seeds: [1.5]", 4, 9, "seeds[1] must be a whole number from 0 to 2147483647, not '1.5'")]
    [InlineData("seeds: [1, 99999999999]", 4, 12,
        "seeds[2] must be a whole number from 0 to 2147483647, not '99999999999'")]
    [InlineData("seeds: []", 4, 8, "seeds must list at least one value")]
    [InlineData("seeds: [1, 2, 1]", 4, 15, "seeds lists 1 twice (first at line 4)")]
    [InlineData("seeds:", 4, 7, "seeds must be a list, such as [a, b], not an empty value")]
    [InlineData("name: runs/x", 1, 7, "name 'runs/x' may hold only letters, digits, '.', '_' and '-'")]
    [InlineData("name: ''", 1, 7, "name must be a non-empty text value")]
    [InlineData("name: [a]", 1, 7, "name must be a non-empty text value")]
    [InlineData("benchmarks: []", 2, 13, "benchmarks must list at least one value")]
    [InlineData("benchmarks: airfoil_self_noise", 2, 13, "benchmarks must be a list, such as [a, b]")]
    [InlineData("benchmarks: [a, b, A]", 2, 20, "benchmarks lists A twice (first at line 2)")]
    [InlineData("benchmarks: [{target: y}]", 2, 14, "benchmarks[1] needs a name (a catalog entry) or a path")]
    [InlineData("benchmarks: [{name: a, drop_missing: yes}]", 2, 38, "[1].drop_missing must be true or false")]
    [InlineData("benchmarks: [{name: a, drop_columns: label}]", 2, 38, "benchmarks[1].drop_columns must be a list")]
    [InlineData("benchmarks: [{name: a, drop_columns: [x, x]}]", 2, 42, "drop_columns lists x twice")]
    [InlineData("benchmarks: [{name: a, target: ''}]", 2, 32, "benchmarks[1].target must be a non-empty text value")]
    [InlineData("benchmarks: [{path: 'my data.csv'}]", 2, 21, "the file name 'my data' cannot name the benchmark")]
    public void A_bad_value_in_the_first_lines_is_reported_where_it_stands(
        string replacement, int line, int column, string message)
    {
        var key = replacement[..replacement.IndexOf(':')];
        var lines = Minimal().TrimEnd().Split('\n').Select(l => l.StartsWith(key + ":") ? replacement : l);

        var problem = SingleProblem(string.Join('\n', lines) + "\n");

        Assert.Equal((line, column), (problem.Line, problem.Column));
        Assert.Contains(message, problem.Message);
    }

    [Theory]
    [InlineData("split: {train: 0.6, validation: 0.2, test: 0.3}", 5, 8, "train + validation + test must sum to 1")]
    [InlineData("split: {train: 0.6, validation: 0.2, test: 0.1}", 5, 8,
        "split: train + validation + test must sum to 1, not 0.9")]
    [InlineData("split: {train: 0.6, validation: 0.2, test: 0.2000001}", 5, 8,
        "split: train + validation + test must sum to 1, not 1.0000001")]
    [InlineData("split: {train: 1.0, validation: 0.2, test: 0.2}", 5, 16,
        "split.train must be a number strictly between 0 and 1, not 1.0")]
    [InlineData("split: {train: 0.8, validation: 0, test: 0.2}", 5, 33,
        "split.validation must be a number strictly between 0 and 1, not 0")]
    [InlineData("split: {train: 0.8, validation: 0.2}", 5, 8, "split lacks 'test'")]
    [InlineData("split: 0.6", 5, 8, "split must be a mapping of train, validation, test")]
    [InlineData("teacher: {hidden: [64, 0]}", 5, 24,
        "teacher.hidden[2] must be a whole number from 1 to 2147483647, not 0")]
    [InlineData("teacher: {hidden: []}", 5, 19, "teacher.hidden must list at least one value")]
    [InlineData("teacher: {activation: swish}", 5, 23, "teacher.activation must be one of tanh, silu, relu, gelu")]
    [InlineData("teacher: {activation: 2}", 5, 23, "teacher.activation must be one of")]
    [InlineData("teacher: {epochs: 0}", 5, 19, "teacher.epochs must be a whole number from 1 to 2147483647, not 0")]
    [InlineData("teacher: {epochs: 10.5}", 5, 19, "teacher.epochs must be a whole number from 1 to 2147483647")]
    [InlineData("teacher: {learning_rate: 0}", 5, 26, "teacher.learning_rate must be a finite number above 0, not 0")]
    [InlineData("teacher: {learning_rate: fast}", 5, 26, "teacher.learning_rate must be a finite number above 0")]
    [InlineData("teacher: {batch_size: -1}", 5, 23, "teacher.batch_size must be 0 (full batch) or a positive number")]
    [InlineData("teacher: {optimizer: sgd}", 5, 22, "teacher.optimizer must be one of adam, adamw, not 'sgd'")]
    [InlineData("teacher: {weight_decay: -0.1}", 5, 25, "teacher.weight_decay must be a finite number of at least 0")]
    [InlineData("teacher: {patience: -2}", 5, 21, "teacher.patience must be 0 (no early stopping) or a positive")]
    [InlineData("teacher: {penalty: l2}", 5, 20, "teacher.penalty must be one of none, jacobian, lipschitz")]
    [InlineData("teacher: [64]", 5, 10, "teacher must be a mapping of hidden, activation")]
    [InlineData("student: {islands: 0}", 5, 20, "student.islands must be a whole number from 1 to 2147483647, not 0")]
    [InlineData("student: {population: 1}", 5, 23,
        "student.population must be a whole number from 2 to 2147483647, not 1")]
    [InlineData("student: {generations: 0}", 5, 24, "student.generations must be a whole number from 1 to 2147483647")]
    [InlineData("student: {migration_interval: 0}", 5, 31, "student.migration_interval must be a whole number")]
    [InlineData("student: {migrants: -1}", 5, 21, "student.migrants must be a whole number from 0 to 2147483647")]
    [InlineData("student: {population: 10, migrants: 11}", 5, 37, "student.migrants (11) must not exceed")]
    [InlineData("student: {max_size: 0}", 5, 21, "student.max_size must be a whole number from 1 to 2147483647")]
    [InlineData("student: {operators: [sin, sinh]}", 5, 28, "'sinh' is not an operator; operators are + - * /")]
    [InlineData("student: {operators: [sin, sin]}", 5, 28, "student.operators lists sin twice")]
    [InlineData("student: {operators: []}", 5, 22, "student.operators must list at least one value")]
    public void A_bad_optional_value_is_reported_where_it_stands(string more, int line, int column, string message)
    {
        var problem = SingleProblem(Minimal(more + "\n"));

        Assert.Equal((line, column), (problem.Line, problem.Column));
        Assert.Contains(message, problem.Message);
    }

    [Theory]
    [InlineData("name")]
    [InlineData("benchmarks")]
    [InlineData("lambdas")]
    [InlineData("seeds")]
    public void A_missing_required_key_is_named(string key)
    {
        var yaml = string.Join('\n', Minimal().Split('\n').Where(l => !l.StartsWith(key + ":")));

        var problem = SingleProblem(yaml);

        Assert.Equal($"the spec lacks the required key '{key}'", problem.Message);
        Assert.Equal((1, 1), (problem.Line, problem.Column));
    }

    [Fact]
    public void Every_problem_of_a_spec_is_reported_at_once_in_file_order()
    {
        var yaml = "name: a b\nbenchmarks: [x]\nlambdas: [-1]\nseeds: [0]\nteacher: {epochs: 0, optimiser: adam}\n";

        var error = Assert.Throws<SpecException>(() => SpecLoader.Parse(yaml, File));

        Assert.Equal(
            [(1, 7), (3, 11), (5, 19), (5, 22)],
            error.Problems.Select(p => (p.Line, p.Column)));
        Assert.Contains("spec.yaml:5:22: unknown key 'optimiser' in teacher (did you mean 'optimizer'?)",
            error.Message);
        Assert.StartsWith("4 problems in the spec:", error.Message);
    }

    [Theory]
    [InlineData("name: t\nname: u\nbenchmarks: [a]\nlambdas: [0]\nseeds: [1]\n", 2, 1, "Duplicate key")]
    [InlineData("name: t\nbenchmarks: [a\nlambdas: [0]\n", 2, 13, "this '[' is never closed (a ']' is missing)")]
    [InlineData("name: t\nteacher: {epochs: 3\n", 2, 10, "this '{' is never closed")]
    [InlineData("name: t\nbenchmarks:\n\t- a\n", 3, 1, "found invalid tab as indentation")]
    [InlineData("name: t\nteacher:\n  epochs: 3\n\thidden: [4]\n", 4, 1, "tab")]
    [InlineData("name: t\nseeds: [1]\nlambdas:\n  - 0\n \t- 1\n", 5, 2, "tab")]
    [InlineData("name: t\n  bad: : x\n", 2, 6, "not valid YAML")]
    [InlineData("name: 't\n", 1, 7, "not valid YAML")]
    [InlineData("", 1, 1, "the spec is empty")]
    [InlineData("# only a comment\n", 1, 1, "the spec is empty")]
    [InlineData("- a\n- b\n", 1, 1, "the spec must be a mapping of name, benchmarks")]
    [InlineData("name: t\n---\nname: u\n", 3, 1, "a spec is a single YAML document")]
    public void A_malformed_file_gets_one_located_problem(string yaml, int line, int column, string message)
    {
        var problem = SingleProblem(yaml);

        Assert.Equal((line, column), (problem.Line, problem.Column));
        Assert.Contains(message, problem.Message);
    }

    [Fact]
    public void Names_of_activations_and_optimizers_are_compared_ignoring_case_and_underscores()
    {
        var yaml = Minimal("teacher: {activation: SiLU, optimizer: Adam_W, penalty: JACOBIAN}\n");

        var teacher = SpecLoader.Parse(yaml, File).Teacher;

        Assert.Equal(("SiLU", "Adam_W", "JACOBIAN"), (teacher.Activation, teacher.Optimizer, teacher.Penalty));
    }

    [Fact]
    public void A_spec_file_that_does_not_exist_is_a_spec_problem_naming_the_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.yaml");

        var error = Assert.Throws<SpecException>(() => SpecLoader.Load(path));

        var problem = Assert.Single(error.Problems);
        Assert.Equal(path, problem.File);
        Assert.StartsWith($"{path}: cannot read the spec", problem.ToString());
    }

    [Fact]
    public void A_problem_formats_as_file_line_column_and_message()
    {
        Assert.Equal("s.yaml:3:7: bad", new SpecProblem("s.yaml", 3, 7, "bad").ToString());
        Assert.Equal("s.yaml: bad", new SpecProblem("s.yaml", 0, 0, "bad").ToString());
    }
}
