"""`marsad doctor`: check a store's integrity and report."""
