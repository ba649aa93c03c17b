using Slipway.Containers.Building;

namespace Slipway.Containers.Tests.Building;

/// <summary>When a polled local tag counts as a newly loaded image.</summary>
public class LoadWatchTests
{
    private static IReadOnlyList<(string, string)> NewlyLoaded(Dictionary<string, string?> before, Dictionary<string, string?> now) =>
        LoadWatch.NewlyLoaded(before, now);

    [Fact]
    public void A_tag_that_appears_is_a_loaded_image() =>
        Assert.Equal([("db", "sha256:new")], NewlyLoaded(new() { ["db"] = null }, new() { ["db"] = "sha256:new" }));

    [Fact]
    public void A_tag_that_moves_to_another_image_is_a_loaded_image() =>
        Assert.Equal([("db", "sha256:new")], NewlyLoaded(new() { ["db"] = "sha256:old" }, new() { ["db"] = "sha256:new" }));

    [Fact]
    public void A_tag_still_naming_the_image_of_before_the_bake_is_not() =>
        Assert.Empty(NewlyLoaded(new() { ["db"] = "sha256:old" }, new() { ["db"] = "sha256:old" }));

    [Fact]
    public void A_tag_not_there_yet_is_not() =>
        Assert.Empty(NewlyLoaded(new() { ["db"] = null, ["api"] = "sha256:old" }, new() { ["db"] = null, ["api"] = "sha256:old" }));

    [Fact]
    public void Several_at_once_come_in_a_stable_order() =>
        Assert.Equal([("api", "sha256:a"), ("db", "sha256:d")],
            NewlyLoaded(new() { ["db"] = null, ["api"] = null, ["cache"] = null }, new() { ["db"] = "sha256:d", ["cache"] = null, ["api"] = "sha256:a" }));
}
