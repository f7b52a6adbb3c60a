using StudyBot.Core.Scheduling;
using StudyBot.Discord.Interactions;
using StudyBot.Features.Decks;
using StudyBot.Features.Quiz;
using StudyBot.Features.Review;

namespace StudyBot.Tests.Interactions;

/// <summary>
/// Every custom_id kind the features put on buttons and modals: the layout posted messages carry
/// (they must keep working after an upgrade), the named values read back, and malformed ids refused.
/// </summary>
public class FeatureCustomIdTests
{
    // Each kind by prefix: reads an argument and writes it again, or null when refused.
    private static readonly Dictionary<string, Func<string, string?>> _kinds = new[]
    {
        Kind(ReviewIds.ShowAnswer), Kind(ReviewIds.Type), Kind(ReviewIds.Modal), Kind(ReviewIds.Choice), Kind(ReviewIds.Grade),
        Kind(ReviewIds.Undo), Kind(ReviewIds.Override), Kind(ReviewIds.Next),
        Kind(QuizIds.Answer), Kind(QuizIds.Type), Kind(QuizIds.Modal),
        Kind(DeckIds.Join),
    }.ToDictionary(k => k.Key, k => k.Value);

    [Fact]
    public void Format_EveryKind_WritesTheLayoutOfPostedMessages()
    {
        Assert.Equal("rv:s:12:3:7", ReviewIds.ShowAnswer.Format(new(12, 3, 7)));
        Assert.Equal("rv:t:12:3:0", ReviewIds.Type.Format(new(12, 3, 0)));
        Assert.Equal("rv:m:12:3:0", ReviewIds.Modal.Format(new(12, 3, 0)));
        Assert.Equal("rv:c:12:3:2:7", ReviewIds.Choice.Format(new(12, 3, 2, 7)));
        Assert.Equal("rv:g:12:3:3:7", ReviewIds.Grade.Format(new(12, 3, Rating.Good, 7)));
        Assert.Equal("rv:u:9876543210:7", ReviewIds.Undo.Format(new(9_876_543_210, 7)));
        Assert.Equal("rv:o:9876543210:0", ReviewIds.Override.Format(new(9_876_543_210, 0)));
        Assert.Equal("rv:n:0", ReviewIds.Next.Format(new(0)));
        Assert.Equal("qz:42:1", QuizIds.Answer.Format(new(42, 1)));
        Assert.Equal("qt:42", QuizIds.Type.Format(new(42)));
        Assert.Equal("qm:42", QuizIds.Modal.Format(new(42)));
        Assert.Equal("dk:j:3", DeckIds.Join.Format(new([3])));
        Assert.Equal("dk:j:3.5", DeckIds.Join.Format(new([3, 5])));
        Assert.Equal("dk:j:all", DeckIds.Join.Format(new(null)));
    }

    [Fact]
    public void TryParse_PostedIds_ReadTheNamedValues()
    {
        Assert.True(ReviewIds.ShowAnswer.TryParse("12:3:7", out var shown));
        Assert.Equal(new ReviewPromptId(CardId: 12, Nonce: 3, Scope: 7), shown);
        Assert.True(ReviewIds.Choice.TryParse("12:3:2:7", out var choice));
        Assert.Equal(new ReviewChoiceId(CardId: 12, Nonce: 3, ChoiceIndex: 2, Scope: 7), choice);
        Assert.True(ReviewIds.Grade.TryParse("12:3:4:7", out var grade));
        Assert.Equal(new ReviewGradeId(CardId: 12, Nonce: 3, Rating: Rating.Easy, Scope: 7), grade);
        Assert.True(ReviewIds.Undo.TryParse("9876543210:7", out var undo));
        Assert.Equal(new ReviewAnswerId(LogId: 9_876_543_210, Scope: 7), undo);
        Assert.True(ReviewIds.Next.TryParse("5", out var next));
        Assert.Equal(5, next.Scope);
        Assert.True(QuizIds.Answer.TryParse("42:1", out var quizChoice));
        Assert.Equal(new QuizChoiceId(QuizId: 42, ChoiceIndex: 1), quizChoice);
        Assert.True(QuizIds.Modal.TryParse("42", out var question));
        Assert.Equal(42, question.QuizId);
        Assert.True(DeckIds.Join.TryParse("3.5", out var join));
        Assert.Equal(new[] { 3, 5 }, join.DeckIds);
        Assert.True(DeckIds.Join.TryParse("all", out var all));
        Assert.Null(all.DeckIds);
    }

