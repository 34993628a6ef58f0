"""Commands over a store: dyad analytics, exports and static plots."""
