using StudyBot.Core.Decks.Formats.Html;

namespace StudyBot.Core.Tests.Decks;

public class HtmlToMarkdownTests
{
    [Theory]
    [InlineData("<b>bold</b> and <strong>strong</strong>", "**bold** and **strong**")]
    [InlineData("<i>it</i> <em>em</em> <u>under</u>", "*it* *em* __under__")]
    [InlineData("one<br>two<br/>three", "one\ntwo\nthree")]
    [InlineData("<div>first</div><div>second</div>", "first\nsecond")]
    [InlineData("<p>para one</p><p>para two</p>", "para one\n\npara two")]
    [InlineData("&lt;tag&gt; &amp; &quot;q&quot; &nbsp;x&#39;s &ndash;", "<tag> & \"q\" x's –")]
    [InlineData("<span style=\"color:red\">red</span> <a href=\"x\">link</a>", "red link")]
    [InlineData("line\nwrap in source", "line wrap in source")]
    [InlineData("<b></b>empty", "empty")]
    [InlineData("<!-- note -->kept<script>alert(1)</script>", "kept")]
    public void Convert_Html_GivesDiscordMarkdown(string html, string expected) =>
        Assert.Equal(expected, HtmlToMarkdown.Convert(html).Text);

    [Fact]
    public void Convert_MediaReferences_AreRemovedAndListed()
    {
        var converted = HtmlToMarkdown.Convert("Listen [sound:a.mp3] and look <img src=\"b&amp;c.png\"> <IMG SRC='d.jpg'/>");

        Assert.Equal("Listen and look", converted.Text);
        Assert.Equal(["a.mp3", "b&c.png", "d.jpg"], converted.Media);
    }
}
