"""Event coding: trigger patterns, CAMEO/Goldstein/PLOVER tables."""
