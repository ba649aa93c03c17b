namespace Stack.Api.Items;

public sealed record Item(long Id, string Name, DateTimeOffset CreatedAt);

public sealed record NewItem(string? Name);
