using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Quartz;
using StudyBot.Features.Reminders;
using StudyBot.Features.Shared;
using StudyBot.Tests.EndToEnd;

namespace StudyBot.Tests.Browser;

/// <summary>The Playground's class in a real browser against the real host: one visitor switching members.</summary>
public sealed class PlaygroundClassTests(BrowserFixture browser, PlaygroundBot bot) : IClassFixture<BrowserFixture>, IClassFixture<PlaygroundBot>
{
    private const string Question = "Which city is the capital of North Korea?";

    [ChromiumFact]
    public async Task Quiz_StartedByInstructorAnsweredByTwoStudents_EachSeesOnlyOwnFeedbackAndEveryoneTheResults()
    {
        // The multiple-choice card alone, so the quiz's one question is the one with buttons.
        var mcq = TestDecks.McqThenTyped[..TestDecks.McqThenTyped.IndexOf("  - id: river", StringComparison.Ordinal)].Replace("e2e-review", "playground-quiz");
        await TestDecks.UploadAsync(bot, mcq);
        var page = await PlaygroundPage.OpenAsync(browser.Browser!, bot.App.Playground!.PageUrl);
        await page.AsAsync("Prof. Lee");
        await page.SendAsync("/quiz start deck:playground-quiz questions:1 seconds:600");
        var quiz = page.Message(Question).Filter(new LocatorFilterOptions { Has = page.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Pyongyang" }) });
        await Assertions.Expect(quiz).ToHaveCountAsync(1);

        await page.AsAsync("Ana");
        await quiz.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Pyongyang" }).ClickAsync();
        var anaFeedback = page.Message("is right!");
        await Assertions.Expect(anaFeedback).ToContainTextAsync("Only you can see this");
        await page.ScreenshotAsync("student-feedback.png");

        await page.AsAsync("Ben");
        await quiz.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Seoul" }).ClickAsync();
        await Assertions.Expect(page.Message("Recorded: Seoul")).ToContainTextAsync("Only you can see this");
        await Assertions.Expect(page.Message("is right!")).ToHaveCountAsync(0);

        await page.AsAsync("Ana");
        await Assertions.Expect(anaFeedback).ToHaveCountAsync(1);
        await Assertions.Expect(page.Message("Recorded: Seoul")).ToHaveCountAsync(0);

        var quizId = await quiz.GetAttributeAsync("data-id");
        await TriggerQuizDeadlinesAsync();

        // The bot edits the quiz message: it changes where it is, not as a new message.
        var edited = page.Page.Locator($"article.message[data-id='{quizId}']");
        await Assertions.Expect(edited).ToContainTextAsync("Question 1: closed");
        await Assertions.Expect(edited).ToContainTextAsync("(edited)");
        await Assertions.Expect(page.Message(Question)).ToHaveCountAsync(1);
        foreach (var member in new[] { "Chloé", "Ana", "Prof. Lee" })
        {
            await page.AsAsync(member);
            var results = page.Message("Question 1: closed");
            await Assertions.Expect(results).ToContainTextAsync("1 of 2 answered correctly");
            await Assertions.Expect(results).Not.ToContainTextAsync("Only you can see this");
            var scoreboard = page.Message("Quiz over: scoreboard");
            await Assertions.Expect(scoreboard).ToContainTextAsync("@Ana");
            await Assertions.Expect(scoreboard).Not.ToContainTextAsync("Only you can see this");
        }

        await page.ScreenshotAsync("quiz-results.png");
    }

    [ChromiumFact]
    public async Task Stats_ChartImage_ShownReadablyAndOpensFullSizeOnClick()
    {
        var page = await PlaygroundPage.OpenAsync(browser.Browser!, bot.App.Playground!.PageUrl);
        await page.AsAsync("Prof. Lee");
        await page.SendAsync("/stats");

        var chart = page.Page.Locator("img.embed-image").Last;
        await Assertions.Expect(chart).ToBeVisibleAsync();
        var box = (await chart.BoundingBoxAsync())!;
        Assert.True(box.Width >= 400, $"the chart is {box.Width} px wide");
        await chart.ClickAsync();
        await Assertions.Expect(page.Page.Locator("#lightbox")).ToBeVisibleAsync();
        Assert.Equal(await chart.GetAttributeAsync("src"), await page.Page.Locator("#lightbox-open").GetAttributeAsync("href"));
        await page.Page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.Page.Locator("#lightbox")).ToBeHiddenAsync();
    }

    [ChromiumFact]
    public async Task DeckUpload_ByStudent_IsRefusedWithTheInstructorRule()
    {
        var page = await PlaygroundPage.OpenAsync(browser.Browser!, bot.App.Playground!.PageUrl);
        await page.AsAsync("Chloé");

        await page.SendAsync("/deck upload", PlaygroundPage.Yaml("mine.yaml", TestDecks.McqThenTyped.Replace("e2e-review", "chloe-deck")));

        var refusal = page.Message(Instructors.RefusalText);
        await Assertions.Expect(refusal).ToContainTextAsync("Only you can see this");
        await page.AsAsync("Prof. Lee");
        await Assertions.Expect(page.Message(Instructors.RefusalText)).ToHaveCountAsync(0);
    }

    [ChromiumFact]
    public async Task Reminder_SetByStudent_ArrivesInTheirDmAndNobodyElses()
    {
        var page = await PlaygroundPage.OpenAsync(browser.Browser!, bot.App.Playground!.PageUrl);
        await page.AsAsync("Ben");
        await page.SendAsync("/review deck:china-costs");
        await page.SendAsync("/remind set at:07:00");
        await Assertions.Expect(page.Message("07:00")).ToContainTextAsync("Only you can see this");

        // The stored trigger fires tomorrow at 07:00; the test fires the same stored job now.
        var ben = ulong.Parse(bot.Member("Ben").Id);
        var scheduler = await bot.App.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var trigger = Assert.IsAssignableFrom<ICronTrigger>(await scheduler.GetTrigger(ReminderScheduler.TriggerFor(ben)));
        Assert.Equal(new TimeSpan(7, 0, 0), trigger.NextFireTimeUtc!.Value.UtcDateTime.TimeOfDay);
        await scheduler.TriggerJob(ReminderScheduler.JobFor(ben));

        await Assertions.Expect(page.Page.Locator("#dms .unread")).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 30_000 });
        await page.OpenDmAsync();
        await Assertions.Expect(page.Message("cards are waiting")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Messages.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Start review" })).ToBeVisibleAsync();
        await page.ScreenshotAsync("reminder-dm.png");

        await page.AsAsync("Ana");
        await Assertions.Expect(page.Page.Locator("#channel-title")).ToHaveTextAsync("StudyBot");
        await Assertions.Expect(page.Message("cards are waiting")).ToHaveCountAsync(0);
    }

