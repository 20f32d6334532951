"""Events: PLOVER-typed acts with actors, targets, place, date and casualties."""
