using Hub.Silo.Hosting;
using Microsoft.Extensions.Hosting;

// Standalone silo host: `dotnet run --project Hub.Silo`. Gateways then run with Hub:Orleans:Mode=Client.
var builder = Host.CreateApplicationBuilder(args);
builder.UseOrleans(silo => silo.AddHubSilo(builder.Configuration, builder.Environment.IsDevelopment()));
await builder.Build().RunAsync();
