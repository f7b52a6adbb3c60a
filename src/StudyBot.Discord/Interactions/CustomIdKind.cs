using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace StudyBot.Discord.Interactions;

/// <summary>
/// One kind of custom_id a feature puts on its buttons, select menus or modals: the prefix the router
/// matches, and how the rest of the id carries a <typeparamref name="T"/>. Reading never throws: an id
/// that is not of this kind (an older layout, a forged or truncated id) is refused with false.
/// </summary>
public interface ICustomIdKind<T>
    where T : class
{
    /// <summary>What the router matches; the rest of the custom_id is the argument.</summary>
    string Prefix { get; }

    /// <summary>The whole custom_id for <paramref name="value"/>, prefix included.</summary>
    string Format(T value);

    /// <summary>Reads the argument (the custom_id after <see cref="Prefix"/>).</summary>
    bool TryParse(string argument, [NotNullWhen(true)] out T? value);
}

/// <summary>One named number a custom_id carries (<c>cardId</c> = 12).</summary>
public readonly record struct CustomIdValue(string Name, long Value);

/// <summary>
/// What a custom_id carries, by name, without knowing the handler's type: what a gate checks before
/// any handler runs (a card id must be one of this place's cards, a log id the clicking user's own).
/// </summary>
public interface ICustomIdLayout
{
    string Prefix { get; }

    /// <summary>The named numbers of the argument (the custom_id after <see cref="Prefix"/>); false when it does not read.</summary>
    bool TryReadValues(string argument, [NotNullWhen(true)] out IReadOnlyList<CustomIdValue>? values);
}

/// <summary>A named whole number in a custom_id, from 0 up to <paramref name="Max"/>.</summary>
public sealed record CustomIdField(string Name, long Max)
{
    public static CustomIdField Int(string name) => new(name, int.MaxValue);

    public static CustomIdField Long(string name) => new(name, long.MaxValue);
}

/// <summary>
/// A custom_id of whole numbers joined by ':' after a prefix (<c>rv:c:12:3:1:0</c>), each number named
/// here once, so handlers read properties instead of positions. <paramref name="write"/> and
/// <paramref name="read"/> map the value to and from the numbers in the order of
/// <paramref name="fields"/>; <paramref name="read"/> may refuse numbers that do not make a value
/// (an undefined rating) by returning null.
/// </summary>
public sealed class CustomIdKind<T>(string prefix, IReadOnlyList<CustomIdField> fields, Func<T, long[]> write, Func<long[], T?> read)
    : ICustomIdKind<T>, ICustomIdLayout
    where T : class
{
    private const char Separator = ':';

    public string Prefix { get; } = prefix;

    public IReadOnlyList<CustomIdField> Fields { get; } = fields;

    public string Format(T value)
    {
        var numbers = write(value);
        if (numbers.Length != Fields.Count)
        {
            throw new InvalidOperationException($"{this} takes {Fields.Count} numbers, not {numbers.Length}.");
        }

        return Prefix + string.Join(Separator, numbers.Select(n => n.ToString(CultureInfo.InvariantCulture)));
    }

    public bool TryReadValues(string argument, [NotNullWhen(true)] out IReadOnlyList<CustomIdValue>? values)
    {
        values = null;
        if (!TryReadNumbers(argument, out var numbers) || read(numbers) is null)
        {
            return false;
        }

        values = [.. Fields.Select((f, i) => new CustomIdValue(f.Name, numbers[i]))];
        return true;
    }

    public bool TryParse(string argument, [NotNullWhen(true)] out T? value)
    {
        value = TryReadNumbers(argument, out var numbers) ? read(numbers) : null;
        return value is not null;
    }

    private bool TryReadNumbers(string argument, [NotNullWhen(true)] out long[]? result)
    {
        result = null;
        var parts = argument.Split(Separator);
        if (parts.Length != Fields.Count)
        {
            return false;
        }

        var numbers = new long[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!long.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]) || numbers[i] > Fields[i].Max)
            {
                return false;
            }
        }

        result = numbers;
        return true;
    }

    /// <summary>The layout, for messages: <c>rv:c:{cardId}:{nonce}:{choice}:{scope}</c>.</summary>
    public override string ToString() => Prefix + string.Join(Separator, Fields.Select(f => "{" + f.Name + "}"));
}
