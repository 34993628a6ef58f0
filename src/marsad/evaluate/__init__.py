"""Scorers for the evaluation gate: NER (CoNLL), actors and events against gold sets."""
