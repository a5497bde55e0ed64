namespace Hub.Gateway.Operations;

/// <summary>
/// <c>{name:grainkey}</c>: a route value that can name a string-keyed grain. Orleans refuses an empty or all-whitespace
/// key with an exception, which would surface as a 500; such a path names no agency, so it does not match (404).
/// </summary>
public sealed class GrainKeyRouteConstraint : IRouteConstraint
{
    public const string Name = "grainkey";

    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection)
    {
        ArgumentNullException.ThrowIfNull(values);
        return values.TryGetValue(routeKey, out var value) && value is string key && !string.IsNullOrWhiteSpace(key);
    }
}
