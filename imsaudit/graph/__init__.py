"""The clause dependency graph. networkx stays inside this package; others use ClauseGraph."""
