"""One widget per module, each with its stylesheet beside it."""
