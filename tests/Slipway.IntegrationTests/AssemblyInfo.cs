// Integration tests share one Docker engine, one registry port range and the repository's artifacts/:
// they run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
