namespace StudyBot.Fuzz;

/// <summary>
/// Inputs of the shapes that spend a reader's work rather than break its syntax, at random sizes
/// around the limits: note types of many fields or card types, notes of many fields, rows of many
/// columns or characters, many rows, long YAML lists and aliases, fields of many tags. Mutating
/// corpus files seldom grows one of these far enough; a reader must refuse each within the bounds.
/// </summary>
public static class BudgetShapes
{
    /// <summary>A shaped input for the target, or null when it has none.</summary>
    public static byte[]? For(string target, Random random)
    {
        var size = Size(random);
        return target switch
        {
            "apkg" => random.Next(5) switch
            {
                0 => HostileFiles.NoteTypeFields("f.apkg", size).Content,
                1 => HostileFiles.NoteFields("f.apkg", size).Content,
                2 => HostileFiles.CardTypes("f.apkg", Math.Min(size, 5_000)).Content,
                3 => HostileFiles.TaggedFields("f.apkg", Math.Min(size, 20_000)).Content,
                _ => HostileFiles.ManyNotes("f.apkg", Math.Min(size, 20_000)).Content,
            },
            "csv" => random.Next(5) switch
            {
                0 => HostileFiles.Columns("f.csv", size, ",;\t|"[random.Next(4)]).Content,
                1 => HostileFiles.Rows("f.csv", size).Content,
                2 => HostileFiles.UnclosedQuote("f.csv", size).Content,
                3 => HostileFiles.HeaderColumns("f.csv", size).Content,
                _ => HostileFiles.HeaderTags("f.csv", size).Content,
            },
            "quizlet" => HostileFiles.QuizletRows("f.txt", size).Content,
            "yaml" => random.Next(3) switch
            {
                0 => HostileFiles.YamlList("f.yaml", size).Content,
                1 => HostileFiles.YamlAliases("f.yaml", size).Content,
                _ => HostileFiles.JsonList("f.json", size).Content,
            },
            _ => null,
        };
    }

    /// <summary>A count spread over orders of magnitude, from a handful to a million: most near the limits, some far past them.</summary>
    private static int Size(Random random) => (int)Math.Pow(10, 1 + (random.NextDouble() * 5));
}
