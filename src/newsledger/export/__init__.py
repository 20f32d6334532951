"""Exports: JSONL, CSV, Parquet, GraphML and GeoJSON."""
