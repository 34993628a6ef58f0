"""Actor dictionary: canonical actors, dated CAMEO roles, countries, agents and places."""
