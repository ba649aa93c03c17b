using Npgsql;
using Stack.Shared;
using Stack.Worker;

var builder = Host.CreateApplicationBuilder(args);
builder.Logging.ClearProviders().AddSimpleConsole(options => options.SingleLine = true);

var config = builder.Configuration;
builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(config.RequiredConnectionString("Database")));
// The worker's own connection may block in BLMOVE, so its commands get more time than the block lasts.
builder.Services.AddSingleton(_ => RedisConnection.Connect(config.RequiredConnectionString("Cache"), JobWorker.BlockTimeout * 2));
builder.Services.AddSingleton(new Heartbeat(config["HEARTBEAT_FILE"] ?? "/tmp/worker-heartbeat"));
builder.Services.AddSingleton<JobProcessor>();
builder.Services.AddHostedService<JobWorker>();

builder.Build().Run();
