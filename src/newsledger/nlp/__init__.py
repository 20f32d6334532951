"""spaCy behind one adapter (the only place spaCy is imported) and shared parse helpers."""
