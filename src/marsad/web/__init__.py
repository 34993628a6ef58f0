"""The HTTP API and the dashboard of `marsad serve`: a thin shell over marsad.analytics."""
