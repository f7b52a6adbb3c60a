using Microsoft.Extensions.DependencyInjection;
using StudyBot.Discord;
using StudyBot.Discord.Interactions;
using StudyBot.Features.Shared;
using StudyBot.Hosting.Commands;

namespace StudyBot.Features.Decks;

public static class DeckServiceCollectionExtensions
{
    public static IServiceCollection AddDecks(this IServiceCollection services)
    {
        services.AddFeatureShared();
        services.AddScoped<DeckService>();
        services.AddScoped<DeckModule>();
        services.AddScoped<ExamService>();
        services.AddHostedService<StaleImportCleanup>();
        services.AddScoped<DeckGenerateModule>();
        static void DeckOption(OptionListBuilder o) => o.AddString("deck", "The deck's id", required: true, autocomplete: true);
        services.AddBotCommand(
            new SlashCommandBuilder("deck", "This server's decks: list, join, leave, and manage them (instructors)")
                .AddSubcommand("list", "This server's decks, with your progress in each")
                .AddSubcommand("info", "A deck's description, cards, students and your progress", DeckOption)
                .AddSubcommand("join", "Study a deck: its cards come up in /review", DeckOption)
                .AddSubcommand("leave", "Stop studying a deck (your progress is kept)", DeckOption)
                .AddSubcommand("upload", "Upload a deck file: YAML, JSON, CSV/TSV, Quizlet text or Anki .apkg (instructors)", o => o
                    .AddAttachment("file", "The deck file", required: true)
                    .AddString("id", "The deck's id (instead of the file's own, or its file name)")
                    .AddString("title", "The deck's title (instead of the file's own)")
                    .AddAttachment("image1", "An image a card names with image: (PNG, JPEG, GIF or WebP)")
                    .AddAttachment("image2", "Another image a card names")
                    .AddAttachment("image3", "Another image a card names")
                    .AddAttachment("image4", "Another image a card names")
                    .AddAttachment("image5", "Another image a card names")
                    .AddAttachment("image6", "Another image a card names")
                    .AddAttachment("image7", "Another image a card names")
                    .AddAttachment("image8", "Another image a card names")
                    .AddAttachment("image9", "Another image a card names"))
                .AddSubcommand("export", "Download a deck as YAML, to edit and upload again (instructors)", DeckOption)
                .AddSubcommand("retire", "Hide a deck from students; progress is kept (instructors)", DeckOption)
                .AddSubcommand("restore", "Bring a retired deck back (instructors)", DeckOption)
                .AddSubcommand("add-essay", "Copy the essay decks into this server, or bring retired ones back (instructors)")
                .AddSubcommand("generate", "Draft a deck from a reading: plain text, Markdown or HTML (instructors)", o => o
                    .AddAttachment("file", "The reading", required: true)
                    .AddString("id", "The draft deck's id (instead of one from the file name)")
                    .AddString("title", "The draft deck's title (instead of the reading's heading or file name)"))
                .AddSubcommand("exam", "Set an exam date for a deck: reviews aim at it (instructors)", o => o
                    .AddString("deck", "The deck's id", required: true, autocomplete: true)
                    .AddString("date", "The exam's date, YYYY-MM-DD (server's time zone)", required: true)
                    .AddString("time", "The exam's time, HH:MM (24-hour; 09:00 if not given)"))
                .AddSubcommand("exams", "This server's exams ahead, with their ids")
                .AddSubcommand("exam-remove", "Remove an exam date (instructors)", o => o
                    .AddInteger("exam", "The exam's id, from /deck exams", required: true, minValue: 1))
                .GuildOnly()
                .Build(),
            HelpLine.Student("`/deck list` — this server's decks with your progress, e.g. `/deck list`"),
            HelpLine.Student("`/deck info deck:<id>` — a deck's description, cards and your progress, e.g. `/deck info deck:collapse-fears`"),
            HelpLine.Student("`/deck join deck:<id>` / `/deck leave deck:<id>` — choose what `/review` asks you, e.g. `/deck join deck:china-costs`"),
            HelpLine.Instructor("`/deck upload file:<file> [id] [title] [image1-9]` — add or update a deck (YAML, CSV/TSV, Quizlet, .apkg; with images), e.g. `/deck upload file:week-1.yaml image1:a.png`"),
            HelpLine.Instructor("`/deck export deck:<id>` — the deck as a YAML file with its images, e.g. `/deck export deck:collapse-fears`"),
            HelpLine.Instructor("`/deck retire deck:<id>` / `/deck restore deck:<id>` — hide a deck from students and bring it back, progress kept, e.g. `/deck retire deck:week-1`"),
            HelpLine.Instructor("`/deck add-essay` — copy the essay decks into this server, e.g. `/deck add-essay`"),
            HelpLine.Instructor("`/deck exam deck:<id> date:<YYYY-MM-DD> [time]` — an exam date: reviews aim at it, students see the countdown, e.g. `/deck exam deck:week-1 date:2027-01-15`"),
            HelpLine.Student("`/deck exams` — this server's exams ahead, e.g. `/deck exams`"),
            HelpLine.Instructor("`/deck exam-remove exam:<id>` — remove an exam date, e.g. `/deck exam-remove exam:3`"),
            HelpLine.Instructor("`/deck generate file:<text> [id] [title]` — draft a deck from a reading, check it, then Publish, e.g. `/deck generate file:reading.md id:volcanoes`"));
        services.AddDiscordInteractions(routes => routes
            .Command("deck list", c => c.Services.GetRequiredService<DeckModule>().ListAsync(c))
            .Command("deck info", c => c.Services.GetRequiredService<DeckModule>().InfoAsync(c))
            .Command("deck join", c => c.Services.GetRequiredService<DeckModule>().JoinAsync(c))
            .Command("deck leave", c => c.Services.GetRequiredService<DeckModule>().LeaveAsync(c))
            .Command("deck upload", c => c.Services.GetRequiredService<DeckModule>().UploadAsync(c))
            .Command("deck export", c => c.Services.GetRequiredService<DeckModule>().ExportAsync(c))
            .Command("deck retire", c => c.Services.GetRequiredService<DeckModule>().RetireAsync(c))
            .Command("deck restore", c => c.Services.GetRequiredService<DeckModule>().RestoreAsync(c))
            .Command("deck add-essay", c => c.Services.GetRequiredService<DeckModule>().AddEssayAsync(c))
            .Command("deck exam", c => c.Services.GetRequiredService<DeckModule>().ExamAsync(c))
            .Command("deck exams", c => c.Services.GetRequiredService<DeckModule>().ExamsAsync(c))
            .Command("deck exam-remove", c => c.Services.GetRequiredService<DeckModule>().ExamRemoveAsync(c))
            .Command("deck generate", c => c.Services.GetRequiredService<DeckGenerateModule>().GenerateAsync(c))
            .Component(DeckGenerateModule.PublishId, c => c.Services.GetRequiredService<DeckGenerateModule>().PublishAsync(c))
            .Component(DeckGenerateModule.ReplaceId, c => c.Services.GetRequiredService<DeckGenerateModule>().PublishAsync(c, DeckGenerateModule.PublishMode.Replace))
            .Component(DeckGenerateModule.AsNewId, c => c.Services.GetRequiredService<DeckGenerateModule>().PublishAsync(c, DeckGenerateModule.PublishMode.AsNew))
            .Component(DeckIds.Join, c => c.Services.GetRequiredService<DeckModule>().JoinFromOfferAsync(c))
            .Component(DeckIds.JoinSelect, c => c.Services.GetRequiredService<DeckModule>().JoinFromSelectAsync(c))
            .Autocomplete("deck info", c => c.Services.GetRequiredService<DeckAutocomplete>().SuggestAsync(c))
            .Autocomplete("deck join", c => c.Services.GetRequiredService<DeckAutocomplete>().SuggestAsync(c))
            .Autocomplete("deck leave", c => c.Services.GetRequiredService<DeckAutocomplete>().SuggestAsync(c))
            .Autocomplete("deck export", c => c.Services.GetRequiredService<DeckAutocomplete>().SuggestAsync(c))
            .Autocomplete("deck retire", c => c.Services.GetRequiredService<DeckAutocomplete>().SuggestAsync(c))
            .Autocomplete("deck exam", c => c.Services.GetRequiredService<DeckAutocomplete>().SuggestAsync(c))
            .Autocomplete("deck restore", c => c.Services.GetRequiredService<DeckAutocomplete>().SuggestAsync(c)));
        return services;
    }
}
