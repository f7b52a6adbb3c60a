namespace StudyBot.Data.Migrations;

/// <summary>
/// The data half of <see cref="GuildTenancy"/>, written by hand (SQLite): before it, seeded decks
/// belonged to no guild and every guild studied them by reference. Afterwards each guild that has
/// used the bot owns its own copy, with its students' progress:
/// <list type="bullet">
/// <item>A guild has used the bot if it has a Guilds row, ran a channel quiz, or uploaded a deck.</item>
/// <item>The guild with the lowest id takes each seeded deck in place (its cards, states and log
/// stay where they are); every other such guild gets a copy of the deck, its versions and cards.</item>
/// <item>A copy carries the enrolments, card states and review log of the students known in that
/// guild (they answered its quizzes or enrolled in its own decks), and of students known in no guild
/// (they studied in DMs, so any guild may be theirs). Copied log entries keep their times and
/// states; their interaction id gets the suffix "#guild id" (it is unique) and an undo points at the
/// copy of the answer it undid.</item>
/// <item>The guild's quizzes are re-pointed at its copy of their card.</item>
/// <item>With no guild known, seeded decks go to <see cref="Entities.DeckRecord.NoGuild"/>, which the
/// first guild to use the bot adopts.</item>
/// <item>The students known in each guild become its members.</item>
/// </list>
/// Nothing is deleted.
/// </summary>
internal static class GuildTenancyDataMove
{
    public const string Sql = """
        CREATE TEMP TABLE tenancy_guilds AS
            SELECT "Id" AS "GuildId" FROM "Guilds"
            UNION SELECT "GuildId" FROM "Quizzes"
            UNION SELECT "GuildId" FROM "Decks" WHERE "GuildId" IS NOT NULL;

        INSERT INTO "Guilds" ("Id", "Name", "CreatedUtc")
            SELECT "GuildId", '', strftime('%Y-%m-%d %H:%M:%S', 'now') FROM tenancy_guilds
            WHERE "GuildId" NOT IN (SELECT "Id" FROM "Guilds");

        CREATE TEMP TABLE tenancy_members AS
            SELECT q."GuildId", a."UserId", MIN(a."AnsweredUtc") AS "FirstSeenUtc", MAX(a."AnsweredUtc") AS "LastSeenUtc"
                FROM "QuizAnswers" a JOIN "Quizzes" q ON q."Id" = a."QuizId" GROUP BY q."GuildId", a."UserId"
            UNION ALL
            SELECT d."GuildId", e."UserId", MIN(e."EnrolledUtc"), MAX(e."EnrolledUtc")
                FROM "Enrolments" e JOIN "Decks" d ON d."Id" = e."DeckId" WHERE d."GuildId" IS NOT NULL GROUP BY d."GuildId", e."UserId";

        INSERT INTO "GuildMembers" ("GuildId", "UserId", "IsInstructor", "FirstSeenUtc", "LastSeenUtc")
            SELECT "GuildId", "UserId", 0, MIN("FirstSeenUtc"), MAX("LastSeenUtc") FROM tenancy_members GROUP BY "GuildId", "UserId";

        CREATE TEMP TABLE tenancy_copy_guilds AS
            SELECT "GuildId" FROM tenancy_guilds WHERE "GuildId" <> (SELECT MIN("GuildId") FROM tenancy_guilds);

        CREATE TEMP TABLE tenancy_progress_users AS
            SELECT DISTINCT "GuildId", "UserId" FROM tenancy_members
            UNION
            SELECT g."GuildId", u."UserId" FROM tenancy_copy_guilds g
                CROSS JOIN (SELECT "UserId" FROM "Enrolments" UNION SELECT "UserId" FROM "CardStates" UNION SELECT "UserId" FROM "ReviewLog") u
                WHERE u."UserId" NOT IN (SELECT "UserId" FROM tenancy_members);

        INSERT INTO "Decks" ("Key", "GuildId", "Title", "Description", "Source", "CurrentVersion", "CreatedUtc", "UpdatedUtc")
            SELECT d."Key", g."GuildId", d."Title", d."Description", d."Source", d."CurrentVersion", d."CreatedUtc", d."UpdatedUtc"
            FROM "Decks" d CROSS JOIN tenancy_copy_guilds g WHERE d."GuildId" IS NULL ORDER BY g."GuildId", d."Id";

        -- Deck keys were unique across guilds before, so a guild's deck with a seeded deck's key is its copy.
        CREATE TEMP TABLE tenancy_deck_map AS
            SELECT d."Id" AS "OldId", n."GuildId", n."Id" AS "NewId"
            FROM "Decks" d JOIN "Decks" n ON n."Key" = d."Key" AND n."GuildId" IS NOT NULL
            WHERE d."GuildId" IS NULL;

        INSERT INTO "DeckVersions" ("DeckId", "Number", "UploadedUtc", "CardCount", "Added", "Changed", "Retired", "Restored")
            SELECT m."NewId", v."Number", v."UploadedUtc", v."CardCount", v."Added", v."Changed", v."Retired", v."Restored"
            FROM "DeckVersions" v JOIN tenancy_deck_map m ON m."OldId" = v."DeckId" ORDER BY m."NewId", v."Number";

        INSERT INTO "Cards" ("DeckId", "Key", "NoteKey", "Kind", "Prompt", "Answers", "Choices", "Explanation", "Hint", "Tags",
                "Ordinal", "Retired", "AddedInVersion", "ChangedInVersion", "RetiredInVersion")
            SELECT m."NewId", c."Key", c."NoteKey", c."Kind", c."Prompt", c."Answers", c."Choices", c."Explanation", c."Hint", c."Tags",
                c."Ordinal", c."Retired", c."AddedInVersion", c."ChangedInVersion", c."RetiredInVersion"
            FROM "Cards" c JOIN tenancy_deck_map m ON m."OldId" = c."DeckId" ORDER BY m."NewId", c."Id";

        CREATE TEMP TABLE tenancy_card_map AS
            SELECT c."Id" AS "OldId", m."GuildId", n."Id" AS "NewId"
            FROM "Cards" c JOIN tenancy_deck_map m ON m."OldId" = c."DeckId" JOIN "Cards" n ON n."DeckId" = m."NewId" AND n."Key" = c."Key";

        INSERT INTO "Enrolments" ("UserId", "DeckId", "EnrolledUtc")
            SELECT e."UserId", m."NewId", e."EnrolledUtc"
            FROM "Enrolments" e JOIN tenancy_deck_map m ON m."OldId" = e."DeckId"
            JOIN tenancy_progress_users p ON p."GuildId" = m."GuildId" AND p."UserId" = e."UserId";

        INSERT INTO "CardStates" ("UserId", "CardId", "Version", "Difficulty", "Due", "ElapsedDays", "Lapses", "LastReview",
                "LearningSteps", "Leech", "Reps", "ScheduledDays", "Stability", "State", "Suspended")
            SELECT s."UserId", m."NewId", s."Version", s."Difficulty", s."Due", s."ElapsedDays", s."Lapses", s."LastReview",
                s."LearningSteps", s."Leech", s."Reps", s."ScheduledDays", s."Stability", s."State", s."Suspended"
            FROM "CardStates" s JOIN tenancy_card_map m ON m."OldId" = s."CardId"
            JOIN tenancy_progress_users p ON p."GuildId" = m."GuildId" AND p."UserId" = s."UserId";

        INSERT INTO "ReviewLog" ("UserId", "CardId", "Kind", "Source", "Rating", "AnswerText", "Note", "ResponseTimeMs", "InteractionId",
                "ReviewedUtc", "DesiredRetention", "UndoesId",
                "AfterDifficulty", "AfterDue", "AfterElapsedDays", "AfterLapses", "AfterLastReview", "AfterLearningSteps", "AfterLeech",
                "AfterReps", "AfterScheduledDays", "AfterStability", "AfterState", "AfterSuspended",
                "BeforeDifficulty", "BeforeDue", "BeforeElapsedDays", "BeforeLapses", "BeforeLastReview", "BeforeLearningSteps", "BeforeLeech",
                "BeforeReps", "BeforeScheduledDays", "BeforeStability", "BeforeState", "BeforeSuspended")
            SELECT l."UserId", m."NewId", l."Kind", l."Source", l."Rating", l."AnswerText", l."Note", l."ResponseTimeMs", l."InteractionId" || '#' || m."GuildId",
                l."ReviewedUtc", l."DesiredRetention", NULL,
                l."AfterDifficulty", l."AfterDue", l."AfterElapsedDays", l."AfterLapses", l."AfterLastReview", l."AfterLearningSteps", l."AfterLeech",
                l."AfterReps", l."AfterScheduledDays", l."AfterStability", l."AfterState", l."AfterSuspended",
                l."BeforeDifficulty", l."BeforeDue", l."BeforeElapsedDays", l."BeforeLapses", l."BeforeLastReview", l."BeforeLearningSteps", l."BeforeLeech",
                l."BeforeReps", l."BeforeScheduledDays", l."BeforeStability", l."BeforeState", l."BeforeSuspended"
            FROM "ReviewLog" l JOIN tenancy_card_map m ON m."OldId" = l."CardId"
            JOIN tenancy_progress_users p ON p."GuildId" = m."GuildId" AND p."UserId" = l."UserId"
            ORDER BY m."GuildId", l."Id";

        CREATE TEMP TABLE tenancy_log_map AS
            SELECT l."Id" AS "OldId", m."GuildId", n."Id" AS "NewId"
            FROM "ReviewLog" l JOIN tenancy_card_map m ON m."OldId" = l."CardId"
            JOIN "ReviewLog" n ON n."InteractionId" = l."InteractionId" || '#' || m."GuildId";

        UPDATE "ReviewLog" SET "UndoesId" = (
                SELECT target."NewId" FROM tenancy_log_map copy
                JOIN "ReviewLog" original ON original."Id" = copy."OldId"
                JOIN tenancy_log_map target ON target."OldId" = original."UndoesId" AND target."GuildId" = copy."GuildId"
                WHERE copy."NewId" = "ReviewLog"."Id")
            WHERE "Id" IN (SELECT copy."NewId" FROM tenancy_log_map copy JOIN "ReviewLog" original ON original."Id" = copy."OldId" WHERE original."UndoesId" IS NOT NULL);

        UPDATE "Quizzes" SET "CardId" = (
                SELECT m."NewId" FROM tenancy_card_map m WHERE m."OldId" = "Quizzes"."CardId" AND m."GuildId" = "Quizzes"."GuildId")
            WHERE EXISTS (SELECT 1 FROM tenancy_card_map m WHERE m."OldId" = "Quizzes"."CardId" AND m."GuildId" = "Quizzes"."GuildId");

        UPDATE "Decks" SET "GuildId" = COALESCE((SELECT MIN("GuildId") FROM tenancy_guilds), 0) WHERE "GuildId" IS NULL;

        DROP TABLE tenancy_log_map;
        DROP TABLE tenancy_card_map;
        DROP TABLE tenancy_deck_map;
        DROP TABLE tenancy_progress_users;
        DROP TABLE tenancy_copy_guilds;
        DROP TABLE tenancy_members;
        DROP TABLE tenancy_guilds;
        """;
}
