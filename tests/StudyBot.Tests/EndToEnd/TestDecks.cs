using System.Text;
using Microsoft.Extensions.DependencyInjection;
using StudyBot.Core.Decks;
using StudyBot.Data.Stores;

namespace StudyBot.Tests.EndToEnd;

/// <summary>Small decks whose cards the tests know, stored through the real loader and deck store.</summary>
public static class TestDecks
{
    public const string McqThenTyped = """
        id: e2e-review
        title: End-to-end review
        cards:
          - id: capital
            kind: mcq
            prompt: Which city is the capital of North Korea?
            choices:
              - { text: "Pyongyang", correct: true }
              - { text: "Seoul" }
              - { text: "Dalian" }
            explanation: "Pyongyang is the capital."
          - id: river
            kind: typed
            prompt: Which river forms much of the China-North Korea border?
            answers: [Yalu, the Yalu River]
            explanation: "The Yalu."
        """;

    public static async Task UploadAsync(PlaygroundBot bot, string yaml)
    {
        var loaded = new DeckLoader().LoadText(yaml, "deck.yaml");
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Diagnostics));
        await bot.App.Services.GetRequiredService<DeckStore>().UploadAsync(loaded.Deck!, ulong.Parse(bot.World.Guild.Id, System.Globalization.CultureInfo.InvariantCulture));
    }

    public static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);
}
