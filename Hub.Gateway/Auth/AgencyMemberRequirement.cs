using Microsoft.AspNetCore.Authorization;

namespace Hub.Gateway.Auth;

/// <summary>The caller's token resolves to exactly one agency (see <see cref="CallerResolver"/>).</summary>
public sealed class AgencyMemberRequirement : IAuthorizationRequirement;

/// <summary>Meets <see cref="AgencyMemberRequirement"/> when the caller resolves; otherwise the request gets 403.</summary>
public sealed class AgencyMemberHandler(CallerResolver callers) : AuthorizationHandler<AgencyMemberRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, AgencyMemberRequirement requirement)
    {
        if (callers.TryResolve(context.User, out _))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
