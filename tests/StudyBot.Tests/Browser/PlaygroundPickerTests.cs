using Microsoft.Playwright;
using StudyBot.Tests.EndToEnd;

namespace StudyBot.Tests.Browser;

/// <summary>The Playground as Discord's client: channel and role pickers, names typed by hand, mentions and markdown rendered.</summary>
public sealed class PlaygroundPickerTests(BrowserFixture browser, PlaygroundBot bot) : IClassFixture<BrowserFixture>, IClassFixture<PlaygroundBot>
{
    [ChromiumFact]
    public async Task ChannelPicker_PickedAndTypedByHand_ResolveToIdsAndTheReplyShowsTheMentionsByName()
    {
        var page = await PlaygroundPage.OpenAsync(browser.Browser!, bot.App.Playground!.PageUrl);
        await page.AsAsync("Prof. Lee");
        var channelName = bot.World.Channel.Name;

        // The picker offers the server's channels; Enter picks the highlighted one, as in Discord.
        await page.Input.FillAsync("/config study-channel channel:");
        await page.Input.PressSequentiallyAsync(channelName[..2]);
        await Assertions.Expect(page.Page.Locator("#suggestions li.active")).ToContainTextAsync($"#{channelName}");
        await page.ScreenshotAsync("channel-picker.png");
        await page.Input.PressAsync("Enter");
        await Assertions.Expect(page.Input).ToHaveValueAsync($"/config study-channel channel:#{channelName} ");
        await page.Input.PressAsync("Enter");
        await Assertions.Expect(page.Input).ToHaveValueAsync("");
        var saved = page.Message("Server settings saved").Last;
        await Assertions.Expect(saved.Locator(".mention", new LocatorLocatorOptions { HasText = $"#{channelName}" })).ToBeVisibleAsync();
        await Assertions.Expect(saved).Not.ToContainTextAsync("<#");

        // A role typed by hand, as the README writes it.
        await page.SendAsync("/config instructor-role role:@Instructor");
        var role = page.Message("Server settings saved").Last;
        await Assertions.Expect(role.Locator(".mention", new LocatorLocatorOptions { HasText = "@Instructor" })).ToBeVisibleAsync();
        await Assertions.Expect(role).Not.ToContainTextAsync("<@&");

        // A name that is nowhere is refused with what to do.
        await page.TypeAndEnterAsync("/config study-channel channel:#nowhere");
        await Assertions.Expect(page.Notices.Last).ToContainTextAsync("No channel '#nowhere'");
    }

    [ChromiumFact]
    public async Task Markdown_QuotesCodeBlocksListsAndMasks_RenderAsDiscordDoes()
    {
        var page = await PlaygroundPage.OpenAsync(browser.Browser!, bot.App.Playground!.PageUrl);
        var html = await page.Page.EvaluateAsync<string>("markdown('> a **quote**\\n- one\\n- two\\n```\\ncode **raw** <#1>\\n```\\n*it* and [site](https://example.org) `x*y*`')");

        Assert.Contains("<blockquote>a <strong>quote</strong></blockquote>", html);
        Assert.Contains("<ul><li>one</li><li>two</li></ul>", html);
        Assert.Contains("<pre class=\"codeblock\"><code>code **raw** &lt;#1&gt;</code></pre>", html);
        Assert.Contains("<em>it</em>", html);
        Assert.Contains("<a href=\"https://example.org\" target=\"_blank\" rel=\"noopener\">site</a>", html);
        Assert.Contains("<code>x&#42;y&#42;</code>", html);

        // A bot reply with a quoted deck description shows a quote, not "> ".
        await page.AsAsync("Ana");
        await page.SendAsync("/deck list");
        var list = page.Message("Decks").Last;
        await Assertions.Expect(list.Locator("blockquote").First).ToBeVisibleAsync();
        Assert.DoesNotContain("&gt;", await list.Locator("blockquote").First.InnerHTMLAsync());
        await page.ScreenshotAsync("markdown.png");
    }
    [ChromiumFact]
    public async Task DocumentedExamples_ATitleOfTwoWordsAndTheTourReminderStep_WorkAsWritten()
    {
        var page = await PlaygroundPage.OpenAsync(browser.Browser!, bot.App.Playground!.PageUrl, keepTour: true);
        await page.AsAsync("Prof. Lee");

        // commands.md's example, typed as written: a text option's value runs on to the next option, as in Discord.
        const string csv = "Front,Back\nCapital of North Korea,Pyongyang\nCapital of South Korea,Seoul\nBorder river with China,Yalu\n";
        var file = new FilePayload { Name = "week-1.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(csv) };
        await page.SendAsync("/deck upload file:week-1.csv id:week-1 title:Week 1", file);
        await Assertions.Expect(page.Message("Deck uploaded: Week 1").Last).ToBeVisibleAsync();
        await page.SendAsync("/quiz start deck:week-1 questions:1 seconds:300");
        await Assertions.Expect(page.Message("Quiz started: 1 question from Week 1").Last).ToBeVisibleAsync();

        // The tour's reminder step leaves the time to be typed right after "at:".
        var tour = page.Page.Locator("#tour");
        await tour.Locator("li", new LocatorLocatorOptions { HasText = "Set a daily reminder as Ben" }).GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Try it" }).ClickAsync();
        await Assertions.Expect(page.Page.Locator("#me-name")).ToHaveTextAsync("Ben");
        await Assertions.Expect(page.Input).ToHaveValueAsync("/remind set at:");
        await page.Input.PressSequentiallyAsync("19:30");
        await page.Input.PressAsync("Enter");
        await Assertions.Expect(page.Input).ToHaveValueAsync("");
        await Assertions.Expect(page.Message("Every day at 19:30").Last).ToContainTextAsync("a day with nothing due sends no DM");
    }
}