    [ChromiumFact]
    public async Task UnknownCommand_ErrorStaysUntilDismissed_AndTheDismissalSurvivesReload()
    {
        var page = await PlaygroundPage.OpenAsync(browser.Browser!, bot.App.Playground!.PageUrl);
        await page.AsAsync("Ana");

        await page.TypeAndEnterAsync("/foo");
        await page.TypeAndEnterAsync("/deck");

        var unknown = page.Notices.Filter(new LocatorFilterOptions { HasText = "There is no command /foo." });
        var bare = page.Notices.Filter(new LocatorFilterOptions { HasText = "/deck needs a subcommand" });
        await Assertions.Expect(unknown).ToBeVisibleAsync();
        await Assertions.Expect(bare).ToBeVisibleAsync();
        await page.Page.WaitForTimeoutAsync(2_500); // several refreshes of the message list
        await Assertions.Expect(unknown).ToBeVisibleAsync();
        await page.ScreenshotAsync("unknown-command.png");

        await page.Page.ReloadAsync();
        await Assertions.Expect(unknown).ToBeVisibleAsync();
        await unknown.GetByText("Dismiss").ClickAsync();
        await Assertions.Expect(unknown).ToHaveCountAsync(0);
        await page.Page.ReloadAsync();
        await Assertions.Expect(bare).ToBeVisibleAsync();
        await Assertions.Expect(unknown).ToHaveCountAsync(0);
    }

