using Npgsql;
using Stack.Api;
using Stack.Api.Database;
using Stack.Api.Health;
using Stack.Api.Items;
using Stack.Api.Jobs;
using Stack.Api.Metrics;
using Stack.Shared;
using StackExchange.Redis;

var builder = WebApplication.CreateBuilder(args);
builder.Logging.ClearProviders().AddSimpleConsole(options => options.SingleLine = true);

var config = builder.Configuration;
builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(config.RequiredConnectionString("Database")));
builder.Services.AddSingleton<IConnectionMultiplexer>(_ => RedisConnection.Connect(config.RequiredConnectionString("Cache")));
builder.Services.AddSingleton<RequestMetrics>();
builder.Services.AddSingleton<ReadinessProbe>();
builder.Services.AddSingleton<ItemStore>();
builder.Services.AddSingleton<ItemCache>();
builder.Services.AddSingleton<JobStore>();

var app = builder.Build();

await Schema.ApplyAsync(
    app.Services.GetRequiredService<NpgsqlDataSource>(),
    app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(Schema)),
    app.Lifetime.ApplicationStopping);

app.UseRequestMetrics();
app.MapMetrics();
app.MapHealth();
app.MapGet("/api/v1/version", () => new { version = AppVersion.Current });
app.MapItems();
app.MapJobs();

app.Run();
