using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Hub.Gateway.Operations;

/// <summary>Health endpoints, problem details, OpenTelemetry.</summary>
public static class OperationsExtensions
{
    private const string ReadyTag = "ready";

    public static WebApplicationBuilder AddHubOperations(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddHealthChecks().AddCheck<SiloReadinessCheck>("silo", tags: [ReadyTag]);

        // Errors are RFC 9457 problem details. Framework-generated 400s (body not JSON, wrong shape,
        // unknown enum value) carry no detail of their own: say what kind of problem it is, never echo the input.
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            if (context.ProblemDetails.Status == StatusCodes.Status400BadRequest && context.ProblemDetails.Detail is null)
            {
                context.ProblemDetails.Detail = "The request is malformed: its body is not valid JSON or does not match the expected shape.";
            }
        });
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = false);

        builder.AddHubTelemetry();
        return builder;
    }

    public static IEndpointRouteBuilder MapHubHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag) }).AllowAnonymous();
        return app;
    }

    /// <summary>Traces and metrics of ASP.NET Core, SignalR and Orleans; <c>Telemetry:Exporter</c> = none | console | otlp.</summary>
    private static void AddHubTelemetry(this WebApplicationBuilder builder)
    {
        var exporter = builder.Configuration.GetValue("Telemetry:Exporter", "none")!.ToUpperInvariant();
        if (exporter == "NONE")
        {
            return;
        }

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("hub-gateway"))
            .WithTracing(t =>
            {
                t.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddSource("Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application");
                _ = exporter == "OTLP" ? t.AddOtlpExporter() : t.AddConsoleExporter();
            })
            .WithMetrics(m =>
            {
                m.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddMeter("Microsoft.Orleans", "Hub");
                _ = exporter == "OTLP" ? m.AddOtlpExporter() : m.AddConsoleExporter();
            });
    }
}
