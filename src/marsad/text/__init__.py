"""Pure text functions: normalisation, segmentation, fingerprints. Imports nothing above layer 0."""
