using Microsoft.Playwright;
using StudyBot.Fuzz;
using StudyBot.Tests.EndToEnd;

namespace StudyBot.Tests.Browser;

/// <summary>
/// A card with an image in the Playground on a phone's width: uploaded with its deck through the page's
/// file inputs, the picture shows inside the card's embed, fitted to the screen.
/// </summary>
public sealed class PlaygroundImageTests(BrowserFixture browser, PlaygroundBot bot) : IClassFixture<BrowserFixture>, IClassFixture<PlaygroundBot>
{
    private const string Deck = """
        id: e2e-map
        title: Rivers on the map
        cards:
          - id: yalu
            kind: mcq
            prompt: Which river is drawn across the map?
            image: yalu-map.png
            choices:
              - { text: "The Yalu", correct: true }
              - { text: "The Han" }
              - { text: "The Tumen" }
        """;

    [ChromiumFact]
    public async Task Phone_390PixelsWide_ImageCardShowsThePictureInItsEmbedWithoutOverflow()
    {
        // Wider than the phone: the page must scale it down, not scroll sideways.
        var map = TestImages.Png(640, 360, (40, 110, 200));
        var page = await PlaygroundPage.OpenAsync(browser.Browser!, bot.App.Playground!.PageUrl, width: 390, height: 844);

        // The instructor uploads the deck with its image: image1 gets its file input once named, as in Discord.
        await page.AsAsync("Prof. Lee");
        await page.Input.FillAsync("/deck upload image1:");
        var files = page.Page.Locator("#files");
        await files.Locator("input[data-option=file]").SetInputFilesAsync(PlaygroundPage.Yaml("map.yaml", Deck));
        await files.Locator("input[data-option=image1]").SetInputFilesAsync(new FilePayload { Name = "yalu-map.png", MimeType = "image/png", Buffer = map });
        await page.Input.PressAsync("Escape");
        await page.Input.PressAsync("Enter");
        await Assertions.Expect(page.Input).ToHaveValueAsync("");
        await Assertions.Expect(page.Message("Deck uploaded: Rivers on the map").Last).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 30_000 });

        await page.AsAsync("Ana");
        await page.SendAsync("/review deck:e2e-map");

        var card = page.Message("Which river is drawn across the map?").Last;
        var picture = card.Locator(".embed img.embed-image");
        await Assertions.Expect(picture).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 30_000 });
        await page.Page.WaitForFunctionAsync("img => img.complete && img.naturalWidth === 640 && img.naturalHeight === 360", await picture.ElementHandleAsync());

        // The picture loads after the card came in and makes it taller: the page still shows the card's answers, unscrolled.
        await Assertions.Expect(card.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "The Yalu" })).ToBeInViewportAsync(new LocatorAssertionsToBeInViewportOptions { Ratio = 1 });
        await Assertions.Expect(picture).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex("/attachments/.+/yalu-map\\.png(\\?.*)?$"));
        var box = await picture.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.X >= 0 && box.X + box.Width <= 390, $"the picture spans {box.X}..{box.X + box.Width} px on a 390 px screen");
        Assert.True(box.Height > 50, $"the picture is {box.Height} px high");
        Assert.True(await page.Page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 390"), "the page scrolls sideways at 390 px");
        await Assertions.Expect(card.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "The Yalu" })).ToBeVisibleAsync();
        await page.ScreenshotAsync("phone-image-card.png");

        // Answering keeps the picture with the answer; it is the same upload, sent again with the edited message.
        await card.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "The Yalu" }).ClickAsync();
        var answered = page.Message("Right").Last;
        await Assertions.Expect(answered.Locator(".embed img.embed-image")).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 30_000 });
    }
}