    [Theory]
    [InlineData("rv:s:12:3:7")]
    [InlineData("rv:t:1:0:0")]
    [InlineData("rv:m:2147483647:2147483647:2147483647")]
    [InlineData("rv:c:12:3:0:7")]
    [InlineData("rv:g:12:3:1:0")]
    [InlineData("rv:u:9223372036854775807:7")]
    [InlineData("rv:o:1:0")]
    [InlineData("rv:n:0")]
    [InlineData("qz:9223372036854775807:3")]
    [InlineData("qt:1")]
    [InlineData("qm:1")]
    [InlineData("dk:j:1.2.2147483647")]
    [InlineData("dk:j:all")]
    public void TryParseThenFormat_PostedId_SameId(string customId)
    {
        var (prefix, argument) = Split(customId);

        Assert.Equal(customId, _kinds[prefix](argument));
    }

    [Theory]
    [InlineData("rv:s:", "")]
    [InlineData("rv:s:", "12:3")]
    [InlineData("rv:s:", "12:3:7:1")]
    [InlineData("rv:s:", "12::7")]
    [InlineData("rv:s:", "12:x:7")]
    [InlineData("rv:s:", "-12:3:7")]
    [InlineData("rv:s:", "+12:3:7")]
    [InlineData("rv:s:", " 12:3:7")]
    [InlineData("rv:s:", "12:3:7 ")]
    [InlineData("rv:s:", "2147483648:3:7")]
    [InlineData("rv:t:", "12.5:3:7")]
    [InlineData("rv:m:", "99999999999999999999:3:7")]
    [InlineData("rv:c:", "12:3:7")]
    [InlineData("rv:g:", "12:3:0:7")]
    [InlineData("rv:g:", "12:3:5:7")]
    [InlineData("rv:g:", "12:3:good:7")]
    [InlineData("rv:u:", "9223372036854775808:7")]
    [InlineData("rv:o:", "1")]
    [InlineData("rv:n:", "")]
    [InlineData("rv:n:", "0:0")]
    [InlineData("qz:", "42")]
    [InlineData("qz:", "42:1:2")]
    [InlineData("qt:", "42:1")]
    [InlineData("qm:", "x")]
    [InlineData("dk:j:", "")]
    [InlineData("dk:j:", "0")]
    [InlineData("dk:j:", "3..5")]
    [InlineData("dk:j:", "3.")]
    [InlineData("dk:j:", "all.3")]
    [InlineData("dk:j:", "ALL")]
    [InlineData("dk:j:", "-3")]
    public void TryParse_MalformedArgument_RefusedWithoutThrowing(string prefix, string argument)
    {
        Assert.Null(_kinds[prefix](argument));
    }

    [Fact]
    public void Prefixes_EveryKind_DistinctAndNoneStartsAnother()
    {
        var prefixes = _kinds.Keys.ToList();

        Assert.All(prefixes, p => Assert.DoesNotContain(prefixes, q => q != p && q.StartsWith(p, StringComparison.Ordinal)));
    }

    private static KeyValuePair<string, Func<string, string?>> Kind<T>(ICustomIdKind<T> kind)
        where T : class
        => new(kind.Prefix, argument => kind.TryParse(argument, out var value) ? kind.Format(value) : null);

    private static (string Prefix, string Argument) Split(string customId)
    {
        var prefix = _kinds.Keys.Single(p => customId.StartsWith(p, StringComparison.Ordinal));
        return (prefix, customId[prefix.Length..]);
    }
}
