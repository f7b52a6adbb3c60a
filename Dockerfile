# syntax=docker/dockerfile:1
# StudyBot: built by the .NET SDK image, run by the ASP.NET runtime image as a non-root user.
# Configuration comes only from the environment (docker run -e / compose "environment:"):
#   DISCORD_TOKEN, Discord__ApplicationId, optionally Discord__PublicKey (HTTP interactions
#   endpoint instead of the gateway), Discord__GuildId, Backup__Directory, Backup__Keep, ...
# The SQLite database lives in the /data volume; keep backups (Backup__Directory) on a second volume.
# Built for linux-x64 (the published folder carries only that platform's native libraries);
# build with BuildKit (the default in current Docker) for the restore cache mounts.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore first, from the project files alone: this layer is reused until a dependency changes.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/StudyBot.Core/StudyBot.Core.csproj src/StudyBot.Core/
COPY src/StudyBot.Data/StudyBot.Data.csproj src/StudyBot.Data/
COPY src/StudyBot.Data.Sqlite/StudyBot.Data.Sqlite.csproj src/StudyBot.Data.Sqlite/
COPY src/StudyBot.Data.Postgres/StudyBot.Data.Postgres.csproj src/StudyBot.Data.Postgres/
COPY src/StudyBot.Discord/StudyBot.Discord.csproj src/StudyBot.Discord/
COPY src/StudyBot.Emulator/StudyBot.Emulator.csproj src/StudyBot.Emulator/
COPY src/StudyBot/StudyBot.csproj src/StudyBot/
RUN --mount=type=cache,id=nuget,target=/root/.nuget/packages \
    dotnet restore src/StudyBot/StudyBot.csproj --runtime linux-x64
COPY .editorconfig ./
COPY src/ src/
COPY decks/ decks/
RUN --mount=type=cache,id=nuget,target=/root/.nuget/packages \
    dotnet publish src/StudyBot/StudyBot.csproj --configuration Release --runtime linux-x64 --self-contained false --no-restore --output /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
LABEL org.opencontainers.image.title="StudyBot" \
      org.opencontainers.image.description="A spaced-repetition study bot for Discord"
# The /stats chart draws its text with DejaVu; without a font the chart has no labels.
RUN apt-get update \
    && apt-get install --yes --no-install-recommends fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/* \
    && mkdir /data /backups \
    && chown "$APP_UID" /data /backups
WORKDIR /app
COPY --from=build /app ./
ENV ASPNETCORE_HTTP_PORTS=8080 \
    ConnectionStrings__StudyBot="Data Source=/data/studybot.db" \
    DOTNET_NOLOGO=1
VOLUME /data
# Health (/healthz, /readyz), metrics (/metrics) and, with Discord__PublicKey, /interactions.
EXPOSE 8080
# The image's non-root user (APP_UID, 1654), never root.
USER $APP_UID
# Healthy means ready: the database, Discord and the scheduler answer (/readyz), not only the process.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["dotnet", "/app/studybot.dll", "health", "--ready"]
ENTRYPOINT ["dotnet", "/app/studybot.dll"]
