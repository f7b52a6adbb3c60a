using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace StudyBot.Discord.Models;

/// <summary>A Discord id: a 64-bit integer that travels as a string on the wire (JavaScript cannot hold it as a number).</summary>
[JsonConverter(typeof(SnowflakeJsonConverter))]
public readonly record struct Snowflake(ulong Value) : IComparable<Snowflake>
{
    /// <summary>Milliseconds since the first second of 2015, the epoch Discord counts from.</summary>
    public const long DiscordEpochMs = 1420070400000;

    public DateTimeOffset CreatedAt => DateTimeOffset.FromUnixTimeMilliseconds((long)(Value >> 22) + DiscordEpochMs);

    /// <summary>The shard that receives this guild's events: (guild_id &gt;&gt; 22) % shard count.</summary>
    public int ShardFor(int shardCount) => (int)((Value >> 22) % (ulong)shardCount);

    public static Snowflake Parse(string text) => new(ulong.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture));

    public static bool TryParse(string? text, out Snowflake value)
    {
        var ok = ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var raw);
        value = new Snowflake(raw);
        return ok;
    }

    public int CompareTo(Snowflake other) => Value.CompareTo(other.Value);

    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);

    public static implicit operator Snowflake(ulong value) => new(value);
}

/// <summary>Writes snowflakes as strings; reads strings and, leniently, numbers.</summary>
public sealed class SnowflakeJsonConverter : JsonConverter<Snowflake>
{
    public override Snowflake Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return new Snowflake(reader.GetUInt64());
        }

        var text = reader.GetString();
        return Snowflake.TryParse(text, out var value)
            ? value
            : throw new JsonException($"'{text}' is not a snowflake (a decimal 64-bit id in a string).");
    }

    public override void Write(Utf8JsonWriter writer, Snowflake value, JsonSerializerOptions options)
    {
        Span<byte> buffer = stackalloc byte[20];
        value.Value.TryFormat(buffer, out var written, default, CultureInfo.InvariantCulture);
        writer.WriteStringValue(buffer[..written]);
    }

    public override Snowflake ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => Snowflake.Parse(reader.GetString()!);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, Snowflake value, JsonSerializerOptions options)
        => writer.WritePropertyName(value.ToString());
}
