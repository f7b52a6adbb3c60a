using Microsoft.Extensions.DependencyInjection;
using StudyBot.Discord.Models;

namespace StudyBot.Discord.Interactions;

public enum InteractionRouteKind
{
    Command,
    Autocomplete,
    Component,
    Modal,
}

/// <summary>What the router answers at once, before observers and the handler run.</summary>
public enum RouteAcknowledgement
{
    /// <summary>Nothing: the handler gives the first answer.</summary>
    None,

    /// <summary>
    /// A deferred ephemeral reply (callback 5, ephemeral), sent as soon as the route is known; the
    /// handler finishes with <see cref="IInteractionResponder.EditOriginalAsync"/>. For clicks that
    /// always answer privately after database work, so a whole class clicking at once is
    /// acknowledged within Discord's 3 seconds whatever the database is doing.
    /// </summary>
    DeferEphemeral,
}

/// <summary>One registration: a command path, or a custom_id prefix for components and modals.</summary>
public sealed record InteractionRoute(InteractionRouteKind Kind, string Key, Func<InteractionContext, Task> Handler)
{
    public RouteAcknowledgement Acknowledgement { get; init; }

    /// <summary>
    /// For buttons, select menus and modals registered with their custom_id kind: what the rest of the
    /// custom_id carries, by name, for gates to check (<see cref="IInteractionGate"/>). Null for a route
    /// registered by a bare prefix, whose custom_id a gate may hold to carry nothing after it.
    /// </summary>
    public ICustomIdLayout? Layout { get; init; }
}

/// <summary>Registers routes; every feature may call <c>AddDiscordInteractions</c> with its own.</summary>
public sealed class InteractionRoutesBuilder(IServiceCollection services)
{
    public InteractionRoutesBuilder Command(string path, Func<InteractionContext, Task> handler) => Add(InteractionRouteKind.Command, path, handler);

    public InteractionRoutesBuilder Autocomplete(string path, Func<InteractionContext, Task> handler) => Add(InteractionRouteKind.Autocomplete, path, handler);

    /// <summary>Buttons and select menus whose custom_id starts with <paramref name="prefix"/>; the router may acknowledge them first (<paramref name="acknowledgement"/>).</summary>
    public InteractionRoutesBuilder Component(string prefix, Func<InteractionContext, Task> handler, RouteAcknowledgement acknowledgement = RouteAcknowledgement.None)
        => Add(InteractionRouteKind.Component, prefix, handler, acknowledgement);

    /// <summary>Buttons and select menus whose custom_id is of <paramref name="kind"/>: gates see what its numbers name.</summary>
    public InteractionRoutesBuilder Component<T>(ICustomIdKind<T> kind, Func<InteractionContext, Task> handler, RouteAcknowledgement acknowledgement = RouteAcknowledgement.None)
        where T : class
        => Add(InteractionRouteKind.Component, kind.Prefix, handler, acknowledgement, kind as ICustomIdLayout);

    /// <summary>Modals whose custom_id is of <paramref name="kind"/>: gates see what its numbers name.</summary>
    public InteractionRoutesBuilder Modal<T>(ICustomIdKind<T> kind, Func<InteractionContext, Task> handler, RouteAcknowledgement acknowledgement = RouteAcknowledgement.None)
        where T : class
        => Add(InteractionRouteKind.Modal, kind.Prefix, handler, acknowledgement, kind as ICustomIdLayout);

    public InteractionRoutesBuilder Modal(string prefix, Func<InteractionContext, Task> handler, RouteAcknowledgement acknowledgement = RouteAcknowledgement.None)
        => Add(InteractionRouteKind.Modal, prefix, handler, acknowledgement);

    private InteractionRoutesBuilder Add(
        InteractionRouteKind kind, string key, Func<InteractionContext, Task> handler, RouteAcknowledgement acknowledgement = RouteAcknowledgement.None, ICustomIdLayout? layout = null)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            throw new ArgumentException($"A {kind} route needs a non-empty key.", nameof(key));
        }

        services.AddSingleton(new InteractionRoute(kind, key, handler) { Acknowledgement = acknowledgement, Layout = layout });
        return this;
    }
}

/// <summary>All routes, indexed: exact command paths, longest-prefix-first custom_id prefixes.</summary>
public sealed class InteractionRouteTable
{
    private readonly Dictionary<string, InteractionRoute> _commands = new(StringComparer.Ordinal);
    private readonly Dictionary<string, InteractionRoute> _autocomplete = new(StringComparer.Ordinal);
    private readonly List<InteractionRoute> _components;
    private readonly List<InteractionRoute> _modals;

    public InteractionRouteTable(IEnumerable<InteractionRoute> routes)
    {
        var all = routes.ToList();
        All = all;
        foreach (var route in all.Where(r => r.Kind is InteractionRouteKind.Command or InteractionRouteKind.Autocomplete))
        {
            var table = route.Kind == InteractionRouteKind.Command ? _commands : _autocomplete;
            if (!table.TryAdd(route.Key, route))
            {
                throw new InvalidOperationException($"Two {route.Kind} handlers are registered for '{route.Key}'.");
            }
        }

        _components = Prefixes(all, InteractionRouteKind.Component);
        _modals = Prefixes(all, InteractionRouteKind.Modal);
    }

    /// <summary>Every registered route, in registration order.</summary>
    public IReadOnlyList<InteractionRoute> All { get; }

    /// <summary>The route for this interaction and the custom_id remainder after its prefix; null when nothing matches.</summary>
    public (InteractionRoute Route, string Argument)? Find(InteractionContext context)
    {
        switch (context.Interaction.Type)
        {
            case InteractionType.ApplicationCommand:
                return Exact(_commands, context.CommandPath);
            case InteractionType.ApplicationCommandAutocomplete:
                return Exact(_autocomplete, context.CommandPath);
            case InteractionType.MessageComponent:
                return Prefix(_components, context.CustomId);
            case InteractionType.ModalSubmit:
                return Prefix(_modals, context.CustomId);
            default:
                return null;
        }
    }

    private static (InteractionRoute, string)? Exact(Dictionary<string, InteractionRoute> table, string? key)
        => key is not null && table.TryGetValue(key, out var route) ? (route, "") : null;

    private static (InteractionRoute, string)? Prefix(List<InteractionRoute> routes, string? customId)
    {
        if (customId is null)
        {
            return null;
        }

        foreach (var route in routes)
        {
            if (customId.StartsWith(route.Key, StringComparison.Ordinal))
            {
                return (route, customId[route.Key.Length..]);
            }
        }

        return null;
    }

    private static List<InteractionRoute> Prefixes(List<InteractionRoute> all, InteractionRouteKind kind)
    {
        var routes = all.Where(r => r.Kind == kind).OrderByDescending(r => r.Key.Length).ToList();
        var duplicate = routes.GroupBy(r => r.Key).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null ? routes : throw new InvalidOperationException($"Two {kind} handlers are registered for prefix '{duplicate.Key}'.");
    }
}
