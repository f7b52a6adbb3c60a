using Microsoft.Extensions.DependencyInjection;
using StudyBot.Discord;
using StudyBot.Discord.Interactions;
using StudyBot.Features.Shared;
using StudyBot.Hosting.Commands;

namespace StudyBot.Features.Review;

public static class ReviewServiceCollectionExtensions
{
    public static IServiceCollection AddReview(this IServiceCollection services)
    {
        services.AddFeatureShared();
        services.AddScoped<ReviewService>();
        services.AddScoped<ReviewProgress>();
        services.AddScoped<OverridesModule>();
        services.AddBotCommand(
            new SlashCommandBuilder("overrides", "Typed answers students counted as right (instructors)").GuildOnly().Build(),
            HelpLine.Instructor("`/overrides` — wordings students counted as right with “I was right”; Accept makes one right for everyone, e.g. `/overrides`"));
        services.AddScoped<ReviewModule>();
        services.AddBotCommand(
            new SlashCommandBuilder("review", "Study the cards due for you now")
                .AddOption(Discord.Models.ApplicationCommandOptionType.String, "deck", "Only this deck (its id, see /deck list); joins it if you had not", autocomplete: true)
                .GuildAndDm()
                .Build(),
            HelpLine.Student("`/review [deck]` — study your due cards (in a DM: every server's decks), e.g. `/review deck:collapse-fears`"));
        services.AddDiscordInteractions(routes => routes
            .Command("review", c => c.Services.GetRequiredService<ReviewModule>().StartAsync(c))
            .Autocomplete("review", c => c.Services.GetRequiredService<Decks.DeckAutocomplete>().SuggestAsync(c))
            .Component(ReviewIds.Next, c => c.Services.GetRequiredService<ReviewModule>().NextAsync(c))
            .Component(ReviewIds.ShowAnswer, c => c.Services.GetRequiredService<ReviewModule>().RevealAsync(c))
            .Component(ReviewIds.Type, c => c.Services.GetRequiredService<ReviewModule>().OpenModalAsync(c))
            .Component(ReviewIds.Choice, c => c.Services.GetRequiredService<ReviewModule>().ChooseAsync(c))
            .Component(ReviewIds.Grade, c => c.Services.GetRequiredService<ReviewModule>().GradeAsync(c))
            .Component(ReviewIds.Undo, c => c.Services.GetRequiredService<ReviewModule>().UndoAsync(c))
            .Component(ReviewIds.Override, c => c.Services.GetRequiredService<ReviewModule>().OverrideAsync(c))
            .Modal(ReviewIds.Modal, c => c.Services.GetRequiredService<ReviewModule>().SubmitTypedAsync(c))
            .Command("overrides", c => c.Services.GetRequiredService<OverridesModule>().ShowAsync(c))
            .Component(ReviewIds.AcceptWording, c => c.Services.GetRequiredService<OverridesModule>().AcceptAsync(c)));
        return services;
    }
}
