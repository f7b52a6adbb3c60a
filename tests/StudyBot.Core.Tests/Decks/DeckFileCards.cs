using YamlDotNet.RepresentationModel;

namespace StudyBot.Core.Tests.Decks;

/// <summary>One card entry of a deck file, as written (a cloze note is one entry).</summary>
internal sealed record DeckFileCard(string File, int Line, string DeckId, string Id, string Kind, string? Explanation)
{
    public override string ToString() => $"{File}:{Line} card '{Id}'";
}

/// <summary>Reads the card entries of deck files straight from the YAML node tree.</summary>
internal static class DeckFileCards
{
    public static IReadOnlyList<DeckFileCard> Read(string path)
    {
        var stream = new YamlStream();
        using (var reader = File.OpenText(path))
        {
            stream.Load(reader);
        }

        var file = Path.GetFileName(path);
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var deckId = Scalar(root, "id") ?? throw new InvalidDataException($"{file}: no deck id");
        var cards = (YamlSequenceNode)root.Children[new YamlScalarNode("cards")];
        return cards.Children.Cast<YamlMappingNode>()
            .Select(card => new DeckFileCard(
                file,
                (int)card.Start.Line,
                deckId,
                Scalar(card, "id") ?? throw new InvalidDataException($"{file}:{card.Start.Line}: card without id"),
                Scalar(card, "kind") ?? throw new InvalidDataException($"{file}:{card.Start.Line}: card without kind"),
                Scalar(card, "explanation")))
            .ToList();
    }

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value : null;
}
