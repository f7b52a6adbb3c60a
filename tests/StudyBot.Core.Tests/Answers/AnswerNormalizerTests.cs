using StudyBot.Core.Answers;

namespace StudyBot.Core.Tests.Answers;

public class AnswerNormalizerTests
{
    [Theory]
    [InlineData("Pyongyang", "pyongyang")]
    [InlineData("  The  Korean War!! ", "korean war")]
    [InlineData("an apple", "apple")]
    [InlineData("A", "a")]
    [InlineData("Théâtre", "theatre")]
    [InlineData("ﬁnal", "final")]
    [InlineData("Kim Il-sung", "kim il sung")]
    [InlineData("don't", "dont")]
    [InlineData("U.S.", "us")]
    [InlineData("theory", "theory")]
    [InlineData("ＰＲＣ", "prc")]
    public void Normalize_Text_ComparableForm(string input, string expected)
    {
        Assert.Equal(expected, AnswerNormalizer.Normalize(input));
    }
}
