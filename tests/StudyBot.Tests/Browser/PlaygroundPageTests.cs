using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using StudyBot.Data.Entities;
using StudyBot.Tests.EndToEnd;

namespace StudyBot.Tests.Browser;

public sealed class PlaygroundPageTests(BrowserFixture browser, PlaygroundBot bot) : IClassFixture<BrowserFixture>, IClassFixture<PlaygroundBot>
{
    [ChromiumFact]
    public async Task PlaygroundPage_HelpThenReviewAndClickAnswer_ShowsTheResultAndSavesIt()
    {
        await TestDecks.UploadAsync(bot, TestDecks.McqThenTyped);
        var page = await browser.Browser!.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1200, Height = 900 } });
        await page.GotoAsync(bot.App.Playground!.PageUrl);

        await SendAsync(page, "/help");
        await Assertions.Expect(page.Locator(".embed-title", new PageLocatorOptions { HasText = "StudyBot" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".embed-field-value", new PageLocatorOptions { HasText = "/review" }).First).ToBeVisibleAsync();

        await SendAsync(page, "/review deck:e2e-review");
        var answer = page.Locator("button", new PageLocatorOptions { HasText = "Pyongyang" });
        await Assertions.Expect(answer).ToBeVisibleAsync();
        await answer.ClickAsync();
        await Assertions.Expect(page.Locator(".embed-title", new PageLocatorOptions { HasText = "Right!" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("button", new PageLocatorOptions { HasText = "Next card" })).ToBeVisibleAsync();

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "playground.png"), FullPage = true });
        var you = ulong.Parse(bot.You.Id);
        var saved = await bot.QueryAsync(db => db.ReviewLog.CountAsync(l => l.UserId == you && l.Kind == ReviewKind.Answer));
        Assert.Equal(1, saved);
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
