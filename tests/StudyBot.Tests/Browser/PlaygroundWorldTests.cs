using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using StudyBot.Data.Entities;
using StudyBot.Tests.EndToEnd;

namespace StudyBot.Tests.Browser;

/// <summary>The Playground's world lasts across restarts of the host, and "Reset the Playground" starts afresh.</summary>
public sealed class PlaygroundWorldTests(BrowserFixture browser, PlaygroundBot bot) : IClassFixture<BrowserFixture>, IClassFixture<PlaygroundBot>
{
    private static readonly string _deck = TestDecks.McqThenTyped.Replace("e2e-review", "restart-deck").Replace("End-to-end review", "Restart deck");

    [ChromiumFact]
    public async Task Restart_StudentProgressAndUploadedDeckAreStillThere_ThenResetForgetsThem()
    {
        var page = await PlaygroundPage.OpenAsync(browser.Browser!, bot.App.Playground!.PageUrl);
        await page.AsAsync("Prof. Lee");
        await page.SendAsync("/deck upload", PlaygroundPage.Yaml("restart.yaml", _deck));
        await Assertions.Expect(page.Message("Deck uploaded: Restart deck")).ToHaveCountAsync(1);
        await page.AsAsync("Ana");
        await page.SendAsync("/review deck:restart-deck");
        await page.Messages.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Pyongyang" }).ClickAsync();
        await Assertions.Expect(page.Page.Locator(".embed-title", new PageLocatorOptions { HasText = "Right!" })).ToBeVisibleAsync();
        var before = bot.World.ToPlan();
        var ana = ulong.Parse(bot.Member("Ana").Id);

        await bot.RestartAsync();

        // The page still open on the stopped host says so.
        await Assertions.Expect(page.Page.Locator("#status")).ToHaveTextAsync("Playground unreachable");
        await Assertions.Expect(page.Page.Locator("#banner")).ToContainTextAsync("unreachable");

        Assert.Equal(before, bot.World.ToPlan(), PlanComparer.Instance);
        page = await PlaygroundPage.OpenAsync(browser.Browser!, bot.App.Playground!.PageUrl);
        await page.AsAsync("Ana");
        // The channel's history came back too: Ana's earlier (ephemeral) answer is still hers to see.
        await Assertions.Expect(page.Page.Locator(".embed-title", new PageLocatorOptions { HasText = "Right!" })).ToBeVisibleAsync();
        await page.AsAsync("Ben");
        await Assertions.Expect(page.Page.Locator(".embed-title", new PageLocatorOptions { HasText = "Right!" })).ToHaveCountAsync(0);
        await page.AsAsync("Ana");
        await page.SendAsync("/review deck:restart-deck");
        // The capital was answered before the restart, so the river card is the one due now.
        await Assertions.Expect(page.Message("Which river forms much of the China-North Korea border?")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Messages.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Pyongyang" })).ToHaveCountAsync(0);
        await page.SendAsync("/deck list");
        await Assertions.Expect(page.Message("restart-deck")).Not.ToHaveCountAsync(0);
        Assert.Equal(1, await bot.QueryAsync(db => db.ReviewLog.CountAsync(l => l.UserId == ana && l.Kind == ReviewKind.Answer)));

        await page.Page.Locator("#reset").ClickAsync();
        await page.Page.Locator("#reset-yes").ClickAsync();
        await Assertions.Expect(page.Page.Locator("#status")).ToHaveTextAsync("StudyBot online", new LocatorAssertionsToHaveTextOptions { Timeout = 60_000 });
        await Assertions.Expect(page.Messages).ToHaveCountAsync(0);
        await Assertions.Expect(page.Page.Locator("#tour")).ToBeVisibleAsync();
        Assert.Equal(before, bot.World.ToPlan(), PlanComparer.Instance);
        Assert.Equal(0, await bot.QueryAsync(db => db.ReviewLog.CountAsync(l => l.UserId == ana)));
        await page.Page.Locator("#tour-close").ClickAsync();
        await page.AsAsync("Ana");
        await page.SendAsync("/review deck:restart-deck");
        await Assertions.Expect(page.Message("restart-deck")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Messages.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Pyongyang" })).ToHaveCountAsync(0);
    }

    /// <summary>Plans hold lists, which records compare by reference: compare what they list.</summary>
    private sealed class PlanComparer : IEqualityComparer<Emulator.Playground.PlaygroundPlan>
    {
        public static readonly PlanComparer Instance = new();

        public bool Equals(Emulator.Playground.PlaygroundPlan? x, Emulator.Playground.PlaygroundPlan? y) =>
            x is not null && y is not null && x.Servers.SequenceEqual(y.Servers) && x.Members.SequenceEqual(y.Members);

        public int GetHashCode(Emulator.Playground.PlaygroundPlan obj) => obj.Servers.Count;
    }
}
