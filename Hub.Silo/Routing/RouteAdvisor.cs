using Hub.Contracts.Agencies;
using Hub.Contracts.Cases;

namespace Hub.Silo.Routing;

/// <summary>
/// Suggests recipients from the hosting country and agency kinds: content hosted at home goes to the
/// national police unit; abroad, to the hosting country's hotline, or a liaison point where that country
/// has none in the network; urgent cases also to the liaison points' duty desks.
/// </summary>
public static class RouteAdvisor
{
    public static IReadOnlyList<RouteSuggestion> Suggest(AgencyProfile sender, string hostingCountry, Priority priority, IEnumerable<AgencyProfile> network)
    {
        ArgumentNullException.ThrowIfNull(sender);
        var agencies = network.Where(a => a.Id != sender.Id).ToList();
        var liaison = agencies.Where(a => a.Kind == AgencyKind.LiaisonPoint).OrderBy(a => a.Id, StringComparer.Ordinal).ToList();
        var suggestions = new List<RouteSuggestion>();

        if (hostingCountry == sender.Country)
        {
            suggestions.AddRange(agencies
                .Where(a => a.Kind == AgencyKind.PoliceUnit && a.Country == sender.Country)
                .Select(a => new RouteSuggestion(a.Id, "Hosted in your own country: the national police unit decides on investigation and takedown.")));
        }
        else
        {
            var hostingHotlines = agencies.Where(a => a.Kind == AgencyKind.Hotline && a.Country == hostingCountry).ToList();
            suggestions.AddRange(hostingHotlines.Select(a => new RouteSuggestion(a.Id, $"Hosted in {hostingCountry}: that country's hotline issues the takedown notice.")));
            if (hostingHotlines.Count == 0)
            {
                suggestions.AddRange(liaison.Select(a => new RouteSuggestion(a.Id, $"No hotline of {hostingCountry} in the network: a liaison point coordinates.")));
            }
            else
            {
                // Cross-border cases are offered to the liaison points too, for deconfliction.
                suggestions.AddRange(liaison.Select(a => new RouteSuggestion(a.Id, "Cross-border case: the liaison point coordinates between countries.")));
            }
        }

        if (priority == Priority.Urgent)
        {
            suggestions.AddRange(liaison
                .Where(a => suggestions.All(s => s.AgencyId != a.Id))
                .Select(a => new RouteSuggestion(a.Id, "Urgent (child at imminent risk): the liaison duty desk is always informed.")));
        }

        return suggestions;
    }
}
