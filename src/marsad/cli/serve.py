"""`marsad serve`: the HTTP API and the dashboard."""
