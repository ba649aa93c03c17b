using System.Text.Json;
using Stack.Shared;
using StackExchange.Redis;

namespace Stack.Api.Items;

/// <summary>
/// Read-through cache of item reads in Redis. Redis being down never fails a request: reads fall back
/// to PostgreSQL, and the short expiry bounds staleness when an invalidation could not be sent.
/// </summary>
internal sealed class ItemCache(IConnectionMultiplexer redis, ILogger<ItemCache> logger)
{
    public const string ListKey = "stack:items:all";
    private static readonly TimeSpan Expiry = TimeSpan.FromSeconds(30);
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public static string ItemKey(long id) => $"stack:items:{id}";

    public async Task<T?> GetOrLoadAsync<T>(string key, Func<Task<T?>> load) where T : class
    {
        var database = redis.GetDatabase();
        try
        {
            var cached = await database.StringGetAsync(key);
            if (cached.HasValue)
            {
                return JsonSerializer.Deserialize<T>(cached.ToString(), JsonOptions);
            }
        }
        catch (RedisException exception)
        {
            logger.LogWarning("Cache read of {Key} failed, reading the database: {Reason}", key, RedisConnection.Describe(exception));
            return await load();
        }

        var loaded = await load();
        if (loaded is not null)
        {
            await TryAsync(key, () => database.StringSetAsync(key, JsonSerializer.Serialize(loaded, JsonOptions), Expiry));
        }
        return loaded;
    }

    public Task InvalidateAsync(params RedisKey[] keys) =>
        TryAsync(string.Join(", ", keys), () => redis.GetDatabase().KeyDeleteAsync(keys));

    private async Task TryAsync(string keys, Func<Task> write)
    {
        try
        {
            await write();
        }
        catch (RedisException exception)
        {
            logger.LogWarning("Cache write of {Keys} failed: {Reason}", keys, RedisConnection.Describe(exception));
        }
    }
}
