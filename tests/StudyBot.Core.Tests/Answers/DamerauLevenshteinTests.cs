using StudyBot.Core.Answers;

namespace StudyBot.Core.Tests.Answers;

public class DamerauLevenshteinTests
{
    [Theory]
    [InlineData("", "", 0)]
    [InlineData("abc", "", 3)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("receive", "recieve", 1)]
    [InlineData("china", "chian", 1)]
    [InlineData("ca", "abc", 3)]
    [InlineData("beijing", "beijing", 0)]
    public void Distance_Pairs_CountsEditsWithSwaps(string a, string b, int expected)
    {
        Assert.Equal(expected, DamerauLevenshtein.Distance(a, b));
        Assert.Equal(expected, DamerauLevenshtein.Distance(b, a));
    }

    [Theory]
    [InlineData(3, 0)]
    [InlineData(4, 1)]
    [InlineData(7, 1)]
    [InlineData(8, 2)]
    [InlineData(20, 4)]
    public void AllowedEdits_Length_ScalesWithLength(int length, int expected)
    {
        Assert.Equal(expected, TypoTolerance.AllowedEdits(length));
    }
}
