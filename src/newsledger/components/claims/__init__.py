"""Claims: attribute values stated about entities (in power since, age, birthplace ...)."""
