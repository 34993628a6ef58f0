"""Executors run the ingest pipeline over shards of the input (locally or on Dask) and load
the shards' results into the store; steps know nothing of them, and nothing imports them."""
