using Microsoft.Playwright;
using StudyBot.Tests.EndToEnd;

namespace StudyBot.Tests.Browser;

/// <summary>
/// Drives the Playground page as a person would and saves the README's screenshots (under docs/ with STUDYBOT_UPDATE_SCREENSHOTS=1, else artifacts/screenshots/):
/// a review, a channel quiz with its results and scoreboard, and the /stats chart. Running it with that setting refreshes them.
/// </summary>
public sealed class ReadmeScreenshotTests(BrowserFixture browser, PlaygroundBot bot) : IClassFixture<BrowserFixture>, IClassFixture<PlaygroundBot>
{
    private const string Deck = """
        id: readme-demo
        title: Why a North Korean collapse worries Beijing
        cards:
          - id: troops-count
            kind: mcq
            prompt: About how many U.S. troops are stationed in South Korea?
            choices:
              - { text: "28,500", correct: true }
              - { text: "12,000" }
              - { text: "45,000" }
            explanation: '"...the roughly 28,500 troops stationed in South Korea will remain on the peninsula."'
        """;

    [ChromiumFact]
    public async Task Playground_ReviewQuizAndStats_ScreenshotsSaved()
    {
        await TestDecks.UploadAsync(bot, Deck);
        var page = await browser.Browser!.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1100, Height = 900 } });
        await page.GotoAsync(bot.App.Playground!.PageUrl);
        // The guided tour would cover the messages in the pictures.
        var tour = page.Locator("#tour-close");
        if (await tour.IsVisibleAsync())
        {
            await tour.ClickAsync();
        }

        await SendAsync(page, "/review deck:readme-demo");
        await ClickAsync(page, "28,500");
        await VisibleAsync(page.Locator(".embed-title", new PageLocatorOptions { HasText = "Right!" }));
        await SaveAsync(page, "playground-review.png");

        // One question of ten seconds (the shortest a quiz allows): it closes and the scoreboard follows.
        await SendAsync(page, "/quiz start deck:readme-demo questions:1 seconds:10");
        await ClickAsync(page, "28,500");
        await VisibleAsync(page.GetByText("Recorded:").Last);
        await VisibleAsync(page.Locator(".embed-title", new PageLocatorOptions { HasText = "Question 1: closed" }));
        await VisibleAsync(page.Locator(".embed-title", new PageLocatorOptions { HasText = "Quiz over: scoreboard" }));
        await SaveAsync(page, "playground-quiz.png");

        await SendAsync(page, "/stats");
        var chart = page.Locator(".embed img").Last;
        await VisibleAsync(chart);
        await chart.ScrollIntoViewIfNeededAsync();
        await page.WaitForFunctionAsync("img => img.complete && img.naturalWidth > 0", await chart.ElementHandleAsync());
        await SaveAsync(page, "playground-stats.png");

        foreach (var name in new[] { "playground-review.png", "playground-quiz.png", "playground-stats.png" })
        {
            var file = new FileInfo(Screenshots.ReadmePathFor(name));
            Assert.True(file.Exists && file.Length > 10_000 && file.LastWriteTimeUtc > DateTime.UtcNow.AddMinutes(-5), $"{name} was not written just now");
        }
    }

    private static async Task SaveAsync(IPage page, string name)
    {
        await page.Locator("#messages").EvaluateAsync("m => m.scrollTop = m.scrollHeight");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.ReadmePathFor(name) });
    }

    private static async Task ClickAsync(IPage page, string label)
    {
        var button = page.Locator("button", new PageLocatorOptions { HasText = label }).Last;
        await VisibleAsync(button);
        await button.ClickAsync();
    }

    // A shared 2-core machine can take seconds to answer; the default 5 s would fail for no reason.
    private static Task VisibleAsync(ILocator locator)
        => Assertions.Expect(locator).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 30_000 });

    private static async Task SendAsync(IPage page, string command)
    {
        var input = page.Locator("#input");
        await input.FillAsync(command);
        await page.Keyboard.PressAsync("Escape");
        await input.PressAsync("Enter");
        await Assertions.Expect(input).ToHaveValueAsync("");
    }
}
