using System.Text;
using Microsoft.Playwright;

namespace StudyBot.Tests.Browser;

/// <summary>The Playground page as a visitor uses it: switch member, type commands, open the DM.</summary>
public sealed class PlaygroundPage(IPage page)
{
    public IPage Page { get; } = page;

    public ILocator Input => Page.Locator("#input");

    public ILocator Messages => Page.Locator("#messages article.message");

    public ILocator Notices => Page.Locator("#notices .notice");

    /// <summary>A first visit in a fresh browser context; the guided tour is dismissed unless <paramref name="keepTour"/>.</summary>
    public static async Task<PlaygroundPage> OpenAsync(IBrowser browser, string url, int width = 1280, int height = 900, bool keepTour = false)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        var page = new PlaygroundPage(await context.NewPageAsync());
        await page.Page.GotoAsync(url);
        await Assertions.Expect(page.Page.Locator("#status")).ToHaveTextAsync("StudyBot online");
        if (!keepTour)
        {
            await page.Page.Locator("#tour-close").ClickAsync();
        }

        return page;
    }

    /// <summary>Switches to a member with the "View as" buttons and waits until the page acts as them.</summary>
    public async Task AsAsync(string displayName)
    {
        var button = Page.Locator("#members").GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = displayName, Exact = true });
        await button.ClickAsync();
        await Assertions.Expect(button).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(Page.Locator("#me-name")).ToHaveTextAsync(displayName);
    }

    public async Task OpenChannelAsync()
    {
        await ShowSidebarAsync();
        await Page.Locator("#channels .channel").ClickAsync();
        await Assertions.Expect(Page.Locator("#channel-hash")).ToHaveTextAsync("#");
    }

    public async Task OpenDmAsync()
    {
        await ShowSidebarAsync();
        await Page.Locator("#dms .channel").ClickAsync();
        await Assertions.Expect(Page.Locator("#channel-title")).ToHaveTextAsync("StudyBot");
    }

    /// <summary>Types a command and sends it; the composer empties when the emulator accepted it.</summary>
    public async Task SendAsync(string command, FilePayload? file = null)
    {
        await TypeAndEnterAsync(command, file);
        await Assertions.Expect(Input).ToHaveValueAsync("");
    }

    /// <summary>Types a command and presses Enter, without expecting it to be accepted.</summary>
    public async Task TypeAndEnterAsync(string command, FilePayload? file = null)
    {
        await Input.FillAsync(command);
        if (file is not null)
        {
            await Page.Locator("#files input[type=file]").SetInputFilesAsync(file);
        }

        await Input.PressAsync("Escape");
        await Input.PressAsync("Enter");
    }

    public ILocator Message(string text) => Messages.Filter(new LocatorFilterOptions { HasText = text });

    public async Task ScreenshotAsync(string name) =>
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor(name), Animations = ScreenshotAnimations.Disabled });

    public static FilePayload Yaml(string name, string content) =>
        new() { Name = name, MimeType = "application/x-yaml", Buffer = Encoding.UTF8.GetBytes(content) };

    private async Task ShowSidebarAsync()
    {
        if (await Page.Locator("#menu").IsVisibleAsync() && !await Page.Locator("#app.nav-open").IsVisibleAsync())
        {
            await Page.Locator("#menu").ClickAsync();
        }
    }
}

/// <summary>
/// Where browser tests put screenshots: the test output directory, or docs/playground (the ones the
/// README shows) when STUDYBOT_UPDATE_SCREENSHOTS=1.
/// </summary>
public static class Screenshots
{
    /// <summary>Where a Playground picture goes: docs/playground/ when asked to update them, else artifacts/screenshots/ (ignored by git).</summary>
    public static string PathFor(string name) => In(Path.Combine("docs", "playground"), name);

    /// <summary>Where a picture the README shows goes: docs/ when asked to update them, else artifacts/screenshots/.</summary>
    public static string ReadmePathFor(string name) => In("docs", name);

    private static string In(string tracked, string name)
    {
        var directory = Environment.GetEnvironmentVariable("STUDYBOT_UPDATE_SCREENSHOTS") == "1"
            ? Path.Combine(StudyBot.Testing.Repository.Root, tracked)
            : Path.Combine(StudyBot.Testing.Repository.Root, "artifacts", "screenshots");
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, name);
    }
}
