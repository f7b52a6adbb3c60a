namespace StudyBot.Discord.Tests;

public class SmokeTests
{
    [Fact]
    public void Assembly_Loads() => Assert.NotNull(typeof(SmokeTests).Assembly.GetName().Name);
}
