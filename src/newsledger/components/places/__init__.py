"""Places: toponym recognition and gazetteer resolution with coordinates and country."""
