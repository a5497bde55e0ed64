// Cluster tests start several processes each and one restarts the PostgreSQL server: they run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
