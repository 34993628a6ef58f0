"""Named-entity recognition: the shipped CRF tagger and optional backends."""
