using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using StudyBot.Data.Infrastructure;
using StudyBot.Data.Review;

namespace StudyBot.Data.Tests;

/// <summary>
/// The answer path writes with hand-written SQL, not through EF: every statement must name the
/// tables and columns the EF model maps, on both providers, and insert every column the model
/// requires (a column added to an entity must be added to the SQL too). Needs no server: the
/// models are built from each provider's conventions.
/// </summary>
public partial class HandWrittenSqlTests
{
    public static TheoryData<DatabaseProvider> Providers => new() { DatabaseProvider.Sqlite, DatabaseProvider.Postgres };

    [Theory]
    [MemberData(nameof(Providers))]
    public void AnswerWriter_EveryStatement_NamesTheModelsColumnsAndInsertsEveryRequiredOne(DatabaseProvider provider)
    {
        var tables = Tables(provider);
        var statements = Statements(typeof(AnswerWriter));
        var checkedTables = new HashSet<string>();

        foreach (var sql in statements)
        {
            if (InsertPattern().Match(sql) is { Success: true } insert)
            {
                var table = Table(tables, insert.Groups["table"].Value, sql);
                var columns = Names(insert.Groups["columns"].Value);
                var values = insert.Groups["values"].Value.Split(',', StringSplitOptions.TrimEntries);
                Assert.True(columns.Count == values.Length, $"{columns.Count} columns but {values.Length} values in: {sql}");
                Assert.True(columns.Count == columns.Distinct().Count(), $"a column is named twice in: {sql}");
                AssertColumnsExist(table, columns, sql);
                var required = table.Columns.Where(c => !c.IsNullable && c.DefaultValueSql is null && !IsGeneratedKey(c)).Select(c => c.Name);
                Assert.True(!required.Except(columns).Any(), $"{string.Join(", ", required.Except(columns))} required by the model but not inserted by: {sql}");
                AssertReturningExists(table, sql);
                checkedTables.Add(table.Name);
            }
            else if (UpdatePattern().Match(sql) is { Success: true } update)
            {
                var table = Table(tables, update.Groups["table"].Value, sql);
                var set = Names(update.Groups["set"].Value);
                AssertColumnsExist(table, set, sql);
                AssertColumnsExist(table, Names(update.Groups["where"].Value), sql);
                // An update of a row rewrites all it holds but its identity (key and owner).
                var identity = table.Columns.Where(c => IsGeneratedKey(c) || c.Name is "UserId" or "CardId").Select(c => c.Name);
                var rest = table.Columns.Select(c => c.Name).Except(identity);
                Assert.True(!rest.Except(set).Any(), $"{string.Join(", ", rest.Except(set))} in the model but not set by: {sql}");
                checkedTables.Add(table.Name);
            }
            else
            {
                Assert.Fail($"a statement this test cannot read (add a case for it): {sql}");
            }
        }

        // The answer path writes these three tables; a test that found no statement would prove nothing.
        Assert.Equal(["CardStates", "QuizAnswers", "ReviewLog"], checkedTables.Order());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void AnswerReader_EveryStatement_NamesOnlyTheModelsTablesAndColumns(DatabaseProvider provider)
    {
        var tables = Tables(provider);
        var checkedColumns = 0;

        foreach (var sql in AnswerReader.Statements)
        {
            // Every table is given an alias ("Cards" AS c), and every column is named through one (c."Id").
            var aliases = AliasPattern().Matches(sql).ToDictionary(m => m.Groups["alias"].Value, m => Table(tables, m.Groups["table"].Value, sql));
            Assert.True(aliases.Count >= 6, $"expected the read to join at least six tables, found {aliases.Count} in: {sql}");
            foreach (Match column in AliasedColumnPattern().Matches(sql))
            {
                var alias = column.Groups["alias"].Value;
                Assert.True(aliases.TryGetValue(alias, out var table), $"{alias} is not a table alias, in: {sql}");
                AssertColumnsExist(table!, [column.Groups["column"].Value], sql);
                checkedColumns++;
            }
        }

        // Two statements of some forty columns each: a pattern that matched nothing would prove nothing.
        Assert.True(checkedColumns > 80, $"only {checkedColumns} columns checked");
    }

    private static void AssertColumnsExist(ITable table, IEnumerable<string> columns, string sql)
    {
        var known = table.Columns.Select(c => c.Name).ToHashSet();
        var unknown = columns.Where(c => !known.Contains(c)).ToList();
        Assert.True(unknown.Count == 0, $"{string.Join(", ", unknown)} not columns of {table.Name} in the model, in: {sql}");
    }

    private static void AssertReturningExists(ITable table, string sql)
    {
        if (ReturningPattern().Match(sql) is { Success: true } returning)
        {
            AssertColumnsExist(table, Names(returning.Groups["columns"].Value), sql);
        }
    }

    private static bool IsGeneratedKey(IColumn column) =>
        column.Table.PrimaryKey?.Columns.Contains(column) == true && column.PropertyMappings.Any(m => m.Property.ValueGenerated == ValueGenerated.OnAdd);

    private static ITable Table(IReadOnlyDictionary<string, ITable> tables, string name, string sql) =>
        tables.TryGetValue(name, out var table) ? table : throw new Xunit.Sdk.XunitException($"no table {name} in the model, in: {sql}");

    private static List<string> Names(string list) => [.. QuotedName().Matches(list).Select(m => m.Groups[1].Value)];

    private static Dictionary<string, ITable> Tables(DatabaseProvider provider)
    {
        var target = provider == DatabaseProvider.Sqlite ? DatabaseTarget.Sqlite("unused.db") : DatabaseTarget.Postgres("Host=localhost;Database=unused");
        using var context = new StudyDbContext(StudyDbOptions.For(target));
        return context.GetService<IDesignTimeModel>().Model.GetRelationalModel().Tables.ToDictionary(t => t.Name);
    }

    /// <summary>Every SQL statement held in a string field or constant of the type (however it is built).</summary>
    private static List<string> Statements(Type type) =>
    [
        .. type.GetFields(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public)
            .Where(f => f.FieldType == typeof(string))
            .Select(f => ((string?)f.GetValue(null) ?? "").Trim())
            .Where(sql => sql.StartsWith("INSERT", StringComparison.OrdinalIgnoreCase) || sql.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase)),
    ];

    [GeneratedRegex("""^INSERT\s+INTO\s+"(?<table>\w+)"\s*\((?<columns>[^)]*)\)\s*VALUES\s*\((?<values>[^)]*)\)""", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex InsertPattern();

    [GeneratedRegex("""^UPDATE\s+"(?<table>\w+)"\s+SET\s+(?<set>.*?)\s+WHERE\s+(?<where>.*?)(;|$)""", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex UpdatePattern();

    [GeneratedRegex("""RETURNING\s+(?<columns>[^;]*)""", RegexOptions.IgnoreCase)]
    private static partial Regex ReturningPattern();

    [GeneratedRegex(@"""(?<table>\w+)""\s+AS\s+(?<alias>\w+)\b")]
    private static partial Regex AliasPattern();

    [GeneratedRegex(@"\b(?<alias>\w+)\.""(?<column>\w+)""")]
    private static partial Regex AliasedColumnPattern();

    [GeneratedRegex("\"(\\w+)\"")]
    private static partial Regex QuotedName();
}
