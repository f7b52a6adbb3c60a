using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Quartz;
using StudyBot.Features.Quiz;
using StudyBot.Tests.EndToEnd;

namespace StudyBot.Tests.Browser;

/// <summary>
/// Drives the Playground page as a person would and saves the README's screenshots under docs/:
/// a review, a channel quiz with its results, and the /stats chart. Running the test refreshes them.
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

    private static readonly string Docs = Path.Combine(Image.ParsedDockerfile.Root, "docs");

    [ChromiumFact]
    public async Task Playground_ReviewQuizAndStats_ScreenshotsSavedUnderDocs()
    {
        await TestDecks.UploadAsync(bot, Deck);
        Directory.CreateDirectory(Docs);
        var page = await browser.Browser!.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1100, Height = 760 } });
        await page.GotoAsync(bot.App.Playground!.PageUrl);

        await SendAsync(page, "/review deck:readme-demo");
        await ClickAsync(page, "28,500");
        await Assertions.Expect(page.Locator(".embed-title", new PageLocatorOptions { HasText = "Right!" })).ToBeVisibleAsync();
        await SaveAsync(page, "playground-review.png");

        await SendAsync(page, "/quiz start deck:readme-demo questions:1 seconds:300");
        await Assertions.Expect(page.Locator("button", new PageLocatorOptions { HasText = "45,000" }).Last).ToBeVisibleAsync();
        await page.Locator("button", new PageLocatorOptions { HasText = "28,500" }).Last.ClickAsync();
        await Assertions.Expect(page.GetByText("Recorded:").Last).ToBeVisibleAsync();
        await CloseQuizzesNowAsync();
        await Assertions.Expect(page.Locator(".embed-title", new PageLocatorOptions { HasText = "Question 1: closed" })).ToBeVisibleAsync();
        await SaveAsync(page, "playground-quiz.png");

        await SendAsync(page, "/stats");
        var chart = page.Locator(".embed img").Last;
        await Assertions.Expect(chart).ToBeVisibleAsync();
        await chart.ScrollIntoViewIfNeededAsync();
        await page.WaitForFunctionAsync("img => img.complete && img.naturalWidth > 0", await chart.ElementHandleAsync());
        await SaveAsync(page, "playground-stats.png");

        foreach (var name in new[] { "playground-review.png", "playground-quiz.png", "playground-stats.png" })
        {
            var file = new FileInfo(Path.Combine(Docs, name));
            Assert.True(file.Exists && file.Length > 10_000 && file.LastWriteTimeUtc > DateTime.UtcNow.AddMinutes(-5), $"{name} was not written just now");
        }
    }

    /// <summary>Fires every open quiz's deadline now instead of waiting minutes.</summary>
    private async Task CloseQuizzesNowAsync()
    {
        var scheduler = await bot.App.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var jobs = await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(QuizScheduler.Group));
        Assert.NotEmpty(jobs);
        foreach (var job in jobs)
        {
            await scheduler.TriggerJob(job);
        }
    }

    private static async Task SaveAsync(IPage page, string name)
    {
        await page.Locator("#messages").EvaluateAsync("m => m.scrollTop = m.scrollHeight");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Docs, name) });
    }

    private static async Task ClickAsync(IPage page, string label)
    {
        var button = page.Locator("button", new PageLocatorOptions { HasText = label }).Last;
        await Assertions.Expect(button).ToBeVisibleAsync();
        await button.ClickAsync();
    }

    private static async Task SendAsync(IPage page, string command)
    {
        var input = page.Locator("#input");
        await input.FillAsync(command);
        await page.Keyboard.PressAsync("Escape");
        await input.PressAsync("Enter");
        await Assertions.Expect(input).ToHaveValueAsync("");
    }
}
