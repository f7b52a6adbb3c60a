using System.Text.Json.Nodes;
using StudyBot.Emulator.Validation;
using Client = StudyBot.Discord.Interactions.DiscordLimits;
using DeckRules = StudyBot.Core.Decks.Validation.DiscordLimits;

namespace StudyBot.Tests.Interactions;

/// <summary>
/// Discord's limits are written in three places that cannot share constants (the deck rules in Core,
/// the client, the emulator's validation as an independent model of Discord): these tests fail when
/// they disagree.
/// </summary>
public sealed class DiscordLimitsAgreementTests
{
    public static TheoryData<string, int, int> DeckRulesAndClient => new()
    {
        { "button label", DeckRules.ButtonLabel, Client.ButtonLabelLength },
        { "embed title", DeckRules.EmbedTitle, Client.EmbedTitleLength },
        { "embed description", DeckRules.EmbedDescription, Client.EmbedDescriptionLength },
        { "embed total", DeckRules.EmbedTotal, Client.EmbedTotalLength },
        { "text display", DeckRules.TextDisplay, Client.TextDisplayLength },
        { "modal title", DeckRules.ModalTitle, Client.ModalTitleLength },
        { "text input value", DeckRules.TextInputValue, Client.TextInputValueLength },
        { "select option label", DeckRules.SelectOptionLabel, Client.SelectOptionTextLength },
        { "custom_id", DeckRules.CustomId, Client.CustomIdLength },
    };

    [Theory]
    [MemberData(nameof(DeckRulesAndClient))]
    public void DeckRules_AgreeWithTheClient(string limit, int deckRule, int client) =>
        Assert.True(deckRule == client, $"{limit}: the deck rules say {deckRule}, the client {client}");

    public static TheoryData<string, int, string> MessageLimits => new()
    {
        { "content", Client.ContentLength, "content" },
        { "embed title", Client.EmbedTitleLength, "embeds.0.title" },
        { "embed description", Client.EmbedDescriptionLength, "embeds.0.description" },
        { "embed field value", Client.EmbedFieldValueLength, "embeds.0.fields.0.value" },
        { "embed footer", Client.EmbedFooterLength, "embeds.0.footer.text" },
        { "button label", Client.ButtonLabelLength, "components.0.components.0.label" },
        { "custom_id", Client.CustomIdLength, "components.0.components.0.custom_id" },
    };

    /// <summary>The emulator takes a message at the client's limit and refuses one character more, at that field.</summary>
    [Theory]
    [MemberData(nameof(MessageLimits))]
    public void Emulator_TakesTheClientsLimitAndRefusesOneMore(string limit, int length, string path)
    {
        var taken = PayloadValidation.Message(Message(path, length));
        Assert.True(taken.Count == 0, $"{limit}: the emulator refused {length} characters, the client's limit ({string.Join("; ", taken)})");
        var refused = PayloadValidation.Message(Message(path, length + 1));
        Assert.True(refused.Any(e => e.StartsWith(path + ":", StringComparison.Ordinal)), $"{limit}: the emulator took {length + 1} characters at {path} ({string.Join("; ", refused)})");
    }

    [Fact]
    public void Emulator_RefusesEmbedsPastTheClientsTotal()
    {
        Assert.Empty(PayloadValidation.Message(EmbedOf(Client.EmbedTotalLength)));
        Assert.Contains(PayloadValidation.Message(EmbedOf(Client.EmbedTotalLength + 1)), e => e.StartsWith("embeds:", StringComparison.Ordinal));
    }

    /// <summary>One embed of <paramref name="total"/> characters, each part within its own limit: a full description, then fields.</summary>
    private static JsonObject EmbedOf(int total)
    {
        var fields = new JsonArray();
        for (var left = total - Client.EmbedDescriptionLength; left > 0; left -= 1 + Client.EmbedFieldValueLength)
        {
            fields.Add(new JsonObject { ["name"] = "n", ["value"] = new string('v', Math.Max(1, Math.Min(Client.EmbedFieldValueLength, left - 1))) });
        }
        var embed = new JsonObject { ["description"] = new string('d', Client.EmbedDescriptionLength), ["fields"] = fields };
        return JsonNode.Parse(new JsonObject { ["embeds"] = new JsonArray(embed) }.ToJsonString())!.AsObject();
    }

    /// <summary>A valid message with <paramref name="length"/> characters at <paramref name="path"/>.</summary>
    private static JsonObject Message(string path, int length)
    {
        var text = new string('x', length);
        var embed = new JsonObject { ["title"] = "t", ["description"] = "d" };
        var button = new JsonObject { ["type"] = 2, ["style"] = 1, ["label"] = "Go", ["custom_id"] = "go" };
        var body = new JsonObject
        {
            ["content"] = "c",
            ["embeds"] = new JsonArray(embed),
            ["components"] = new JsonArray(new JsonObject { ["type"] = 1, ["components"] = new JsonArray(button) }),
        };
        switch (path)
        {
            case "content": body["content"] = text; break;
            case "embeds.0.title": embed["title"] = text; break;
            case "embeds.0.description": embed["description"] = text; break;
            case "embeds.0.fields.0.value": embed["fields"] = new JsonArray(new JsonObject { ["name"] = "n", ["value"] = text }); break;
            case "embeds.0.footer.text": embed["footer"] = new JsonObject { ["text"] = text }; break;
            case "components.0.components.0.label": button["label"] = text; break;
            case "components.0.components.0.custom_id": button["custom_id"] = text; break;
            default: throw new ArgumentOutOfRangeException(nameof(path), path, null);
        }
        // As the emulator meets a body: parsed from the request's JSON text.
        return JsonNode.Parse(body.ToJsonString())!.AsObject();
    }
}
