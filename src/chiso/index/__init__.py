"""Analytics core: index frameworks, published results, scores, ranks, tiers (no Django)."""
