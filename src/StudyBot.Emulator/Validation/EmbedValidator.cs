using System.Text.Json.Nodes;

namespace StudyBot.Emulator.Validation;

/// <summary>Discord's embed limits: 10 embeds; title 256, description 4096, 25 fields (256/1024), footer 2048, author 256; 6000 in all.</summary>
internal static class EmbedValidator
{
    public const int MaxTotal = 6000;

    public static void Validate(JsonObject body, FieldChecker check)
    {
        var embeds = check.Array(body, "embeds", "", 0, 10);
        if (embeds is null)
        {
            return;
        }
        var total = 0;
        for (var i = 0; i < embeds.Count; i++)
        {
            var path = $"embeds.{i}";
            if (check.AsObject(embeds[i], path) is { } embed)
            {
                total += ValidateOne(embed, path, check);
            }
        }
        if (total > MaxTotal)
        {
            check.Errors.Add("embeds", "MAX_EMBED_SIZE_EXCEEDED", $"Embed size exceeds maximum size of {MaxTotal}");
        }
    }

    private static int ValidateOne(JsonObject embed, string path, FieldChecker check)
    {
        var size = 0;
        size += Len(check.String(embed, "title", path, 0, 256));
        size += Len(check.String(embed, "description", path, 0, 4096));
        check.String(embed, "url", path, 0, 2048);
        check.String(embed, "timestamp", path, 0, 64);
        check.Integer(embed, "color", path, 0, 0xFFFFFF);
        if (check.Object(embed, "footer", path) is { } footer)
        {
            size += Len(check.String(footer, "text", $"{path}.footer", 1, 2048, required: true));
            check.String(footer, "icon_url", $"{path}.footer", 0, 2048);
        }
        if (check.Object(embed, "author", path) is { } author)
        {
            size += Len(check.String(author, "name", $"{path}.author", 1, 256, required: true));
            check.String(author, "url", $"{path}.author", 0, 2048);
            check.String(author, "icon_url", $"{path}.author", 0, 2048);
        }
        foreach (var media in new[] { "image", "thumbnail" })
        {
            if (check.Object(embed, media, path) is { } m)
            {
                check.String(m, "url", $"{path}.{media}", 1, 2048, required: true);
            }
        }
        var fields = check.Array(embed, "fields", path, 0, 25);
        for (var i = 0; fields is not null && i < fields.Count; i++)
        {
            var fieldPath = $"{path}.fields.{i}";
            if (check.AsObject(fields[i], fieldPath) is { } field)
            {
                size += Len(check.String(field, "name", fieldPath, 1, 256, required: true));
                size += Len(check.String(field, "value", fieldPath, 1, 1024, required: true));
                check.Bool(field, "inline", fieldPath);
            }
        }
        return size;
    }

    private static int Len(string? s) => s is null ? 0 : FieldChecker.Length(s);
}
