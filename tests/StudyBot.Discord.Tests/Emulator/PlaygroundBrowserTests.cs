using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using StudyBot.Emulator;
using static StudyBot.Discord.Tests.Emulator.EmulatorTestKit;

namespace StudyBot.Discord.Tests.Emulator;

/// <summary>Runs where Debian's chromium is installed (scripts/test.sh installs it in CI).</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string Chromium = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(Chromium))
        {
            Skip = $"the browser test needs {Chromium} (apt-get install chromium)";
        }
    }
}

/// <summary>The Playground page in a real browser, against a scripted bot on the emulator's gateway.</summary>
public class PlaygroundBrowserTests : IAsyncLifetime
{
    private readonly CancellationTokenSource _stop = new();
    private DiscordEmulator _emulator = null!;
    private HttpClient _bot = null!;
    private GatewayTestClient _gateway = null!;
    private Task _botLoop = Task.CompletedTask;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        _emulator = await StartAsync();
        var setup = _emulator.CreatePlayground();
        _bot = Client(_emulator);
        var commands = JsonNode.Parse("""[{"name":"help","description":"What StudyBot does"},{"name":"quiz","description":"A question"},{"name":"countdown","description":"Closes soon"}]""")!;
        await _bot.PutAsync($"applications/{_emulator.ApplicationId}/guilds/{setup.Guild.Id}/commands", Json(commands));
        (_gateway, _) = await GatewayTestClient.IdentifiedAsync(_emulator.GatewayUrl, _emulator.BotToken);
        _botLoop = AnswerInteractionsAsync();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumFactAttribute.Chromium, Args = ["--no-sandbox"] });
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        _stop.Cancel();
        await _gateway.DisposeAsync();
        await _botLoop.ContinueWith(_ => { });
        _bot.Dispose();
        await _emulator.DisposeAsync();
    }

    /// <summary>A scripted bot: /help answers ephemerally, /quiz asks with a button, the button opens a modal, the modal's answer is echoed.</summary>
    private async Task AnswerInteractionsAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var d = (await _gateway.ReceiveDispatchAsync("INTERACTION_CREATE", TimeSpan.FromMinutes(5)))["d"]!;
            var reply = (d["type"]!.GetValue<int>(), d["data"]?["name"]?.GetValue<string>(), d["data"]?["custom_id"]?.GetValue<string>()) switch
            {
                (2, "countdown", _) => new JsonObject { ["type"] = 4, ["data"] = new JsonObject { ["content"] = $"Closes <t:{DateTimeOffset.UtcNow.AddSeconds(3).ToUnixTimeSeconds()}:R>" } },
                (2, "help", _) => JsonNode.Parse("""{"type":4,"data":{"flags":64,"embeds":[{"title":"StudyBot help","description":"Review your due cards with /review."}]}}""")!,
                (2, "quiz", _) => JsonNode.Parse("""{"type":4,"data":{"content":"Whose problem is North Korea?","components":[{"type":1,"components":[{"type":2,"style":1,"label":"Answer","custom_id":"quiz:answer"}]}]}}""")!,
                (3, _, "quiz:answer") => JsonNode.Parse("""{"type":9,"data":{"title":"Your answer","custom_id":"quiz:modal","components":[{"type":1,"components":[{"type":4,"custom_id":"text","label":"Answer","style":2}]}]}}""")!,
                _ => new JsonObject { ["type"] = 4, ["data"] = new JsonObject { ["content"] = $"You answered: {d["data"]?["components"]?[0]?["components"]?[0]?["value"]}" } },
            };
            await _bot.PostAsync($"interactions/{d["id"]}/{d["token"]}/callback", Json(reply));
        }
    }

    [ChromiumFact]
    public async Task Page_SlashCommandWithAutocomplete_ShowsEphemeralReply()
    {
        var page = await _browser.NewPageAsync();
        await page.GotoAsync(_emulator.Address);
        await page.Locator("#input").PressSequentiallyAsync("/he");
        await Assertions.Expect(page.Locator("#suggestions li").First).ToContainTextAsync("/help");
        await page.Locator("#input").PressAsync("Tab");
        await Assertions.Expect(page.Locator("#input")).ToHaveValueAsync("/help ");
        await page.Locator("#input").PressAsync("Enter");
        await Assertions.Expect(page.Locator(".embed-title")).ToHaveTextAsync("StudyBot help");
        await Assertions.Expect(page.Locator(".ephemeral-note")).ToContainTextAsync("Only you can see this");
    }

    [ChromiumFact]
    public async Task Page_ButtonOpensModal_SubmittedAnswerReachesBot()
    {
        var page = await _browser.NewPageAsync();
        await page.GotoAsync(_emulator.Address);
        await page.Locator("#input").FillAsync("/quiz");
        await page.Locator("#input").PressAsync("Enter");
        await page.GetByRole(AriaRole.Button, new() { Name = "Answer" }).ClickAsync();
        await Assertions.Expect(page.Locator("#modal-title")).ToHaveTextAsync("Your answer");
        await page.Locator("#modal-fields textarea").FillAsync("China's");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit" }).ClickAsync();
        await Assertions.Expect(page.Locator(".content").Last).ToHaveTextAsync("You answered: China's");
    }

    [ChromiumFact]
    public async Task Page_RelativeTimestamp_CountsDownLive()
    {
        var page = await _browser.NewPageAsync();
        await page.GotoAsync(_emulator.Address);
        await page.Locator("#input").FillAsync("/countdown");
        await page.Locator("#input").PressAsync("Escape");
        await page.Locator("#input").PressAsync("Enter");
        var stamp = page.Locator("time.live");
        await Assertions.Expect(stamp).ToHaveTextAsync(new Regex("^in [1-3] seconds?$"));
        await Assertions.Expect(stamp).ToHaveTextAsync(new Regex("^([1-9] seconds? ago|now)$"), new() { Timeout = 8_000 });
    }
}
