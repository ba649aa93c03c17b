namespace Stack.Api.Items;

internal static class ItemEndpoints
{
    private const int MaxNameLength = 200;

    public static void MapItems(this IEndpointRouteBuilder app)
    {
        var items = app.MapGroup("/api/v1/items");

        items.MapGet("", (ItemStore store, ItemCache cache, CancellationToken ct) =>
            cache.GetOrLoadAsync<IReadOnlyList<Item>>(ItemCache.ListKey, async () => await store.ListAsync(ct)));

        items.MapGet("/{id:long}", async (long id, ItemStore store, ItemCache cache, CancellationToken ct) =>
            await cache.GetOrLoadAsync(ItemCache.ItemKey(id), () => store.GetAsync(id, ct)) is { } item
                ? Results.Ok(item)
                : Results.NotFound());

        items.MapPost("", async (NewItem body, ItemStore store, ItemCache cache, CancellationToken ct) =>
        {
            var name = body.Name?.Trim();
            if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["name"] = [$"A name of 1 to {MaxNameLength} characters is required."],
                });
            }
            var item = await store.CreateAsync(name, ct);
            await cache.InvalidateAsync(ItemCache.ListKey);
            return Results.Created($"/api/v1/items/{item.Id}", item);
        });

        items.MapDelete("/{id:long}", async (long id, ItemStore store, ItemCache cache, CancellationToken ct) =>
        {
            if (!await store.DeleteAsync(id, ct))
            {
                return Results.NotFound();
            }
            await cache.InvalidateAsync(ItemCache.ListKey, ItemCache.ItemKey(id));
            return Results.NoContent();
        });
    }
}
