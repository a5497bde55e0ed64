namespace Hub.Gateway.Operations;

/// <summary>
/// <c>{name:grainkey}</c>: a route value that can name a string-keyed grain and its journal stream. Orleans refuses an
/// empty or all-whitespace key, and the journal refuses stream ids with control characters or more than 200
/// characters; each refusal is an exception that would surface as a 500. Such a path names no agency, so it does not
/// match (404). Agency ids themselves are 3 to 40 characters; the grain still answers a malformed one that passes here
/// with its own precise 400. (Lone surrogates, which the journal refuses too, cannot reach a route value: a path that
/// is not valid UTF-8 stays percent-encoded.)
/// </summary>
public sealed class GrainKeyRouteConstraint : IRouteConstraint
{
    public const string Name = "grainkey";

    /// <summary>Far above any agency id, far below the journal's stream id limit with a stream prefix added.</summary>
    public const int MaxLength = 100;

    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection)
    {
        ArgumentNullException.ThrowIfNull(values);
        return values.TryGetValue(routeKey, out var value) && value is string key && IsGrainKey(key);
    }

    public static bool IsGrainKey(string key) => !string.IsNullOrWhiteSpace(key) && key.Length <= MaxLength && !key.Any(char.IsControl);
}
