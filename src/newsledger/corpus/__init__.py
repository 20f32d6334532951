"""Work across documents: entity resolution, conflicts, cross-source event merging, near-duplicates."""
