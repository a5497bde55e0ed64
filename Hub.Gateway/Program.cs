using System.Text.Json.Serialization;
using Hub.Gateway.Agencies;
using Hub.Gateway.Attachments;
using Hub.Gateway.Audit;
using Hub.Gateway.Auth;
using Hub.Gateway.Cases;
using Hub.Gateway.Inbox;
using Hub.Gateway.Auth.Development;
using Hub.Gateway.Live;
using Hub.Gateway.Operations;
using Hub.Gateway.Routing;
using Hub.Gateway.Stats;
using Hub.Gateway.Verification;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);

// The documented default address, unless --urls / ASPNETCORE_URLS say otherwise.
if (string.IsNullOrEmpty(builder.Configuration["urls"]))
{
    builder.WebHost.UseUrls("http://localhost:5080");
}

// Orleans: the silo runs in this process (embedded) or the gateway joins a cluster as a client.
builder.AddHubOrleans();

// Identity: Microsoft.Identity.Web on every endpoint and hub; a user acts for exactly one agency.
builder.AddHubAuthentication();

// Health, RFC 9457 problem details, OpenTelemetry.
builder.AddHubOperations();

// JSON: enums as names only, so an unknown kind is a 400 rather than a silent number.
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false)));

// Sealed messages: inline size limit and the check of each sender's signed statement.
builder.Services.Configure<MessageLimits>(builder.Configuration.GetSection(MessageLimits.Section));
builder.Services.AddSingleton<StatementVerifier>();
builder.Services.AddSingleton<GrainReferences>();
builder.Services.Configure<RouteOptions>(routes => routes.SetParameterPolicy<GrainKeyRouteConstraint>(GrainKeyRouteConstraint.Name));

// Live updates: SignalR pushes hints (inbox sequence numbers); clients fetch content over HTTP.
builder.Services.AddSingleton<InboxFeed>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<InboxFeed>());
builder.Services.AddSignalR()
    .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false)));

// API description, browsable at /scalar.
builder.Services.AddOpenApi();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();

app.MapHubHealth();
app.MapOpenApi().AllowAnonymous();
app.MapScalarApiReference().AllowAnonymous();
if (app.Services.GetService<IOptions<DevIdentityOptions>>()?.Value.Enabled == true)
{
    app.MapDevIdentityProvider();
}

app.MapMe();
app.MapAgencies();
app.MapAgencyKeys();
app.MapRoutes();
app.MapCases();
app.MapMessages();
app.MapAttachments();
app.MapInbox();
app.MapStats();
app.MapAudit();
app.MapCaseAudit();
app.MapAgencyAudit();
app.MapHub<LiveHub>("/hubs/live");

app.Run();
