"""Named-entity fixes over spaCy's entities: news gazetteers, sports, datelines, person/place typing."""