    [ChromiumFact]
    public async Task Phone_390PixelsWide_SidebarFoldsAwayAndNothingOverflows()
    {
        var page = await PlaygroundPage.OpenAsync(browser.Browser!, bot.App.Playground!.PageUrl, width: 390, height: 844);
        await page.AsAsync("Ana");
        await page.SendAsync("/help");
        await Assertions.Expect(page.Messages.Last).ToContainTextAsync("/review");
        await Assertions.Expect(page.Messages.Last).ToBeInViewportAsync();

        await Assertions.Expect(page.Page.Locator("#sidebar")).Not.ToBeInViewportAsync();
        await Assertions.Expect(page.Page.Locator("#menu")).ToBeVisibleAsync();
        await Assertions.Expect(page.Input).ToBeInViewportAsync();
        Assert.True(await page.Page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 390"), "the page scrolls sideways at 390 px");
        await page.ScreenshotAsync("phone.png");

        await page.Page.Locator("#menu").ClickAsync();
        await Assertions.Expect(page.Page.Locator("#sidebar")).ToBeInViewportAsync(new LocatorAssertionsToBeInViewportOptions { Ratio = 1 });
        await Assertions.Expect(page.Page.Locator("#servers")).ToBeInViewportAsync(new LocatorAssertionsToBeInViewportOptions { Ratio = 1 });
        await Assertions.Expect(page.Page.Locator("#dms .channel")).ToBeVisibleAsync();
        await page.ScreenshotAsync("phone-sidebar.png");
        await page.OpenDmAsync();
        await Assertions.Expect(page.Page.Locator("#sidebar")).Not.ToBeInViewportAsync();
    }

    [ChromiumFact]
    public async Task GuidedTour_FirstVisit_TryItActsAsTheRightMemberAndTheDismissalLasts()
    {
        var page = await PlaygroundPage.OpenAsync(browser.Browser!, bot.App.Playground!.PageUrl, keepTour: true);
        var tour = page.Page.Locator("#tour");
        await Assertions.Expect(tour).ToBeVisibleAsync();
        await page.ScreenshotAsync("tour.png");

        await tour.Locator("li", new LocatorLocatorOptions { HasText = "Review as a student" }).GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Try it" }).ClickAsync();
        await Assertions.Expect(page.Page.Locator("#me-name")).ToHaveTextAsync("Ana");
        await Assertions.Expect(page.Input).ToHaveValueAsync("/review ");
        await page.Input.PressAsync("Enter");
        await Assertions.Expect(page.Input).ToHaveValueAsync("");
        await Assertions.Expect(tour.Locator("li").First).ToHaveClassAsync("done");
        await Assertions.Expect(tour.Locator("li.done")).ToHaveCountAsync(1);
        await page.Page.Locator("#tour-close").ClickAsync();
        await page.Page.ReloadAsync();
        await Assertions.Expect(page.Page.Locator("#me-name")).ToHaveTextAsync("Ana");
        await Assertions.Expect(tour).ToBeHiddenAsync();

        // Enter picks the highlighted suggestion, as in Discord; a second Enter sends the command.
        await page.Input.PressSequentiallyAsync("/hel");
        await Assertions.Expect(page.Page.Locator("#suggestions li.active")).ToContainTextAsync("/help");
        await page.Input.PressAsync("Enter");
        await Assertions.Expect(page.Input).ToHaveValueAsync("/help ");
        await page.Input.PressAsync("Enter");
        await Assertions.Expect(page.Input).ToHaveValueAsync("");
        var help = page.Message("For students").Last;
        await Assertions.Expect(help).ToContainTextAsync("Only you can see this");

        // An ephemeral reply stays until dismissed, and stays dismissed after a reload.
        var id = await help.GetAttributeAsync("data-id");
        await help.GetByText("Dismiss message").ClickAsync();
        await Assertions.Expect(page.Page.Locator($"article.message[data-id='{id}']")).ToHaveCountAsync(0);
        await page.Page.ReloadAsync();
        await Assertions.Expect(page.Page.Locator("#status")).ToHaveTextAsync("StudyBot online");
        await Assertions.Expect(page.Page.Locator($"article.message[data-id='{id}']")).ToHaveCountAsync(0);
    }

    [ChromiumFact]
    public async Task SecondServer_DeckUploadedThere_IsNotListedInTheFirst()
    {
        var page = await PlaygroundPage.OpenAsync(browser.Browser!, bot.App.Playground!.PageUrl);
        await page.AsAsync("Prof. Lee");
        await page.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Another School" }).ClickAsync();
        await Assertions.Expect(page.Page.Locator("#guild-name")).ToHaveTextAsync("Another School");
        await page.SendAsync("/deck upload", PlaygroundPage.Yaml("other.yaml", TestDecks.McqThenTyped.Replace("e2e-review", "other-school-deck")));
        await Assertions.Expect(page.Message("Deck uploaded")).ToHaveCountAsync(1);
        await page.SendAsync("/deck list");
        await Assertions.Expect(page.Message("other-school-deck").Filter(new LocatorFilterOptions { HasText = "Decks" })).ToHaveCountAsync(1);

        await page.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "StudyBot Playground" }).ClickAsync();
        await Assertions.Expect(page.Page.Locator("#guild-name")).ToHaveTextAsync("StudyBot Playground");
        await page.SendAsync("/deck list");
        var list = page.Messages.Filter(new LocatorFilterOptions { Has = page.Page.Locator(".embed-title", new PageLocatorOptions { HasText = "Decks" }) }).Last;
        await Assertions.Expect(list).ToContainTextAsync("china-costs");
        await Assertions.Expect(list).Not.ToContainTextAsync("other-school-deck");
        await Assertions.Expect(page.Message("Deck uploaded")).ToHaveCountAsync(0);
    }

    [ColourEmojiFact]
    public async Task MemberAvatars_EmojiRenderInColour()
    {
        var page = await PlaygroundPage.OpenAsync(browser.Browser!, bot.App.Playground!.PageUrl);
        var avatar = page.Page.Locator("#members .member-avatar").First;
        await Assertions.Expect(avatar).ToHaveTextAsync("🦉");

        // Draw the avatar's emoji in black with the page's own fonts: a colour font paints colours anyway.
        var coloured = await avatar.EvaluateAsync<int>("""
            node => {
              const canvas = document.createElement("canvas");
              canvas.width = canvas.height = 48;
              const g = canvas.getContext("2d");
              g.font = `40px ${getComputedStyle(node).fontFamily}`;
              g.fillStyle = "#000";
              g.fillText(node.textContent, 0, 40);
              const d = g.getImageData(0, 0, 48, 48).data;
              let count = 0;
              for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 0 && Math.max(d[i], d[i + 1], d[i + 2]) - Math.min(d[i], d[i + 1], d[i + 2]) > 40) count++;
              return count;
            }
            """);
        Assert.True(coloured > 50, $"only {coloured} coloured pixels: the emoji rendered without a colour font");
    }

    /// <summary>Fires every pending quiz deadline job now instead of waiting minutes.</summary>
    private async Task TriggerQuizDeadlinesAsync()
    {
        var scheduler = await bot.App.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var keys = await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupContains("quiz"));
        Assert.NotEmpty(keys);
        foreach (var key in keys)
        {
            await scheduler.TriggerJob(key);
        }
    }
}
